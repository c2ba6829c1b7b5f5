package jp.telework.desk.common.testapp;

import jp.telework.desk.events.EventType;

/** Event types of the test application only (not part of the desk's catalogue). */
public final class TestEvents {
    /** Consumed by {@link NoteConsumer}. */
    public static final EventType<NoteV1> NOTED = new EventType<>("test.noted.v1", "notes.events", NoteV1.class);
    /** Recorded through the outbox by the relay tests; nobody consumes it. */
    public static final EventType<NoteV1> RELAYED = new EventType<>("test.relayed.v1", "relay-test.events", NoteV1.class);

    private TestEvents() {
    }
}
