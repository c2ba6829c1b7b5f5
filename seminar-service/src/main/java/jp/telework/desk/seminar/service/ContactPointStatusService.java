package jp.telework.desk.seminar.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.telework.desk.common.inbox.PoisonEventException;
import jp.telework.desk.common.vocabulary.Prefectures;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.events.ContactPointChangedV1;
import jp.telework.desk.seminar.domain.ContactPointStatus;

/**
 * Keeps which prefectural associations exist and are active, from contact-point.changed events. Runs in
 * the consumer's transaction, which also records the event id (a redelivery changes nothing).
 */
@ApplicationScoped
public class ContactPointStatusService {
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String eventId, ContactPointChangedV1 event) {
        PoisonEventException.require(Prefectures.isCode(event.code()), "unknown contact point code " + event.code());
        ContactPointStatus status = ContactPointStatus.findById(event.code());
        boolean known = status != null;
        if (!known) {
            status = new ContactPointStatus();
            status.code = event.code();
        }
        status.region = event.region();
        status.active = event.active();
        status.lastEventId = eventId;
        status.updatedAt = Tokyo.now(clock);
        if (!known) {
            status.persist();
        }
    }
}
