package jp.telework.desk.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.KafkaBroker;
import jp.telework.desk.infra.Ports;

/** A fresh real Kafka broker (KRaft) for a module's tests, with the project's topics created. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        var workDir = Dirs.testWorkDir("kafka");
        Dirs.delete(workDir);
        broker = KafkaBroker.start(workDir, Ports.free(), Ports.free());
        broker.createTopics(Topics.all());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }
}
