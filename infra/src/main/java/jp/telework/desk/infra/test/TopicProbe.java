package jp.telework.desk.infra.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the real broker from tests, the way another service would. */
public final class TopicProbe implements AutoCloseable {
    /** A record as seen on the wire: key, CloudEvents headers and JSON data. */
    public record Event(String topic, String key, String id, String type, String subject, String data) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final String bootstrap;
    private final List<Event> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        this.bootstrap = bootstrapServers;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls until an event matching the predicate arrived, or fails after the timeout. */
    public Event await(Predicate<Event> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Event e : seen) {
                if (match.test(e)) {
                    return e;
                }
            }
            poll(Duration.ofMillis(300));
        }
        throw new AssertionError("no matching event within " + timeout.toSeconds() + " s; saw " + seen.size() + " events: "
                + seen.stream().map(e -> e.type() + "/" + e.key()).toList());
    }

    /** Everything received so far after polling for the given time (to count duplicates). */
    public List<Event> drain(Duration quietFor) {
        poll(quietFor);
        return List.copyOf(seen);
    }

    private void poll(Duration d) {
        for (ConsumerRecord<String, String> r : consumer.poll(d)) {
            seen.add(new Event(r.topic(), r.key(), header(r, "ce_id"), header(r, "ce_type"), header(r, "ce_subject"), r.value()));
        }
    }

    /** Publishes a CloudEvent (binary mode) as a producer service would; used for redelivery and poison tests. */
    public void publish(String topic, String key, String id, String type, String data) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, data);
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "urn:telework:test".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError("cannot publish to " + topic, e);
        }
    }

    /** Publishes a record that is no CloudEvent at all (no ce_ headers): poison for every consumer. */
    public void publishPlain(String topic, String key, String data) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, data)).get();
        } catch (Exception e) {
            throw new AssertionError("cannot publish to " + topic, e);
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
