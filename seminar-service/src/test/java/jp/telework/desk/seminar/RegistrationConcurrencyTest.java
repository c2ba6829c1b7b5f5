package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.json;
import static jp.telework.desk.seminar.Fixtures.published;
import static jp.telework.desk.seminar.Fixtures.registration;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.seminar.domain.Registration;
import jp.telework.desk.seminar.domain.RegistrationStatus;
import jp.telework.desk.seminar.domain.Seminar;

/**
 * Many organizations race for few seats on the real PostgreSQL: the seminar row lock must keep
 * confirmed seats within capacity, hand out waitlist places in a strict order, and let
 * cancellations promote that waitlist in order — with no 5xx anywhere.
 */
@QuarkusTest
class RegistrationConcurrencyTest {
    private static final int CAPACITY = 20;
    private static final int THREADS = 32;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Result(int status, JsonNode body, boolean replayed) {
    }

    private Result post(String user, String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + Fixtures.token(user))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body() == null || response.body().isBlank() ? null : Fixtures.JSON.readTree(response.body());
        return new Result(response.statusCode(), json, response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One registration as the tests see it. */
    record Reg(String id, String org, int seats, String status, Integer position) {
    }

    private List<Reg> registrations(String seminarId) {
        List<Map<String, Object>> items = as("secretariat").queryParam("size", "500")
                .when().get("/api/v1/seminars/" + seminarId + "/registrations")
                .then().statusCode(200).extract().path("items");
        return items.stream().map(m -> new Reg((String) m.get("id"), (String) ((Map<?, ?>) m.get("organization")).get("id"),
                (Integer) m.get("seats"), (String) m.get("status"), (Integer) m.get("waitlistPosition"))).toList();
    }

    private static int confirmedSeats(List<Reg> regs) {
        return regs.stream().filter(r -> r.status().equals("CONFIRMED")).mapToInt(Reg::seats).sum();
    }

    /** The waitlist in order; positions must be exactly 1..n. */
    private static List<Reg> waitlist(List<Reg> regs) {
        List<Reg> waiting = regs.stream().filter(r -> r.status().equals("WAITLISTED"))
                .sorted((a, b) -> Integer.compare(a.position(), b.position())).toList();
        for (int i = 0; i < waiting.size(); i++) {
            assertEquals(i + 1, waiting.get(i).position(), "waitlist positions are a strict order 1..n");
        }
        return waiting;
    }

    /** The database agrees: the seminar's counters equal the registrations' seats, within capacity; waitlist order numbers are distinct. */
    private static void assertDatabaseConsistent(String seminarId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Seminar s = Seminar.findById(java.util.UUID.fromString(seminarId));
            List<Registration> all = Registration.list("seminarId", s.id);
            int held = all.stream().filter(r -> r.status.holdsSeats()).mapToInt(r -> r.seats).sum();
            long waiting = all.stream().filter(r -> r.status == RegistrationStatus.WAITLISTED).count();
            assertEquals(held, s.inPersonConfirmedSeats);
            assertEquals(waiting, s.waitlistedCount);
            assertTrue(held <= s.inPersonCapacity, "confirmed seats within capacity");
            assertEquals(waiting, all.stream().filter(r -> r.status == RegistrationStatus.WAITLISTED).map(r -> r.waitlistSeq)
                    .distinct().count(), "distinct waitlist order numbers");
        });
    }

    /** A full seminar: a rush joins the waitlist side by side while holders cancel; the freed seats go to the first in line. */
    @Test
    void aRushOnAFullSeminarJoinsTheWaitlistWhileSeatsAreCancelled() throws Exception {
        Map<String, Object> body = seminar();
        body.put("capacity", 4);
        String seminarId = published(body);
        String path = "api/v1/seminars/" + seminarId + "/registrations";
        List<String> holders = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            holders.add(post("secretariat", path, json(registration(1, "holder-" + i)), null).body().get("id").asText());
        }
        // the first waiting ones, in a known order
        for (int i = 1; i <= 3; i++) {
            Result r = post("secretariat", path, json(registration(1, "early-" + i)), null);
            assertEquals(i, r.body().get("waitlistPosition").asInt());
        }

        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            String org = "rush-" + i;
            String staff = i % 2 == 0 ? "secretariat" : "assoc-tokyo";
            tasks.add(() -> post(staff, path, json(registration(1, org)), null));
        }
        for (String id : holders.subList(0, 2)) {
            tasks.add(() -> post("secretariat", path + "/" + id + "/cancel", null, null));
        }
        // the same organization with different keys, in the rush: one place, the others 409 (unique index under the shared lock)
        for (int i = 0; i < 6; i++) {
            String key = "twice-" + i;
            tasks.add(() -> post("secretariat", path, json(registration(1, "twice")), key));
        }
        List<Result> results = runConcurrently(tasks);
        Map<Integer, Long> byStatus = results.stream().collect(Collectors.groupingBy(Result::status, Collectors.counting()));
        assertEquals(Map.of(201, 61L, 200, 2L, 409, 5L), byStatus);

        List<Reg> regs = registrations(seminarId);
        assertEquals(4, confirmedSeats(regs), "the two freed seats were filled again");
        Set<String> confirmedOrgs = regs.stream().filter(r -> r.status().equals("CONFIRMED")).map(Reg::org).collect(Collectors.toSet());
        assertTrue(confirmedOrgs.containsAll(List.of("early-1", "early-2")), "freed seats go to the first in line: " + confirmedOrgs);
        List<Reg> waiting = waitlist(regs);
        assertEquals("early-3", waiting.get(0).org(), "the rest keep their order");
        assertEquals(62, waiting.size(), "early-3, the 60 of the rush and one of the organization that tried six times");
        assertDatabaseConsistent(seminarId);
    }

    @Test
    void twoHundredConcurrentRegistrationsForTwentySeats() throws Exception {
        Map<String, Object> body = seminar();
        body.put("capacity", CAPACITY);
        String seminarId = published(body);
        String path = "api/v1/seminars/" + seminarId + "/registrations";

        List<Callable<Result>> tasks = new ArrayList<>();
        Map<String, Integer> seatsByOrg = new HashMap<>();
        for (String sme : List.of("sme-a", "sme-b", "sme-c")) {
            tasks.add(() -> post(sme, path, json(registration(2, null)), null));
            seatsByOrg.put("org-" + sme, 2);
        }
        for (int i = 1; i <= 200; i++) {
            String org = "load-" + i;
            int seats = 1 + (i * 7) % 4; // 1..4, mixed
            seatsByOrg.put(org, seats);
            String staff = i % 2 == 0 ? "secretariat" : "assoc-tokyo";
            tasks.add(() -> post(staff, path, json(registration(seats, org)), null));
        }
        List<Result> results = runConcurrently(tasks);

        Map<Integer, Long> byStatus = results.stream().collect(Collectors.groupingBy(Result::status, Collectors.counting()));
        assertFalse(results.stream().anyMatch(r -> r.status() >= 500), "no 5xx: " + byStatus);
        assertEquals(Map.of(201, 203L), byStatus, "every registration is accepted (confirmed or waitlisted)");
        int confirmed = 0;
        List<Integer> positions = new ArrayList<>();
        for (Result r : results) {
            String status = r.body().get("status").asText();
            assertEquals(seatsByOrg.get(r.body().get("organization").get("id").asText()).intValue(), r.body().get("seats").asInt());
            if (status.equals("CONFIRMED")) {
                confirmed += r.body().get("seats").asInt();
            } else {
                assertEquals("WAITLISTED", status);
                positions.add(r.body().get("waitlistPosition").asInt());
            }
        }
        assertTrue(confirmed <= CAPACITY, "confirmed seats " + confirmed + " exceed " + CAPACITY);
        assertTrue(confirmed >= CAPACITY - 3, "seats are used: " + confirmed); // only parties larger than the rest wait
        List<Reg> regs = registrations(seminarId);
        assertEquals(203, regs.size());
        assertEquals(confirmed, confirmedSeats(regs));
        // the stored waitlist is a strict order 1..n (checked in waitlist()); an answer names the place as
        // of its commit, so it can only be ahead of the settled place (others joining earlier committed later)
        Map<String, Integer> settled = waitlist(regs).stream().collect(Collectors.toMap(Reg::id, Reg::position));
        assertEquals(positions.size(), settled.size());
        for (Result r : results) {
            if (r.body().get("status").asText().equals("WAITLISTED")) {
                int answered = r.body().get("waitlistPosition").asInt();
                int place = settled.get(r.body().get("id").asText());
                assertTrue(answered >= 1 && answered <= place, "answered place " + answered + ", settled place " + place);
            }
        }
        assertDatabaseConsistent(seminarId);
        as(null).when().get("/api/v1/seminars/" + seminarId).then().statusCode(200)
                .body("seatsAvailable", org.hamcrest.Matchers.equalTo(CAPACITY - confirmed))
                .body("waitlistLength", org.hamcrest.Matchers.equalTo(positions.size()));

        // cancellations one by one: each promotes the waitlist first come, first served, skipping what does not fit
        List<Reg> confirmedRegs = regs.stream().filter(r -> r.status().equals("CONFIRMED")).toList();
        for (Reg cancelled : confirmedRegs.subList(0, Math.min(4, confirmedRegs.size()))) {
            List<Reg> before = registrations(seminarId);
            List<Reg> queue = waitlist(before);
            int free = CAPACITY - confirmedSeats(before) + cancelled.seats();
            Set<String> expected = new HashSet<>();
            for (Reg w : queue) { // the rule, written out independently of the production code
                if (free > 0 && w.seats() <= free) {
                    expected.add(w.id());
                    free -= w.seats();
                }
            }
            as("secretariat").when().post("/api/v1/seminars/" + seminarId + "/registrations/" + cancelled.id() + "/cancel")
                    .then().statusCode(200);
            List<Reg> after = registrations(seminarId);
            Set<String> promoted = after.stream().filter(r -> r.status().equals("CONFIRMED"))
                    .map(Reg::id).filter(id -> queue.stream().anyMatch(q -> q.id().equals(id))).collect(Collectors.toSet());
            assertEquals(expected, promoted, "promotions follow the waitlist order");
            assertTrue(confirmedSeats(after) <= CAPACITY);
            // the ones still waiting keep their relative order
            List<String> stillWaiting = waitlist(after).stream().map(Reg::id).toList();
            assertEquals(queue.stream().map(Reg::id).filter(id -> !expected.contains(id)).toList(), stillWaiting);
        }

        // then a burst of concurrent cancellations (confirmed and waiting ones) by their owners or the host
        List<Reg> now = registrations(seminarId);
        List<Reg> toCancel = new ArrayList<>();
        toCancel.addAll(now.stream().filter(r -> r.status().equals("CONFIRMED")).limit(5).toList());
        toCancel.addAll(now.stream().filter(r -> r.status().equals("WAITLISTED")).limit(10).toList());
        List<Result> cancellations = runConcurrently(toCancel.stream().<Callable<Result>>map(r -> () -> post(
                r.org().startsWith("org-") ? r.org().substring(4) : "assoc-tokyo",
                "api/v1/seminars/" + seminarId + "/registrations/" + r.id() + "/cancel", null, null)).toList());
        assertTrue(cancellations.stream().allMatch(r -> r.status() == 200),
                cancellations.stream().map(Result::status).toList().toString());
        List<Reg> end = registrations(seminarId);
        int endFree = CAPACITY - confirmedSeats(end);
        assertTrue(endFree >= 0);
        for (Reg w : waitlist(end)) {
            assertTrue(w.seats() > endFree, "nobody waits while their party would fit into the free seats");
        }
        assertDatabaseConsistent(seminarId);
    }

    @Test
    void theSameIdempotencyKeyRegistersOnce() throws Exception {
        String seminarId = published(seminar());
        String path = "api/v1/seminars/" + seminarId + "/registrations";
        String body = json(registration(2, null));

        Result first = post("sme-a", path, body, "key-sequential-1");
        Result replay = post("sme-a", path, body, "key-sequential-1");
        assertEquals(201, first.status());
        assertEquals(201, replay.status());
        assertEquals(first.body(), replay.body(), "a replay returns the first response");
        assertTrue(!first.replayed() && replay.replayed(), "only the replay carries Idempotent-Replayed: true");

        // the same key with another body is refused
        Result other = post("sme-a", path, json(registration(3, null)), "key-sequential-1");
        assertEquals(422, other.status());
        assertEquals("Idempotency-Key", other.body().get("errors").get(0).get("field").asText());

        // a different key for the same organization is a second registration attempt: refused, one active per org
        Result again = post("sme-a", path, body, "key-sequential-2");
        assertEquals(409, again.status());
        assertEquals("urn:telework:problem:already-registered", again.body().get("type").asText());

        // concurrently with one key: all answers are the same registration, stored once
        String onBehalf = json(registration(1, "idem-concurrent"));
        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(() -> post("secretariat", path, onBehalf, "key-concurrent"));
        }
        List<Result> results = runConcurrently(tasks);
        assertTrue(results.stream().allMatch(r -> r.status() == 201), results.stream().map(Result::status).toList().toString());
        Set<String> ids = results.stream().map(r -> r.body().get("id").asText()).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "one registration");
        long stored = QuarkusTransaction.requiringNew().call(() -> Registration.count("organizationId", "idem-concurrent"));
        assertEquals(1, stored);

        // many keys, one organization, concurrently: one registration, the rest 409 (partial unique index + lock)
        String sameOrg = json(registration(1, "idem-race"));
        List<Callable<Result>> race = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = "race-" + i;
            race.add(() -> post("secretariat", path, sameOrg, key));
        }
        Map<Integer, Long> raced = runConcurrently(race).stream().collect(Collectors.groupingBy(Result::status, Collectors.counting()));
        assertEquals(Map.of(201, 1L, 409, 11L), raced);
        assertNotNull(first.body().get("id"));
    }
}
