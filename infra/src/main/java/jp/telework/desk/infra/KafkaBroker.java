package jp.telework.desk.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import jp.telework.desk.kafka.BrokerClasspath;

/** A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process). */
public final class KafkaBroker {
    private final Path workDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private ManagedProcess process;

    private KafkaBroker(Path workDir, int port, int controllerPort) {
        this.workDir = workDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = workDir.resolve("kafka.log");
    }

    public static KafkaBroker start(Path workDir, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(Dirs.create(workDir), port, controllerPort);
        broker.start();
        return broker;
    }

    public synchronized void start() {
        Ports.requireFree(port, "Kafka", "the Kafka port setting");
        Ports.requireFree(controllerPort, "Kafka controller", "the Kafka controller port setting");
        Path config = writeConfig();
        String classpath = BrokerClasspath.read();
        if (!Files.exists(workDir.resolve("data").resolve("meta.properties"))) {
            ManagedProcess.run("kafka-storage-format", List.of(Java.executable(), "-cp", classpath,
                    "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                    workDir, Map.of(), logFile, Duration.ofMinutes(2));
        }
        process = ManagedProcess.start("kafka", List.of(Java.executable(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-cp", classpath, "kafka.Kafka", config.toString()), workDir, Map.of(), logFile, "TERM");
        Waits.until("Kafka on port " + port, Duration.ofSeconds(90), this::answering, process);
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Creates topics (3 partitions: events of one aggregate share a key, hence a partition). */
    public void createTopics(Collection<String> names) {
        try (Admin admin = admin()) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new InfraException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while creating topics");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new InfraException("Kafka did not create topics within 30 s; see " + logFile, e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    private boolean answering() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private Path writeConfig() {
        String config = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(port, controllerPort, workDir.resolve("data"));
        Path file = workDir.resolve("server.properties");
        try {
            Files.writeString(file, config);
        } catch (IOException e) {
            throw new InfraException("cannot write " + file, e);
        }
        return file;
    }
}
