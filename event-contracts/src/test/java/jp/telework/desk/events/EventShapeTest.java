package jp.telework.desk.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Pins the JSON shape of every payload: a change here breaks consumers in other services, so it
 * must be a new versioned type rather than an edit.
 */
class EventShapeTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void slot() throws Exception {
        var slot = new SlotV1(A, "13", LocalDate.of(2026, 11, 24), LocalTime.of(10, 0), LocalTime.of(10, 30),
                "IN_PERSON", 3, SlotV1.OPEN, 2);
        assertShape("{\"slotId\":\"" + A + "\",\"contactPointCode\":\"13\",\"date\":\"2026-11-24\","
                + "\"startTime\":\"10:00:00\",\"endTime\":\"10:30:00\",\"mode\":\"IN_PERSON\",\"capacity\":3,"
                + "\"status\":\"OPEN\",\"revision\":2}", slot, SlotV1.class);
    }

    @Test
    void contactPoint() throws Exception {
        var cp = new ContactPointChangedV1("13", "KANTO", List.of("IN_PERSON", "ONLINE"), true, true, 35.68, 139.69);
        assertShape("{\"code\":\"13\",\"region\":\"KANTO\",\"modes\":[\"IN_PERSON\",\"ONLINE\"],"
                + "\"faceToFaceAvailable\":true,\"active\":true,\"latitude\":35.68,\"longitude\":139.69}", cp,
                ContactPointChangedV1.class);
    }

    @Test
    void consultation() throws Exception {
        var ev = new ConsultationEventV1(A, B, null, "27", "ONLINE", LocalDate.of(2026, 12, 1),
                List.of("SECURITY"), "BOOKED");
        assertShape("{\"bookingId\":\"" + A + "\",\"slotId\":\"" + B + "\",\"previousSlotId\":null,"
                + "\"contactPointCode\":\"27\",\"mode\":\"ONLINE\",\"slotDate\":\"2026-12-01\","
                + "\"topics\":[\"SECURITY\"],\"status\":\"BOOKED\"}", ev, ConsultationEventV1.class);
    }

    @Test
    void inquiry() throws Exception {
        assertShape("{\"inquiryId\":\"" + A + "\",\"prefecture\":\"01\",\"category\":\"SECURITY\",\"status\":\"OPEN\"}",
                new InquiryEventV1(A, "01", "SECURITY", "OPEN"), InquiryEventV1.class);
    }

    @Test
    void seminarAndRegistration() throws Exception {
        var seminar = new SeminarEventV1(A, "SEMINAR", "HYBRID", null, "30",
                OffsetDateTime.parse("2026-11-25T14:00:00+09:00"), 20, "PUBLISHED");
        assertShape("{\"seminarId\":\"" + A + "\",\"kind\":\"SEMINAR\",\"format\":\"HYBRID\",\"hostPrefecture\":null,"
                + "\"venuePrefecture\":\"30\",\"startsAt\":\"2026-11-25T14:00:00+09:00\",\"capacity\":20,"
                + "\"status\":\"PUBLISHED\"}", seminar, SeminarEventV1.class);
        var registration = new RegistrationEventV1(B, A, "13", 2, "WAITLISTED", 4);
        assertShape("{\"registrationId\":\"" + B + "\",\"seminarId\":\"" + A + "\",\"hostPrefecture\":\"13\","
                + "\"seats\":2,\"status\":\"WAITLISTED\",\"waitlistPosition\":4}", registration, RegistrationEventV1.class);
    }

    @Test
    void everyConsumerGroupHasItsOwnDeadLetterTopic() {
        assertEquals(List.of("contact-points.events", "consultations.events", "seminars.events"), Topics.events());
        assertEquals(List.of("consultations.events.contact-point-service.dlq", "seminars.events.contact-point-service.dlq",
                "contact-points.events.consultation-service.dlq", "contact-points.events.seminar-service.dlq"),
                Topics.deadLetters());
        assertEquals("contact-points.events.seminar-service.dlq", Topics.dlq(Topics.CONTACT_POINTS, "seminar-service"));
        assertEquals(7, Topics.all().size());
        assertEquals(Topics.all().size(), new java.util.HashSet<>(Topics.all()).size(), "no two consumers share a DLQ");
        assertThrows(IllegalArgumentException.class, () -> Topics.dlq(Topics.SEMINARS, "Seminar Service"));
    }

    /** The wire names, topics and payload classes of the catalogue: renaming one breaks every consumer. */
    @Test
    void theCatalogueKeepsTheWireNames() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("contact-point.changed.v1", "contact-points.events ContactPointChangedV1");
        expected.put("slot.opened.v1", "contact-points.events SlotV1");
        expected.put("slot.changed.v1", "contact-points.events SlotV1");
        expected.put("slot.closed.v1", "contact-points.events SlotV1");
        for (String t : List.of("booked", "rescheduled", "cancelled", "completed", "no-show", "needs-reschedule")) {
            expected.put("consultation." + t + ".v1", "consultations.events ConsultationEventV1");
        }
        expected.put("inquiry.submitted.v1", "consultations.events InquiryEventV1");
        expected.put("inquiry.answered.v1", "consultations.events InquiryEventV1");
        for (String t : List.of("published", "updated", "cancelled", "completed")) {
            expected.put("seminar." + t + ".v1", "seminars.events SeminarEventV1");
        }
        for (String t : List.of("confirmed", "waitlisted", "promoted", "cancelled", "attended")) {
            expected.put("seminar.registration-" + t + ".v1", "seminars.events RegistrationEventV1");
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (EventType<?> type : EventTypes.all()) {
            actual.put(type.name(), type.topic() + " " + type.payloadType().getSimpleName());
            assertEquals(1, type.version(), type.name());
            assertEquals(Optional.of(type), EventTypes.named(type.name()));
            assertTrue(Topics.events().contains(type.topic()), type.name());
        }
        assertEquals(expected, actual);
        assertEquals(Optional.empty(), EventTypes.named("slot.teleported.v9"));
        assertEquals(4, EventTypes.on(Topics.CONTACT_POINTS).size());
        assertThrows(IllegalArgumentException.class, () -> new EventType<>("slot.opened", Topics.CONTACT_POINTS, SlotV1.class),
                "the version is part of the name");
    }

    private static <T> void assertShape(String expected, T value, Class<T> type) throws Exception {
        assertEquals(JSON.readTree(expected), JSON.readTree(JSON.writeValueAsString(value)));
        // and the pinned JSON reads back into an equal value (what a consumer does)
        assertEquals(value, JSON.readValue(expected, type));
    }
}
