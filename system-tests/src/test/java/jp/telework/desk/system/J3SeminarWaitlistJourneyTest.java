package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * Journey 3: the secretariat publishes a Telework Month seminar with 5 seats; 8 organizations register
 * (3 SMEs themselves, 5 by phone through the secretariat); 3 are waitlisted in order; two confirmed
 * registrations are cancelled; the first two waitlisted are promoted; the overview shows the fill rate.
 */
@SuiteClock.SystemTest
@Order(3)
class J3SeminarWaitlistJourneyTest {
    /** Its own start day, so the statistics of that day are this seminar's alone. */
    static final int DAYS_AHEAD = 50;

    record Registrant(String user, String label, Map<String, Object> body) {
    }

    @Test
    void waitlistIsPromotedInOrderAndTheOverviewShowsTheFillRate() {
        String tag = "TELEWORK_MONTH";
        Response created = json(as("secretariat"), Bodies.seminar("SECRETARIAT", "13", 5, DAYS_AHEAD, tag))
                .post("/api/v1/seminars");
        assertEquals(201, created.statusCode(), created::asString);
        String seminarId = created.path("id");
        assertEquals("DRAFT", created.path("status"));
        // a draft is not public
        assertEquals(404, anonymous().get("/api/v1/seminars/{id}", seminarId).statusCode());

        Response published = as("secretariat").header("If-Match", created.header("ETag"))
                .post("/api/v1/seminars/{id}/publish", seminarId);
        assertEquals(200, published.statusCode(), published::asString);
        assertEquals("PUBLISHED", published.path("status"));

        // SMEs find it among the Telework Month seminars
        List<String> listed = anonymous().queryParam("campaignTag", tag).queryParam("size", 100)
                .get("/api/v1/seminars").then().statusCode(200).extract().path("items.id");
        assertTrue(listed.contains(seminarId), "listed publicly");

        try (TopicProbe probe = new TopicProbe(SystemStack.kafka(), Topics.SEMINARS)) {
            // eight registrations, one after the other: three SMEs themselves, five by phone
            List<Registrant> registrants = new ArrayList<>();
            registrants.add(new Registrant("sme-a", "org-sme-a", Bodies.registration("sme-a", 1)));
            registrants.add(new Registrant("sme-b", "org-sme-b", Bodies.registration("sme-b", 1)));
            registrants.add(new Registrant("sme-c", "org-sme-c", Bodies.registration("sme-c", 1)));
            for (int i = 4; i <= 8; i++) {
                String org = "org-phone-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                registrants.add(new Registrant("secretariat", org, Bodies.registrationOnBehalf(org, "11", 1)));
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < registrants.size(); i++) {
                Registrant r = registrants.get(i);
                Response reg = json(as(r.user()).header("Idempotency-Key", UUID.randomUUID().toString()), r.body())
                        .post("/api/v1/seminars/{id}/registrations", seminarId);
                assertEquals(201, reg.statusCode(), () -> r.label() + ": " + reg.asString());
                assertEquals(r.label(), reg.path("organization.id"));
                ids.add(reg.path("id"));
                if (i < 5) {
                    assertEquals("CONFIRMED", reg.path("status"), r.label());
                } else {
                    assertEquals("WAITLISTED", reg.path("status"), r.label());
                    assertEquals(i - 4, ((Number) reg.path("waitlistPosition")).intValue(), r.label() + " waitlist position");
                }
            }
            Response full = anonymous().get("/api/v1/seminars/{id}", seminarId);
            assertEquals(0, ((Number) full.path("seatsAvailable")).intValue());
            assertEquals(3, ((Number) full.path("waitlistLength")).intValue());

            // two confirmed registrants cancel: sme-a itself, and the secretariat for a phone registrant
            json(as("sme-a"), Map.of()).post("/api/v1/seminars/{id}/registrations/{rid}/cancel", seminarId, ids.get(0))
                    .then().statusCode(200);
            json(as("secretariat"), Map.of()).post("/api/v1/seminars/{id}/registrations/{rid}/cancel", seminarId, ids.get(3))
                    .then().statusCode(200);

            // the first two waitlisted are promoted, the third moves up to position 1
            Response sixth = as("secretariat").get("/api/v1/seminars/{id}/registrations/{rid}", seminarId, ids.get(5));
            Response seventh = as("secretariat").get("/api/v1/seminars/{id}/registrations/{rid}", seminarId, ids.get(6));
            Response eighth = as("secretariat").get("/api/v1/seminars/{id}/registrations/{rid}", seminarId, ids.get(7));
            assertEquals("CONFIRMED", sixth.path("status"), sixth::asString);
            assertEquals(Boolean.TRUE, sixth.path("promoted"));
            assertEquals("CONFIRMED", seventh.path("status"), seventh::asString);
            assertEquals(Boolean.TRUE, seventh.path("promoted"));
            assertEquals("WAITLISTED", eighth.path("status"), eighth::asString);
            assertEquals(1, ((Number) eighth.path("waitlistPosition")).intValue());
            Response after = anonymous().get("/api/v1/seminars/{id}", seminarId);
            assertEquals(0, ((Number) after.path("seatsAvailable")).intValue(), "never beyond capacity");
            assertEquals(1, ((Number) after.path("waitlistLength")).intValue());

            // sme-b sees only its own registration
            List<String> own = as("sme-b").get("/api/v1/seminars/{id}/registrations", seminarId).then().statusCode(200)
                    .extract().path("items.id");
            assertEquals(List.of(ids.get(1)), own);

            // the events tell the same story: two promotions, for the sixth and seventh registrations
            probe.await(e -> "seminar.registration-promoted.v1".equals(e.type()) && e.data().contains(ids.get(6)),
                    Duration.ofSeconds(60));
            List<TopicProbe.Event> promotions = probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(e -> seminarId.equals(e.key()) && "seminar.registration-promoted.v1".equals(e.type())).toList();
            assertEquals(2, promotions.stream().map(TopicProbe.Event::id).distinct().count(), () -> "promotions: " + promotions);
            assertTrue(promotions.stream().anyMatch(e -> e.data().contains(ids.get(5))));
            assertTrue(promotions.stream().noneMatch(e -> e.data().contains("ichiro") || e.data().contains("佐藤")),
                    "no personal data in events");
        }

        // the overview of the seminar's day: 5 of 5 seats taken, one waiting, two promotions
        LocalDate day = OffsetDateTime.parse(published.path("startsAt")).toLocalDate();
        eventually().untilAsserted(() -> {
            Response overview = as("secretariat").queryParam("from", day.toString()).queryParam("to", day.toString())
                    .get("/api/v1/dashboard/overview");
            overview.then().statusCode(200);
            assertEquals(1, ((Number) overview.path("seminars.totals.seminars")).intValue(), overview::asString);
            assertEquals(5, ((Number) overview.path("seminars.totals.capacity")).intValue());
            assertEquals(5, ((Number) overview.path("seminars.totals.confirmedSeats")).intValue());
            assertEquals(1.0, ((Number) overview.path("seminars.totals.fillRate")).doubleValue(), 1e-9);
            assertEquals(1, ((Number) overview.path("seminars.totals.waitlisted")).intValue());
            assertEquals(2, ((Number) overview.path("seminars.totals.promotions")).intValue());
        });
    }
}
