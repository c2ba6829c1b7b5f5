package jp.telework.desk.seminar.event;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.telework.desk.common.outbox.Outbox;
import jp.telework.desk.events.RegistrationEventV1;
import jp.telework.desk.events.SeminarEventV1;
import jp.telework.desk.events.EventType;
import jp.telework.desk.seminar.domain.Registration;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * Turns seminar and registration changes into outbox rows on seminars.events, keyed by the seminar
 * id so one seminar's events stay in order. Ids, codes, counts and statuses only: no names, no
 * contact details, no join links.
 */
@ApplicationScoped
public class SeminarEvents {

    @Inject
    Outbox outbox;

    public void seminar(EventType<SeminarEventV1> type, Seminar s) {
        outbox.record(type, s.id.toString(),
                new SeminarEventV1(s.id, s.kind.name(), s.format.name(), s.hostPrefecture(), s.venuePrefecture,
                        s.startsAt.atZoneSameInstant(Tokyo.ZONE).toOffsetDateTime(), s.totalCapacity(), s.status.name()));
    }

    /** @param waitlistPosition the registration's place in its waitlist, only while WAITLISTED */
    public void registration(EventType<RegistrationEventV1> type, Seminar s, Registration r, Integer waitlistPosition) {
        outbox.record(type, s.id.toString(),
                new RegistrationEventV1(r.id, s.id, s.hostPrefecture(), r.seats, r.status.name(), waitlistPosition));
    }
}
