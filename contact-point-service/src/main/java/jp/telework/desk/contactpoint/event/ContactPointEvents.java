package jp.telework.desk.contactpoint.event;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.telework.desk.common.outbox.Outbox;
import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.events.ContactPointChangedV1;
import jp.telework.desk.events.EventTypes;

/** Turns contact-point changes into outbox rows on contact-points.events, keyed by the code. */
@ApplicationScoped
public class ContactPointEvents {
    @Inject
    Outbox outbox;

    public void changed(ContactPoint cp) {
        outbox.record(EventTypes.CONTACT_POINT_CHANGED, cp.code, new ContactPointChangedV1(cp.code, cp.region.name(),
                List.of(cp.modes), cp.faceToFaceAvailable(), cp.active, cp.latitude, cp.longitude));
    }
}
