package jp.telework.desk.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of event: its versioned CloudEvents {@code type} (e.g. {@code consultation.booked.v1}), the
 * topic it is published on and the class of its JSON {@code data}. The outbox takes it to record an
 * event and the consumers take it to declare a handler, so the name, the topic and the payload of an
 * event are written once, in {@link EventTypes}.
 *
 * @param name the CloudEvents {@code type}: dotted lower-case words ending in {@code .v<version>}
 * @param topic the Kafka topic every event of this type goes to
 * @param payloadType the record its {@code data} reads into (its JSON shape is pinned by EventShapeTest)
 */
public record EventType<T>(String name, String topic, Class<T> payloadType) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]*(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*");

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type " + name + " is not <words>.v<version>");
        }
    }

    /** The version in the name: a breaking change of the payload is a new type with a higher one. */
    public int version() {
        return Integer.parseInt(name.substring(name.lastIndexOf(".v") + 2));
    }

    /** True when a CloudEvents {@code type} attribute names this type. */
    public boolean is(String type) {
        return name.equals(type);
    }

    @Override
    public String toString() {
        return name;
    }
}
