package jp.telework.desk.consultation;

import static jp.telework.desk.consultation.Fixtures.announce;
import static jp.telework.desk.consultation.Fixtures.book;
import static jp.telework.desk.consultation.Fixtures.bookingBody;
import static jp.telework.desk.consultation.Fixtures.phoneBookingBody;
import static jp.telework.desk.consultation.Fixtures.slot;
import static jp.telework.desk.consultation.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.consultation.domain.BookingStatus;
import jp.telework.desk.events.SlotV1;

/**
 * Many simultaneous requests against the real PostgreSQL through the HTTP port: the slot row lock
 * (and the organization lock) must never let a slot or an organization go over its limit.
 */
@QuarkusTest
class ConcurrencyTest {
    private static final int THREADS = 32;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static ExecutorService pool;

    @TestHTTPResource("/api/v1/consultations")
    URI consultations;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void twoHundredConcurrentPhoneAndApiBookingsFillASlotOfThreeWithOnePlacePerOrganization() throws Exception {
        SlotV1 s = announce(slot("13", 50, 3));
        String[] organizations = { "org-sme-a", "org-sme-b", "org-sme-c" };
        String[] smeTokens = { token("sme-a"), token("sme-b"), token("sme-c") };
        String association = token("assoc-tokyo");
        // every second request is the Tokyo association booking the same three organizations by phone
        List<HttpResponse<String>> answers = fire(200, i -> i % 2 == 0
                ? post(consultations, smeTokens[i % 3], bookingBody(s.slotId()), null)
                : post(consultations, association, phoneBookingBody(s.slotId(), organizations[i % 3]), null));

        Map<Integer, Long> byStatus = histogram(answers);
        assertEquals(Map.of(201, 3L, 409, 197L), byStatus, "3 booked, every other request refused");
        assertConflictsAre(answers, "slot-full", "slot-share-reached");
        assertEquals(3, bookingsIn(s.slotId(), BookingStatus.BOOKED));
        Map<String, Long> perOrganization = QuarkusTransaction.requiringNew().call(() -> Booking.<Booking>list(
                "slot.id = ?1 and status = ?2", s.slotId(), BookingStatus.BOOKED).stream()
                .collect(Collectors.groupingBy(b -> b.organizationId, TreeMap::new, Collectors.counting())));
        assertEquals(Map.of("org-sme-a", 1L, "org-sme-b", 1L, "org-sme-c", 1L), perOrganization, "one place per organization");
        Fixtures.awaitSlot(s.slotId(), j -> j.getInt("remainingCapacity") == 0);
    }

    @Test
    void concurrentReschedulesIntoANearlyFullSlotMoveExactlyOne() throws Exception {
        SlotV1 target = announce(slot("27", 51, 3));
        String osaka = token("assoc-osaka");
        book("sme-a", target.slotId());
        post201(osaka, phoneBookingBody(target.slotId(), null, "Naniwa Kogyo"));
        SlotV1 source = announce(slot("27", 52, 200));
        // 200 callers of 200 organizations, booked by phone by the Osaka association, then all moved at once
        List<HttpResponse<String>> created = fire(200,
                i -> post(consultations, osaka, phoneBookingBody(source.slotId(), null, "Caller " + i + " K.K."), null));
        assertEquals(Map.of(201, 200L), histogram(created));
        List<String> ids = created.stream().map(r -> r.headers().firstValue("Location").orElseThrow()).toList();

        String body = "{\"slotId\":\"" + target.slotId() + "\"}";
        List<HttpResponse<String>> moves = fire(200,
                i -> post(consultations.resolve(ids.get(i) + "/reschedule"), osaka, body, null));
        assertEquals(Map.of(200, 1L, 409, 199L), histogram(moves), "exactly one move into the last place");
        assertConflictsAre(moves, "slot-full");
        assertEquals(3, bookingsIn(target.slotId(), BookingStatus.BOOKED));
        assertEquals(199, bookingsIn(source.slotId(), BookingStatus.BOOKED), "refused moves kept their old place");
    }

