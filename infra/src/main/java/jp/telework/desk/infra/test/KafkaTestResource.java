package jp.telework.desk.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.KafkaBroker;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.infra.shared.Fresh;
import jp.telework.desk.infra.shared.SharedInfra;

/**
 * A real Kafka broker (KRaft) for a module's tests with the project's topics created empty: the
 * build's shared broker (see {@link SharedInfra}), emptied of every topic and consumer group an
 * earlier module left, or with {@code TELEWORK_TEST_INFRA=isolated} a broker of its own.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        String bootstrap;
        if (SharedInfra.enabled()) {
            SharedInfra infra = SharedInfra.get();
            SharedInfra.Server kafka = infra.ensure("kafka");
            bootstrap = "127.0.0.1:" + kafka.port();
            Fresh.topics(bootstrap, Topics.all());
            if (!kafka.started()) {
                infra.console("reusing Kafka on " + bootstrap + " for " + SharedInfra.module()
                        + ": topics and consumer groups deleted, " + Topics.all().size() + " topics re-created empty");
            }
        } else {
            var workDir = Dirs.testWorkDir("kafka");
            Dirs.delete(workDir);
            broker = KafkaBroker.start(workDir, Ports.free(), Ports.free());
            broker.createTopics(Topics.all());
            bootstrap = broker.bootstrapServers();
        }
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }
}
