package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.PostgresServer;
import jp.telework.desk.infra.test.TopicProbe;
import jp.telework.desk.local.Stack;

/**
 * Fault: production runs two or more replicas of every service. A second instance of each business
 * service joins the running stack (same databases, broker and realm; ports of its own) and requests are
 * sent to both instances directly, half each, at the same time: capacity, waitlists, event propagation
 * and scheduled jobs are decided in the database and the broker, never in one process's memory. Then the
 * replica holding a running job is killed, and the other finishes the work.
 */
@SuiteClock.SystemTest
@Order(12)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class F6TwoReplicasTest {
    private static final List<String> BUSINESS = List.of("contact-point-service", "consultation-service", "seminar-service");
    private static final Pattern RUNS = Pattern.compile("^telework_jobs_runs_total\\{([^}]*)\\}\\s+([0-9.eE+-]+)$");
    private static final Map<String, Stack.Replica> SECOND = new HashMap<>();

    @BeforeAll
    static void secondReplicas() {
        Stack stack = SystemStack.get();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (String service : BUSINESS) {
            starting.add(CompletableFuture.runAsync(() -> {
                Stack.Replica r = stack.startReplica(service, 2);
                synchronized (SECOND) {
                    SECOND.put(service, r);
                }
            }));
        }
        starting.forEach(CompletableFuture::join);
    }

    @AfterAll
    static void stopSecondReplicas() {
        SECOND.values().forEach(r -> SystemStack.get().stopService(r.key()));
        SECOND.clear();
    }

    @Test
    @Order(1)
    void aBookingRaceSplitAcrossReplicasFillsTheSlotExactlyAndEachBookingIsPublishedAndCountedOnce() throws Exception {
        Fixtures.replacePlan("secretariat", "40", Bodies.weekdayPlan("PHONE", "10:00", "12:00", 5)).then().statusCode(200);
        Fixtures.markPlanned("40");
        LocalDate day = Fixtures.claimDay("40", "PHONE");
        String slotId = Fixtures.slotId(Fixtures.slotsOn("40", "PHONE", day, 2).get(0));
        String token = SystemStack.token("secretariat");
        List<String> instances = instances("consultation-service");

        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> answers = new ArrayList<>();
        try (TopicProbe probe = new TopicProbe(SystemStack.kafka(), Topics.CONSULTATIONS)) {
            for (int i = 0; i < callers; i++) {
                String instance = instances.get(i % 2);
                Map<String, Object> body = Bodies.booking(slotId, "sme-a");
                @SuppressWarnings("unchecked")
                Map<String, Object> requester = (Map<String, Object>) body.get("requester");
                requester.put("organizationName", "二重化テスト 株式会社 " + i + " " + UUID.randomUUID());
                requester.put("prefecture", "40");
                answers.add(pool.submit(() -> direct(instance, token).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/consultations")));
            }
            List<String> booked = new ArrayList<>();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<Response> f : answers) {
                Response r = f.get(120, TimeUnit.SECONDS);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 201) {
                    booked.add(r.path("id"));
                } else {
                    assertEquals(409, r.statusCode(), r::asString);
                    assertEquals("urn:telework:problem:slot-full", r.path("type"), r::asString);
                }
            }
            assertEquals(5, booked.size(), "exactly the capacity, decided in one database by two replicas: " + statuses);
            assertEquals(0, Fixtures.remainingAtConsultations(slotId));
            assertEquals(5L, single("consultations", "SELECT count(*) FROM booking WHERE slot_id = '" + slotId
                    + "' AND status = 'BOOKED'"));

            // each booking's event published once although both replicas run the relay, and counted once
            // by contact-point-service although both of its replicas consume the topic
            Fixtures.awaitBooked("40", slotId, 5);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> probe.drain(Duration.ofMillis(300)).stream().filter(e -> EventTypes.CONSULTATION_BOOKED.name().equals(e.type()))
                        .map(TopicProbe.Event::key).collect(Collectors.toSet()).containsAll(booked));
            Map<String, Long> perBooking = probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(e -> EventTypes.CONSULTATION_BOOKED.name().equals(e.type()) && booked.contains(e.key()))
                    .collect(Collectors.groupingBy(TopicProbe.Event::key, Collectors.counting()));
            assertEquals(Set.copyOf(booked), perBooking.keySet());
            assertTrue(perBooking.values().stream().allMatch(n -> n == 1), "one event per booking: " + perBooking);
            Thread.sleep(2000); // a redelivery or a second relay would show up here
            assertEquals(5, Fixtures.bookedAtContactPoint("40", slotId));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void aRegistrationRaceSplitAcrossReplicasConfirmsTheCapacityAndQueuesTheRestInOneOrder() throws Exception {
        Response created = json(as("secretariat"), Bodies.seminar("SECRETARIAT", "40", 3, 60, null)).post("/api/v1/seminars");
        assertEquals(201, created.statusCode(), created::asString);
        String seminarId = created.path("id");
        as("secretariat").header("If-Match", created.header("ETag")).post("/api/v1/seminars/{id}/publish", seminarId)
                .then().statusCode(200);
        String token = SystemStack.token("secretariat");
        List<String> instances = instances("seminar-service");

        int registrants = 20;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < registrants; i++) {
                String instance = instances.get(i % 2);
                String org = "org-f6-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                Map<String, Object> body = Bodies.registrationOnBehalf(org, "40", 1);
                answers.add(pool.submit(() -> direct(instance, token).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                        .post("/api/v1/seminars/{id}/registrations", seminarId)));
            }
            int confirmed = 0;
            Map<String, Integer> answered = new HashMap<>();
            for (Future<Response> f : answers) {
                Response r = f.get(120, TimeUnit.SECONDS);
                assertEquals(201, r.statusCode(), r::asString);
                if ("CONFIRMED".equals(r.path("status"))) {
                    confirmed++;
                } else {
                    assertEquals("WAITLISTED", r.path("status"), r::asString);
                    answered.put(r.path("id"), ((Number) r.path("waitlistPosition")).intValue());
                }
            }
            assertEquals(3, confirmed, "never beyond capacity");
            // the stored waitlist is one strict order 1..n across both replicas; an answer names the place as of
            // its commit (waitlist joins run in parallel), so it can only be ahead of the settled place
            List<Map<String, Object>> stored = as("secretariat").queryParam("size", 100)
                    .get("/api/v1/seminars/{id}/registrations", seminarId).then().statusCode(200).extract().path("items");
            Map<String, Integer> settled = new HashMap<>();
            stored.stream().filter(r -> "WAITLISTED".equals(r.get("status")))
                    .forEach(r -> settled.put((String) r.get("id"), ((Number) r.get("waitlistPosition")).intValue()));
            assertEquals(answered.keySet(), settled.keySet());
            assertEquals(new TreeSet<>(java.util.stream.IntStream.rangeClosed(1, registrants - 3).boxed().toList()),
                    new TreeSet<>(settled.values()), "one waitlist order, no place twice: " + settled.values());
            answered.forEach((id, place) -> assertTrue(place >= 1 && place <= settled.get(id),
                    "answered place " + place + ", settled place " + settled.get(id)));
            Response seminar = anonymous().get("/api/v1/seminars/{id}", seminarId);
            assertEquals(0, ((Number) seminar.path("seatsAvailable")).intValue());
            assertEquals(registrants - 3, ((Number) seminar.path("waitlistLength")).intValue());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void eachHousekeepingTriggerRunsOnceAcrossBothReplicas() throws Exception {
        // every 10 s in this suite (system-tests/pom.xml); both instances fire for every slot
        String service = "consultation-service";
        Map<String, Double> before = runs(service);
        long since = single("consultations", "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint");
        Thread.sleep(42_000); // four or five slots
        Map<String, Double> after = runs(service);
        long until = single("consultations", "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint");
        long slots = single("consultations", "SELECT count(*) FROM scheduled_job_run WHERE job_name = 'housekeeping'"
                + " AND started_at > to_timestamp(" + since + " / 1000.0) AND started_at < to_timestamp(" + until + " / 1000.0)");
        double ran = delta(before, after, "succeeded");
        double skipped = delta(before, after, "skipped");
        assertTrue(slots >= 3, "housekeeping slots in the window: " + slots);
        // each slot ran once: had both replicas run each trigger, `ran` would be twice the slots
        assertTrue(Math.abs(ran - slots) <= 1, "runs " + ran + " for " + slots + " slots");
        // and the other replica did fire for them, and skipped: the coordination was exercised
        assertTrue(skipped >= slots - 1, "skipped " + skipped + " of " + slots + " slots");
        long twice = single("consultations", "SELECT count(*) FROM (SELECT slot_start FROM scheduled_job_run WHERE job_name = "
                + "'housekeeping' GROUP BY slot_start HAVING count(*) > 1) AS d");
        assertEquals(0L, twice);
    }

    @Test
    @Order(4)
    void killingTheReplicaThatHoldsARunningJobLetsTheOtherFinishTheWork() throws Exception {
        // a backlog that keeps a housekeeping run busy for seconds: 400,000 inbox ids of 50 days (retention 45)
        execute("consultations", "INSERT INTO processed_event (consumer, event_id, event_type, processed_at) "
                + "SELECT 'f6-backlog', 'f6-' || g, 'f6.backlog.v1', now() - interval '50 days' FROM generate_series(1, 400000) AS g");
        String[] holder = new String[2];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<String> row = row("consultations", "SELECT replica, slot_start::text FROM scheduled_job_run WHERE job_name = "
                    + "'housekeeping' AND finished_at IS NULL ORDER BY started_at DESC LIMIT 1");
            if (row == null || backlog() == 400_000 || backlog() == 0) {
                return false; // not started on the backlog yet (or already done: wait for the next one)
            }
            holder[0] = row.get(0);
            holder[1] = row.get(1);
            return true;
        });
        long left = backlog();
        Stack stack = SystemStack.get();
        boolean primary = holder[0].equals("consultation-service-1");
        stack.killService(primary ? "consultation-service" : SECOND.get("consultation-service").key());
        String survivor = primary ? "consultation-service-2" : "consultation-service-1";
        try {
            // the survivor's next triggers finish the purge
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> backlog() == 0);
            long finishedBySurvivor = single("consultations", "SELECT count(*) FROM scheduled_job_run WHERE job_name = 'housekeeping'"
                    + " AND replica = '" + survivor + "' AND outcome = 'SUCCEEDED' AND slot_start >= '" + holder[1] + "'::timestamptz");
            assertTrue(finishedBySurvivor >= 1, "the survivor ran housekeeping after the kill");
            assertTrue(left > 0 && left < 400_000, "killed mid-run, with " + left + " rows left");
            // the dead replica's run is never finished by it: either the survivor took the slot over after its
            // lease expired, or the lease stays expired (no one will renew it) and the next slot did the work
            String killedRun = "SELECT replica, coalesce(outcome, ''), (lease_until < clock_timestamp())::text FROM scheduled_job_run"
                    + " WHERE job_name = 'housekeeping' AND slot_start = '" + holder[1] + "'::timestamptz";
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<String> killed = row("consultations", killedRun);
                assertTrue(killed.get(0).equals(survivor) || killed.get(2).equals("true"), "the killed run: " + killed);
            });
        } finally {
            if (primary) {
                stack.startService("consultation-service"); // the gateway and later tests use the first instance
            } else {
                SECOND.remove("consultation-service");
            }
        }
    }

    private static long backlog() {
        return single("consultations", "SELECT count(*) FROM processed_event WHERE consumer = 'f6-backlog'");
    }

    /** The API base URLs of a service's two instances. */
    private static List<String> instances(String service) {
        return List.of(SystemStack.get().url(service), SECOND.get(service).url());
    }

    private static io.restassured.specification.RequestSpecification direct(String baseUrl, String token) {
        return RestAssured.given().baseUri(baseUrl).accept(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** telework.jobs.runs{job=housekeeping} per outcome, summed over both instances. */
    private static Map<String, Double> runs(String service) {
        Map<String, Double> sum = new HashMap<>();
        for (String management : List.of(SystemStack.get().managementUrl(service), SECOND.get(service).managementUrl())) {
            String text = RestAssured.given().get(management + "/q/metrics").then().statusCode(200).extract().asString();
            for (String line : text.split("\n")) {
                Matcher m = RUNS.matcher(line.trim());
                if (m.matches() && m.group(1).contains("job=\"housekeeping\"")) {
                    Matcher outcome = Pattern.compile("outcome=\"([^\"]+)\"").matcher(m.group(1));
                    if (outcome.find()) {
                        sum.merge(outcome.group(1), Double.parseDouble(m.group(2)), Double::sum);
                    }
                }
            }
        }
        return sum;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String outcome) {
        return after.getOrDefault(outcome, 0.0) - before.getOrDefault(outcome, 0.0);
    }

    private static long single(String database, String sql) {
        List<String> row = row(database, sql);
        return Long.parseLong(row.get(0));
    }

    private static List<String> row(String database, String sql) {
        try (Connection c = DriverManager.getConnection(SystemStack.jdbcUrl(database), PostgresServer.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(SystemStack.jdbcUrl(database), PostgresServer.USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }
}
