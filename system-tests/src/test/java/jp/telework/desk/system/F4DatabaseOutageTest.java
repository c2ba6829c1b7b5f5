package jp.telework.desk.system;

import static io.restassured.RestAssured.given;
import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.assertProblemShape;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.PostgresServer;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * Fault: the PostgreSQL database of one service (consultation-service) becomes unavailable. All
 * services share one server here, so instead of stopping the server, the database stops accepting
 * connections and its open connections are terminated: from the service's point of view its
 * database is gone, while the other services keep theirs. Its routes answer 503 problem+json without
 * internals, the gateway and the other services stay up; once connections are allowed again it
 * recovers by itself, including the events that were published to it meanwhile.
 */
@SuiteClock.SystemTest
@Order(10)
class F4DatabaseOutageTest {
    /**
     * How long the outage is held after events were published to the service: long enough for a
     * consumer with bounded retries (several attempts, 5 s connection timeouts each) to give up and
     * dead-letter them, which is what this test must not see. Not a wait for convergence.
     */
    private static final long OBSERVE_NANOS = 25_000_000_000L;

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SystemStack.jdbcUrl("postgres"), PostgresServer.USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    static void takeDatabaseAway(String database) {
        admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
    }

    static void giveDatabaseBack(String database) {
        admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
    }

