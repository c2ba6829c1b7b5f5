package jp.telework.desk.contactpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.contactpoint.inbound.ConsultationEventsConsumer;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

/** consultations.events on the real broker keep the per-slot booked counts, exactly once in effect. */
@QuarkusTest
class BookingEventsTest {
    private static final String CP = "11";

    @Inject
    MeterRegistry meters;

    private List<Map<String, Object>> slots;

    @BeforeEach
    void plan() {
        if (Api.slots(CP, "").isEmpty()) {
            Api.putPlan(CP, "secretariat", "*", Api.plan(Api.EVERY_DAY, "13:00", "17:00", 60, 2, "IN_PERSON")).then().statusCode(200);
        }
        slots = Api.slots(CP, "from=" + Api.today().plusDays(1));
    }

    private int booked(Object slotId) {
        return ((Number) Api.slot(CP, slotId).get("booked")).intValue();
    }

    private void awaitBooked(Object slotId, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> booked(slotId) == expected);
    }

    private double redelivered() {
        Counter c = meters.find("telework.events.redelivered").tag("consumer", ConsultationEventsConsumer.CONSUMER).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aRedeliveredBookingIsCountedOnce() {
        Object slotId = slots.get(0).get("id");
        UUID booking = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = Api.consultation(booking, slotId, null, CP, "BOOKED");
        double before = redelivered();
        Api.publishConsultation(eventId, EventTypes.CONSULTATION_BOOKED.name(), booking.toString(), json);
        awaitBooked(slotId, 1);
        // the same CloudEvent again (same ce_id): the inbox recognizes it
        Api.publishConsultation(eventId, EventTypes.CONSULTATION_BOOKED.name(), booking.toString(), json);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> redelivered() >= before + 1);
        assertEquals(1, booked(slotId));
        assertEquals(1, Api.slot(CP, slotId).get("remaining"));
    }

    @Test
    void cancelRescheduleAndOtherStatesFollowTheBooking() {
        Object a = slots.get(1).get("id");
        Object b = slots.get(2).get("id");
        UUID booking = UUID.randomUUID();
        String key = booking.toString();
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_BOOKED.name(), key, Api.consultation(booking, a, null, CP, "BOOKED"));
        awaitBooked(a, 1);
        // moved to b: a gives the seat back, b takes it
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_RESCHEDULED.name(), key,
                Api.consultation(booking, b, a, CP, "BOOKED"));
        awaitBooked(b, 1);
        assertEquals(0, booked(a));
        // needing a reschedule gives the place back (consultation-service no longer counts it there) ...
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_NEEDS_RESCHEDULE.name(), key,
                Api.consultation(booking, b, null, CP, "NEEDS_RESCHEDULE"));
        awaitBooked(b, 0);
        // ... and moving it afterwards takes a place in the new slot without releasing the old one twice
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_RESCHEDULED.name(), key,
                Api.consultation(booking, b, b, CP, "BOOKED"));
        awaitBooked(b, 1);
        assertEquals(0, booked(a));
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_CANCELLED.name(), key,
                Api.consultation(booking, b, null, CP, "CANCELLED"));
        awaitBooked(b, 0);
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_CANCELLED.name(), key,
                Api.consultation(booking, b, null, CP, "CANCELLED"));
        // an unknown type is skipped; a marker booking on a proves the stream went past both
        Api.publishConsultation(UUID.randomUUID().toString(), "consultation.teleported.v9", key, "{\"whatever\":true}");
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_BOOKED.name(), key,
                Api.consultation(UUID.randomUUID(), a, null, CP, "BOOKED"));
        awaitBooked(a, 1);
        assertEquals(0, booked(b));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndConsumptionContinues() {
        Object slotId = slots.get(3).get("id");
        UUID poisonKey = UUID.randomUUID();
        UUID unknownSlotKey = UUID.randomUUID();
        try (TopicProbe dlq = TestInfra.probe(Topics.dlq(Topics.CONSULTATIONS, "contact-point-service"))) {
            Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_BOOKED.name(), poisonKey.toString(), "{not json");
            Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_BOOKED.name(), unknownSlotKey.toString(),
                    Api.consultation(unknownSlotKey, UUID.randomUUID(), null, CP, "BOOKED"));
            dlq.await(e -> poisonKey.toString().equals(e.key()), Duration.ofSeconds(60));
            dlq.await(e -> unknownSlotKey.toString().equals(e.key()), Duration.ofSeconds(60));
        }
        UUID booking = UUID.randomUUID();
        Api.publishConsultation(UUID.randomUUID().toString(), EventTypes.CONSULTATION_BOOKED.name(), booking.toString(),
                Api.consultation(booking, slotId, null, CP, "BOOKED"));
        awaitBooked(slotId, 1);
    }
}
