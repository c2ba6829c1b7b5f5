package jp.telework.desk.common.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import jp.telework.desk.events.EventType;

/**
 * The handlers of one consumer (one incoming channel, so one topic), by event type; types without a
 * handler are ignored. A handler runs in the inbox transaction and signals an event that can never be
 * applied with {@link PoisonEventException}.
 */
public final class EventHandlers {
    record Entry<T>(EventType<T> type, BiConsumer<EventContext, T> handler) {
    }

    private final Map<String, Entry<?>> byType = new LinkedHashMap<>();
    private String topic;

    public <T> EventHandlers on(EventType<T> type, BiConsumer<EventContext, T> handler) {
        if (topic == null) {
            topic = type.topic();
        } else if (!topic.equals(type.topic())) {
            // a channel reads one topic: a handler for another topic's type would never be called
            throw new IllegalStateException(type + " is published on " + type.topic() + ", these handlers read " + topic);
        }
        if (byType.putIfAbsent(type.name(), new Entry<>(type, handler)) != null) {
            throw new IllegalStateException("two handlers for " + type);
        }
        return this;
    }

    /** The topic these handlers' types are published on (null while there is none). */
    public String topic() {
        return topic;
    }

    Entry<?> get(String type) {
        return byType.get(type);
    }
}
