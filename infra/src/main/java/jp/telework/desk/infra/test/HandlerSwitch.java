package jp.telework.desk.infra.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Breaks an event handler on purpose, for the dead-letter desk tests: a test-only subclass of the bean a
 * consumer delegates to calls {@link #check} with the event's aggregate id first, so a test breaks the
 * handling of its own aggregate only (other tests' events flow on), sees the event dead-lettered, then
 * "fixes" the handler and replays it.
 */
public final class HandlerSwitch {
    private static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

    private HandlerSwitch() {
    }

    public static void breakFor(String aggregate) {
        BROKEN.add(aggregate);
    }

    public static void fix(String aggregate) {
        BROKEN.remove(aggregate);
    }

    /** Fails like a bug in the handler (not poison: retried, then dead-lettered) while {@code aggregate} is broken. */
    public static void check(String aggregate) {
        if (BROKEN.contains(aggregate)) {
            throw new IllegalStateException("handler broken for " + aggregate + " (test switch)");
        }
    }
}
