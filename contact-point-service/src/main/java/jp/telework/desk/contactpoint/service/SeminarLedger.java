package jp.telework.desk.contactpoint.service;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.telework.desk.common.inbox.PoisonEventException;
import jp.telework.desk.contactpoint.domain.RegistrationRef;
import jp.telework.desk.contactpoint.domain.SeminarRef;
import jp.telework.desk.events.RegistrationEventV1;
import jp.telework.desk.events.SeminarEventV1;
import jakarta.inject.Inject;
import java.time.Clock;
import jp.telework.desk.common.vocabulary.Tokyo;

/** Remembers seminars and registrations per host prefecture (from seminars.events) for utilization. */
@ApplicationScoped
public class SeminarLedger {
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void seminar(SeminarEventV1 e) {
        PoisonEventException.require(e.seminarId() != null && e.status() != null, "seminarId and status are required");
        SeminarRef s = SeminarRef.findById(e.seminarId());
        if (s == null) {
            s = new SeminarRef();
            s.seminarId = e.seminarId();
        }
        s.hostPrefecture = e.hostPrefecture();
        s.venuePrefecture = e.venuePrefecture();
        s.kind = e.kind();
        s.format = e.format();
        s.startsAt = e.startsAt();
        s.capacity = Math.max(0, e.capacity());
        s.status = e.status();
        s.updatedAt = Tokyo.now(clock);
        s.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void registration(RegistrationEventV1 e) {
        PoisonEventException.require(e.registrationId() != null && e.seminarId() != null && e.status() != null,
                "registrationId, seminarId and status are required");
        RegistrationRef r = RegistrationRef.findById(e.registrationId());
        if (r == null) {
            r = new RegistrationRef();
            r.registrationId = e.registrationId();
        }
        r.seminarId = e.seminarId();
        r.hostPrefecture = e.hostPrefecture();
        r.seats = Math.max(0, e.seats());
        r.status = e.status();
        r.updatedAt = Tokyo.now(clock);
        r.persist();
    }
}
