package jp.telework.desk.common.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Which payload class and handler belong to which CloudEvents type; other types are ignored. */
public final class EventHandlers {
    record Entry<T>(Class<T> payloadType, BiConsumer<EventContext, T> handler) {
    }

    private final Map<String, Entry<?>> byType = new HashMap<>();

    public <T> EventHandlers on(String type, Class<T> payloadType, BiConsumer<EventContext, T> handler) {
        byType.put(type, new Entry<>(payloadType, handler));
        return this;
    }

    Entry<?> get(String type) {
        return byType.get(type);
    }
}
