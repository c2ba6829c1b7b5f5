package jp.telework.desk.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Remembers which events a consumer has applied, in the same transaction as their effect. */
@ApplicationScoped
public class Inbox {
    @Inject
    EntityManager em;

    /** True the first time this consumer sees the event id; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String eventType) {
        return em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, event_type) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .executeUpdate() == 1;
    }
}
