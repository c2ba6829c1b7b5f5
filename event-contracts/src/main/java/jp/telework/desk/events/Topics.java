package jp.telework.desk.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The event topics, who consumes them, and the dead-letter topics that follow from that.
 *
 * <p>Dead letters are kept per consumer group: {@code <topic>.<consumer-group>.dlq}, e.g.
 * {@code contact-points.events.consultation-service.dlq}. Two services reading the same topic can fail
 * on different events (one's projection refuses what the other accepts); with one shared
 * {@code <topic>.dlq} an operator could not tell whose failure a dead letter is, and replaying it would
 * feed it to both. This class is the one place the names are derived; each service's
 * {@code mp.messaging.incoming.*.dead-letter-queue.topic}, docker/kafka's topic list and the k8s
 * {@code KafkaTopic}s are checked against it (deploy-tests).
 */
public final class Topics {
    public static final String CONTACT_POINTS = "contact-points.events";
    public static final String CONSULTATIONS = "consultations.events";
    public static final String SEMINARS = "seminars.events";

    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9-]*");

    /**
     * A consumer group reading a topic (the Kafka {@code group.id} of a service's incoming channel);
     * its poison events go to {@link #deadLetterTopic()}.
     */
    public record Subscription(String topic, String group) {
        public Subscription {
            Objects.requireNonNull(topic, "topic");
            if (group == null || !GROUP.matcher(group).matches()) {
                throw new IllegalArgumentException("consumer group " + group + " is not lower-case words with dashes");
            }
        }

        public String deadLetterTopic() {
            return topic + "." + group + ".dlq";
        }
    }

    /** Every consumer group of the desk and the topic it reads; a new consumer adds its line here. */
    public static final List<Subscription> SUBSCRIPTIONS = List.of(
            new Subscription(CONSULTATIONS, "contact-point-service"),
            new Subscription(SEMINARS, "contact-point-service"),
            new Subscription(CONTACT_POINTS, "consultation-service"),
            new Subscription(CONTACT_POINTS, "seminar-service"));

    private Topics() {
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String dlq(String topic, String group) {
        return new Subscription(topic, group).deadLetterTopic();
    }

    /** The three event topics. */
    public static List<String> events() {
        return List.of(CONTACT_POINTS, CONSULTATIONS, SEMINARS);
    }

    /** The dead-letter topic of every subscription. */
    public static List<String> deadLetters() {
        return SUBSCRIPTIONS.stream().map(Subscription::deadLetterTopic).toList();
    }

    /** Every topic a deployment must create: the event topics and the dead-letter topics. */
    public static List<String> all() {
        List<String> all = new ArrayList<>(events());
        all.addAll(deadLetters());
        return List.copyOf(all);
    }
}
