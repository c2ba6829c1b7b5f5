package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * Fault: a consumer process killed (no clean shutdown) while events are flowing to it, and
 * restarted. Whatever it had applied without committing its offsets is redelivered; the inbox makes
 * the redelivery a no-op, so nothing is applied twice and nothing is lost.
 */
@SuiteClock.SystemTest
@Order(8)
class F2ConsumerCrashTest {
    private static final List<String> SMES = List.of("sme-a", "sme-b", "sme-c");
    private static final int ROUNDS = 8;

    @Test
    @Order(1)
    void contactPointServiceKilledWhileBookingEventsFlowCountsEachBookingOnce() throws Exception {
        Fixtures.replacePlan("secretariat", "14", Bodies.weekdayPlan("IN_PERSON", "09:00", "12:00", 3)).then().statusCode(200);
        Fixtures.markPlanned("14");
        LocalDate day = Fixtures.claimDay("14", "IN_PERSON");
        List<Map<String, Object>> slots = Fixtures.slotsOn("14", "IN_PERSON", day, 3);
        List<String> slotIds = slots.stream().map(Fixtures::slotId).toList();

        AtomicInteger operations = new AtomicInteger();
        ConcurrentLinkedQueue<String> kept = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> all = new ConcurrentLinkedQueue<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (TopicProbe probe = new TopicProbe(SystemStack.kafka(), Topics.CONSULTATIONS)) {
            // a stream of bookings and cancellations: each SME books, cancels, books again ... and keeps the last one
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < SMES.size(); i++) {
                        String id = Fixtures.book(SMES.get(i), slotIds.get((round + i) % 3));
                        all.add(id);
                        operations.incrementAndGet();
                        if (round < ROUNDS - 1) {
                            Fixtures.cancel(SMES.get(i), id);
                            operations.incrementAndGet();
                        } else {
                            kept.add(id);
                        }
                    }
                }
            }, worker);

            // kill the consumer once it is busy applying, while the stream goes on
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> operations.get() >= 8 || stream.isDone());
            SystemStack.get().killService("contact-point-service");
            long killedAt = System.nanoTime();
            int atKill = operations.get();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> operations.get() >= atKill + 10 || stream.isDone());
            SystemStack.get().startService("contact-point-service");
            System.out.printf("[crash] contact-point-service killed after %d operations, back after %.1f s, %d operations meanwhile%n",
                    atKill, (System.nanoTime() - killedAt) / 1e9, operations.get() - atKill);
            stream.get(3, TimeUnit.MINUTES);
            long streamDone = System.nanoTime();
            assertEquals(ROUNDS * 3 + (ROUNDS - 1) * 3, operations.get());
            assertTrue(atKill < operations.get(), "the stream went on while the consumer was dead");

            // every slot ends with exactly the one booking kept in it, in both services
            for (String slot : slotIds) {
                assertEquals(2, Fixtures.remainingAtConsultations(slot), "consultation-service: one of three places taken");
                Fixtures.awaitBooked("14", slot, 1);
            }
            eventually().untilAsserted(() -> {
                Response stats = as("secretariat").queryParam("from", day.toString()).queryParam("to", day.toString())
                        .get("/api/v1/contact-points/statistics");
                stats.then().statusCode(200);
                assertEquals(3, ((Number) stats.path("byPrefecture.find { it.prefecture == '14' }.booked")).intValue());
            });
            // the topic has every fact once (distinct ids), redeliveries apart
            List<TopicProbe.Event> events = probe.drain(Duration.ofSeconds(1));
            for (String id : all) {
                assertEquals(1, events.stream().filter(e -> id.equals(e.key()) && "consultation.booked.v1".equals(e.type()))
                        .map(TopicProbe.Event::id).distinct().count(), "booked event of " + id);
            }
            System.out.printf("[crash] contact-point-service's counts converged %.1f s after the stream ended%n",
                    (System.nanoTime() - streamDone) / 1e9);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    slotIds.stream().allMatch(s -> Fixtures.bookedAtContactPoint("14", s) == 1));
        } finally {
            worker.shutdownNow();
            kept.forEach(id -> Fixtures.cancel("secretariat", id));
        }
    }

    @Test
    @Order(2)
    void consultationServiceKilledWhileSlotEventsFlowEndsWithTheSameSlots() {
        LocalDate from = Api.today().plusDays(1);
        LocalDate to = Api.today().plusDays(30);
        // a plan of many small slots: hundreds of slot.opened.v1 events at once
        Fixtures.replacePlan("secretariat", "23", Bodies.weekdayPlan("ONLINE", "09:00", "17:00", 1)).then().statusCode(200);
        Fixtures.markPlanned("23");
        Response source = anonymous().queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("mode", "ONLINE").queryParam("status", "OPEN").queryParam("size", 1)
                .get("/api/v1/contact-points/23/slots");
        source.then().statusCode(200);
        int expected = Integer.parseInt(source.header("X-Total-Count"));
        assertTrue(expected > 100, "many slots: " + expected);

        // kill it as soon as it has started applying them
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            seen.set(projectedAichi(from, to));
            return seen.get() > 0;
        });
        SystemStack.get().killService("consultation-service");
        int atKill = seen.get();
        long killedAt = System.nanoTime();
        SystemStack.get().startService("consultation-service");
        System.out.printf("[crash] consultation-service killed with %d of %d slots applied, back after %.1f s%n", atKill, expected,
                (System.nanoTime() - killedAt) / 1e9);
        long restarted = System.nanoTime();
        eventually().untilAsserted(() -> {
            Response projected = anonymous().queryParam("prefecture", "23").queryParam("mode", "ONLINE")
                    .queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("size", 1).get("/api/v1/slots");
            projected.then().statusCode(200);
            assertEquals(expected, ((Number) projected.path("total")).intValue(), "slots of Aichi in consultation-service");
        });
        System.out.printf("[crash] consultation-service's projection complete %.1f s after its restart%n",
                (System.nanoTime() - restarted) / 1e9);
    }

    private static int projectedAichi(LocalDate from, LocalDate to) {
        Response r = anonymous().queryParam("prefecture", "23").queryParam("mode", "ONLINE")
                .queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("size", 1).get("/api/v1/slots");
        return r.statusCode() == 200 ? ((Number) r.path("total")).intValue() : -1;
    }
}
