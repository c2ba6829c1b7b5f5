package jp.telework.desk.common.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.telework.desk.common.inbox.EventContext;
import jp.telework.desk.common.inbox.PoisonEventException;

/** What the test consumer delegates to: applies a note, or fails the way the note asks. Counts calls per event id. */
@ApplicationScoped
public class NoteService {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    /** The switch the dead-letter tests break and fix the handler with, per event id. */
    private volatile Predicate<String> broken = id -> false;

    public void breakFor(Predicate<String> eventIds) {
        broken = eventIds;
    }

    public void fix() {
        broken = id -> false;
    }

    /** The ids applied, in the order they were applied. */
    public List<String> applied() {
        return List.copyOf(applied);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventContext ctx, NoteV1 note) {
        int call = calls.computeIfAbsent(ctx.id(), id -> new AtomicInteger()).incrementAndGet();
        if (broken.test(ctx.id())) {
            throw new IllegalStateException("handler broken for " + ctx.id() + " (test switch)");
        }
        String behaviour = note.behaviour() == null ? "ok" : note.behaviour();
        if (behaviour.equals("poison")) {
            throw new PoisonEventException("note " + ctx.id() + " can never apply");
        }
        if (behaviour.equals("failing")) {
            throw new IllegalStateException("our own bug, call " + call);
        }
        if (behaviour.equals("illegal")) {
            throw new IllegalArgumentException("an IllegalArgumentException is no longer a poison signal, call " + call);
        }
        if (behaviour.startsWith("transient:") && call <= Integer.parseInt(behaviour.substring("transient:".length()))) {
            // what Hibernate/Agroal throw while the database is away
            throw new RuntimeException("Unable to acquire JDBC Connection", new SQLTransientConnectionException("injected", "08001"));
        }
        Note n = new Note();
        n.id = ctx.id();
        n.text = note.text();
        n.persist();
        applied.add(ctx.id());
    }

    public int calls(String eventId) {
        AtomicInteger c = calls.get(eventId);
        return c == null ? 0 : c.get();
    }
}
