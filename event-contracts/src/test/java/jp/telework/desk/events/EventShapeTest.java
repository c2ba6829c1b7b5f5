package jp.telework.desk.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
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
    void topicsHaveDeadLetterTwins() {
        assertEquals(6, Topics.all().size());
        assertEquals("seminars.events.dlq", Topics.dlq(Topics.SEMINARS));
    }

    private static <T> void assertShape(String expected, T value, Class<T> type) throws Exception {
        assertEquals(JSON.readTree(expected), JSON.readTree(JSON.writeValueAsString(value)));
        // and the pinned JSON reads back into an equal value (what a consumer does)
        assertEquals(value, JSON.readValue(expected, type));
    }
}