    @Test
    void consultationServiceAnswers503WithoutItsDatabaseAndRecoversAlone() {
        Fixtures.replacePlan("secretariat", "26", Bodies.weekdayPlan("IN_PERSON", "10:00", "12:00", 2)).then().statusCode(200);
        Fixtures.markPlanned("26");
        LocalDate day = Fixtures.claimDay("26", "IN_PERSON");
        String slot = Fixtures.slotId(Fixtures.slotsOn("26", "IN_PERSON", day, 2).get(0));
        String booking = Fixtures.book("sme-b", slot);

        List<String> failures = new ArrayList<>();
        List<TopicProbe.Event> deadLettered = new ArrayList<>();
        TopicProbe dlq = new TopicProbe(SystemStack.kafka(), Topics.dlq(Topics.CONTACT_POINTS, "consultation-service"));
        dlq.drain(Duration.ofSeconds(1));
        takeDatabaseAway("consultations");
        try {
            Map<String, Supplier<Response>> calls = new java.util.LinkedHashMap<>();
            calls.put("GET /api/v1/slots (anonymous)", () -> anonymous().queryParam("prefecture", "26").get("/api/v1/slots"));
            calls.put("GET /api/v1/consultations/{id}", () -> as("sme-b").get("/api/v1/consultations/{id}", booking));
            calls.put("GET /api/v1/consultations", () -> as("sme-b").get("/api/v1/consultations"));
            calls.put("POST /api/v1/consultations", () -> json(as("sme-a").header("Idempotency-Key", UUID.randomUUID().toString()),
                    Bodies.booking(slot, "sme-a")).post("/api/v1/consultations"));
            calls.put("POST /api/v1/inquiries", () -> json(as("sme-a"), Bodies.inquiry("26", "Is our database down?"))
                    .post("/api/v1/inquiries"));
            calls.put("GET /api/v1/inquiries", () -> as("sme-a").get("/api/v1/inquiries"));
            calls.put("POST /api/v1/consultations/{id}/cancel", () -> json(as("sme-b"), Map.of())
                    .post("/api/v1/consultations/{id}/cancel", booking));
            // twice each: the first may meet a pooled connection that was just terminated, the second a refused new one
            for (int round = 0; round < 2; round++) {
                for (var call : calls.entrySet()) {
                    Response r = call.getValue().get();
                    if (r.statusCode() != 503) {
                        failures.add(call.getKey() + " -> " + r.statusCode() + ": " + Api.abbreviate(r.asString()));
                    } else {
                        try {
                            assertProblemShape(r, call.getKey());
                        } catch (AssertionError e) {
                            failures.add(e.getMessage());
                        }
                    }
                }
            }

            // the gateway and the other services stay up
            anonymous().get("/api/v1/contact-points").then().statusCode(200);
            anonymous().get("/api/v1/seminars").then().statusCode(200);
            String management = SystemStack.get().managementUrl("gateway");
            given().get(management + "/q/health/live").then().statusCode(200);
            given().get(management + "/q/health/ready").then().statusCode(200);
            // the database's owner says it is not ready (its pods would leave the Service), and still lives
            String consultations = SystemStack.get().managementUrl("consultation-service");
            given().get(consultations + "/q/health/ready").then().statusCode(503);
            given().get(consultations + "/q/health/live").then().statusCode(200);
            json(as("sme-a"), Bodies.registration("sme-a", 1)).post("/api/v1/seminars/{id}/registrations", publishedSeminar())
                    .then().statusCode(201);
            Response overview = as("secretariat").get("/api/v1/dashboard/overview");
            overview.then().statusCode(200);
            assertEquals(Boolean.FALSE, overview.path("complete"));
            assertEquals(List.of("consultations"), overview.path("missing"));

            // meanwhile Kyoto opens online consultations: slot events consultation-service cannot store now
            Fixtures.replacePlan("secretariat", "26", Map.of("windows", List.of(
                    Bodies.window("MONDAY", "10:00", "12:00", 60, 2, "IN_PERSON"), Bodies.window("TUESDAY", "10:00", "12:00", 60, 2, "IN_PERSON"),
                    Bodies.window("WEDNESDAY", "10:00", "12:00", 60, 2, "IN_PERSON"),
                    Bodies.window("THURSDAY", "10:00", "12:00", 60, 2, "IN_PERSON"),
                    Bodies.window("FRIDAY", "10:00", "12:00", 60, 2, "IN_PERSON"),
                    Bodies.window("WEDNESDAY", "15:00", "17:00", 60, 1, "ONLINE")))).then().statusCode(200);
            // keep the outage while the consumer meets it: it may retry, but must not give the events up
            assertTrue(Fixtures.contactPointSlotsOfMode("26", "ONLINE") > 0);
            long until = System.nanoTime() + OBSERVE_NANOS;
            while (System.nanoTime() < until && deadLettered.isEmpty()) {
                dlq.drain(Duration.ofSeconds(1)).stream().filter(e -> "26".equals(e.key())).forEach(deadLettered::add);
            }
        } finally {
            giveDatabaseBack("consultations");
            dlq.close();
        }

        // it recovers without a manual step
        eventually().untilAsserted(() -> assertEquals(200, as("sme-b").get("/api/v1/consultations/{id}", booking).statusCode()));
        assertEquals("BOOKED", Fixtures.bookingStatus("sme-b", booking), "nothing was half-written");
        // writes flow again, events included
        String second = Fixtures.book("sme-a", slot);
        Fixtures.awaitBooked("26", slot, 2);
        Fixtures.cancel("sme-a", second);
        Fixtures.cancel("sme-b", booking);
        Fixtures.awaitBooked("26", slot, 0);
        // and the slot events of the outage were not lost: consultation-service offers exactly Kyoto's open slots
        LocalDate from = Api.today().plusDays(1);
        LocalDate to = Api.today().plusDays(50);
        java.util.Set<String> source = Fixtures.contactPointOpenSlotIds("26", from, to);
        try {
            eventually().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertEquals(source,
                    new java.util.TreeSet<>(Fixtures.freeSlots("26", null, from, to).stream().map(Fixtures::slotId).toList()),
                    "Kyoto's slots in consultation-service"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            java.util.Set<String> projected = new java.util.TreeSet<>(
                    Fixtures.freeSlots("26", null, from, to).stream().map(Fixtures::slotId).toList());
            java.util.Set<String> missing = new java.util.TreeSet<>(source);
            missing.removeAll(projected);
            failures.add("consultation-service offers " + projected.size() + " of Kyoto's " + source.size()
                    + " open slots after the outage; missing: " + missing);
        }
        if (!deadLettered.isEmpty()) {
            failures.add("valid slot events were dead-lettered during the outage (lost until replayed by hand): "
                    + deadLettered.stream().map(e -> e.type() + " " + e.id()).toList());
        }
        assertTrue(failures.isEmpty(), () -> "consultation-service without its database:\n" + String.join("\n", failures));
    }

    private static String publishedSeminar() {
        Response created = json(as("secretariat"), Bodies.seminar("SECRETARIAT", "26", 20, 58, null)).post("/api/v1/seminars");
        created.then().statusCode(201);
        String id = created.path("id");
        as("secretariat").header("If-Match", created.header("ETag")).post("/api/v1/seminars/{id}/publish", id).then().statusCode(200);
        return id;
    }
}
