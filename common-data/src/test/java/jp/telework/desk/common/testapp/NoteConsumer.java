package jp.telework.desk.common.testapp;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.telework.desk.common.inbox.EventHandlers;
import jp.telework.desk.common.inbox.IdempotentConsumer;

/** A consumer shaped like the services' inbound consumers: handlers in one place, logic in {@link NoteService}. */
@ApplicationScoped
@Startup // registers its handlers with the dead-letter desk at start, before any message arrives
public class NoteConsumer {
    public static final String CONSUMER = "common-data-test.notes";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    NoteService notes;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = consumer.register(CONSUMER, new EventHandlers().on(TestEvents.NOTED, notes::apply));
    }

    @Incoming("notes-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> on(Message<String> message) {
        return consumer.apply(CONSUMER, message, handlers);
    }
}
