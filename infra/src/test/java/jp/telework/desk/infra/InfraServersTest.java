package jp.telework.desk.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The Docker-free servers are real: PostgreSQL keeps data across a restart, Kafka moves a record. */
class InfraServersTest {

    @Test
    void postgresKeepsDataAcrossRestart() throws Exception {
        var dir = Dirs.testWorkDir("pg-restart");
        Dirs.delete(dir);
        PostgresServer pg = PostgresServer.start(dir, Ports.free(), false);
        try {
            pg.createDatabase("probe");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("probe"), "postgres", "")) {
                c.createStatement().execute("CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')");
            }
            pg.stop();
            pg.start();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("probe"), "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery("SELECT v, version() FROM t")) {
                assertTrue(rs.next());
                assertEquals("kept", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("PostgreSQL 18"), rs.getString(2));
            }
        } finally {
            pg.stop();
        }
        assertTrue(Ports.isFree(pg.port()), "the server released its port");
    }

    @Test
    void kafkaBrokerMovesARecord() {
        var dir = Dirs.testWorkDir("kafka-probe");
        Dirs.delete(dir);
        KafkaBroker kafka = KafkaBroker.start(dir, Ports.free(), Ports.free());
        try {
            kafka.createTopics(List.of("probe"));
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
            }
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "probe");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                String value = null;
                while (value == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    for (var r : records) {
                        value = r.value();
                    }
                }
                assertEquals("hello", value);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            kafka.stop();
        }
    }

    @Test
    void aTakenPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var e = assertThrows(InfraException.class,
                    () -> PostgresServer.start(Dirs.testWorkDir("pg-port"), taken.getLocalPort(), false));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("PostgreSQL"), e.getMessage());
        }
    }
}
