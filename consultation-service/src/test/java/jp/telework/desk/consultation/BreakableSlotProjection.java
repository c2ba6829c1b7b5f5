package jp.telework.desk.consultation;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;
import jp.telework.desk.consultation.service.SlotProjectionService;
import jp.telework.desk.events.EventType;
import jp.telework.desk.events.SlotV1;
import jp.telework.desk.infra.test.HandlerSwitch;

/** The real projection, which {@link HandlerSwitch} can break per slot for the dead-letter desk tests. */
@Mock
@ApplicationScoped
public class BreakableSlotProjection extends SlotProjectionService {
    @Override
    public void slot(EventType<SlotV1> type, SlotV1 e) {
        HandlerSwitch.check(String.valueOf(e.slotId()));
        super.slot(type, e);
    }
}
