package jp.telework.desk.seminar;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;
import jp.telework.desk.events.ContactPointChangedV1;
import jp.telework.desk.infra.test.HandlerSwitch;
import jp.telework.desk.seminar.service.ContactPointStatusService;

/** The real service, which {@link HandlerSwitch} can break per contact point for the dead-letter desk tests. */
@Mock
@ApplicationScoped
public class BreakableContactPointStatuses extends ContactPointStatusService {
    @Override
    public void changed(String eventId, ContactPointChangedV1 event) {
        HandlerSwitch.check(event.code());
        super.changed(eventId, event);
    }
}