    @Test
    void theOrganizationCapHoldsUnderConcurrentBookings() throws Exception {
        // one organization books one place in each of 320 slots (one place per organization and slot); the test profile sets the
        // cap to 300. The slots are written straight into the projection: this test is about the cap, not about events.
        List<UUID> slots = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
                SlotV1 v = slot("32", 60 + i / 8, 1);
                jp.telework.desk.consultation.domain.Slot row = new jp.telework.desk.consultation.domain.Slot();
                row.id = v.slotId();
                row.contactPointCode = v.contactPointCode();
                row.date = v.date();
                row.startTime = v.startTime().plusMinutes(30L * (i % 8));
                row.endTime = row.startTime.plusMinutes(30);
                row.mode = jp.telework.desk.consultation.domain.Mode.ONLINE;
                row.capacity = 1;
                row.status = jp.telework.desk.consultation.domain.SlotStatus.OPEN;
                row.revision = 1;
                row.updatedAt = java.time.OffsetDateTime.now();
                row.persist();
                ids.add(row.id);
            }
            return ids;
        });
        // an organization of this test only, booked for by the secretariat on the phone
        String organization = "org-cap-" + UUID.randomUUID().toString().substring(0, 8);
        String secretariat = token("secretariat");
        List<HttpResponse<String>> answers = fire(320,
                i -> post(consultations, secretariat, phoneBookingBody(slots.get(i), organization), null));
        assertEquals(Map.of(201, 300L, 409, 20L), histogram(answers));
        assertConflictsAre(answers, "booking-limit-reached");
        assertEquals(300, QuarkusTransaction.requiringNew().call(() -> Booking.count("organizationId = ?1 and status = ?2", organization,
                BookingStatus.BOOKED)));
    }

    @Test
    void theSameIdempotencyKeySentConcurrentlyBooksOnce() throws Exception {
        SlotV1 s = announce(slot("13", 54, 10));
        String key = UUID.randomUUID().toString();
        String smeA = token("sme-a");
        List<HttpResponse<String>> answers = fire(16, i -> post(consultations, smeA, bookingBody(s.slotId()), key));
        assertEquals(Map.of(201, 16L), histogram(answers));
        Set<String> bodies = answers.stream().map(HttpResponse::body).collect(Collectors.toSet());
        assertEquals(1, bodies.size(), "every answer is the first one: " + bodies);
        assertEquals(1, bookingsIn(s.slotId(), BookingStatus.BOOKED));
    }

    private static HttpRequest post(URI uri, String token, String body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    /** Sends n requests from the bounded pool, all released at once. */
    private static List<HttpResponse<String>> fire(int n, IntFunction<HttpRequest> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest r = request.apply(i);
            Callable<HttpResponse<String>> call = () -> {
                go.await();
                return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            };
            futures.add(pool.submit(call));
        }
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            answers.add(f.get(180, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static Map<Integer, Long> histogram(List<HttpResponse<String>> answers) {
        Map<Integer, Long> h = new TreeMap<>();
        answers.forEach(r -> h.merge(r.statusCode(), 1L, Long::sum));
        assertTrue(answers.stream().noneMatch(r -> r.statusCode() >= 500),
                () -> "5xx: " + answers.stream().filter(r -> r.statusCode() >= 500).map(HttpResponse::body).findFirst().orElse(""));
        return h;
    }

    private static void assertConflictsAre(List<HttpResponse<String>> answers, String... slugs) {
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() == 409) {
                assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
                assertTrue(java.util.Arrays.stream(slugs).anyMatch(slug -> r.body().contains("\"type\":\"urn:telework:problem:" + slug + "\"")),
                        r.body());
            }
        }
    }

    private void post201(String token, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(post(consultations, token, body, null), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private static long bookingsIn(UUID slotId, BookingStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> Booking.count("slot.id = ?1 and status = ?2", slotId, status));
    }
}
