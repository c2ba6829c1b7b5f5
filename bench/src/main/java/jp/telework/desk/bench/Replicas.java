package jp.telework.desk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.local.Stack;

/**
 * Scenario 6: what production's two replicas change. A second instance of contact-point-service and of
 * consultation-service joins; two associations change availability at the same time, one through each
 * contact-point instance (both relays publishing: a wake-up must not wait for the other's poll), and the
 * clock runs from each committed answer until the slot is bookable in consultation-service's projection
 * (consumed by two instances in one group). Then one consultation-service instance is SIGKILLed and slots
 * are opened on a dozen contact points (their events spread over the topic's partitions): the slowest of
 * them shows when the dead instance's partitions were consumed again.
 */
final class Replicas {
    /** Contact points whose events the kill phase publishes: keys spread over the topic's partitions. */
    private static final List<String> SPREAD = List.of("01", "04", "08", "11", "14", "22", "23", "26", "28", "34", "40", "47");

    void run(BenchStack stack, Accounts accounts, Options opt, Results results, double singleReplicaGoalMs) {
        Log.section("scenario 6: two replicas (event propagation with two writing instances; a consumer instance SIGKILLed)");
        Stack.Replica cp2 = stack.stack.startReplica("contact-point-service", 2);
        Stack.Replica cs2 = stack.stack.startReplica("consultation-service", 2);
        BenchStack.sleep(15_000); // the consumer group rebalances onto both consultation-service instances
        LocalDate date = LocalDate.now(Tokyo.ZONE).plusDays(4);
        Histogram both = new Histogram(60_000_000L, 3);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Histogram>> runs = List.of(
                    writers.submit(() -> writer(stack, stack.url("contact-point-service"), "13", accounts.password("assoc-tokyo"), date, opt)),
                    writers.submit(() -> writer(stack, cp2.url(), "27", accounts.password("assoc-osaka"), date, opt)));
            for (Future<Histogram> f : runs) {
                Histogram h = f.get(10, TimeUnit.MINUTES);
                both.add(h);
            }
        } catch (Exception e) {
            throw new BenchException("writers failed: " + e, e);
        } finally {
            writers.shutdownNow();
        }
        double p50 = EventPropagation.ms(both, 50);
        double p99 = EventPropagation.ms(both, 99);
        double max = both.getMaxValue() / 1000.0;
        Log.info(String.format("  two writing instances (%d samples): committed -> bookable p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                both.getTotalCount(), p50, p99, max));

        // the kill: every contact point of SPREAD opens a slot right after one consultation-service instance died
        String token = accounts.password("secretariat");
        LocalDate killDay = date.plusDays(1);
        long killed;
        List<Double> recovery = new ArrayList<>();
        try (Connection c = stack.db("consultations")) {
            stack.stack.killService(cs2.key());
            killed = System.nanoTime();
            List<String> created = new ArrayList<>();
            for (String code : SPREAD) {
                Http.Response r = Http.send("POST", stack.url("contact-point-service") + "/api/v1/contact-points/" + code
                        + "/availability/exceptions", token, extraWindow(killDay, "21:00"), Map.of());
                if (r.status() != 201) {
                    throw new BenchException("exception at " + code + " not created: " + r.status() + " " + r.body());
                }
                created.add(code);
            }
            // all at once: each contact point's slot is timed when it turns OPEN, whichever partition comes back first
            java.util.Set<String> waiting = new java.util.HashSet<>(created);
            long deadline = killed + Duration.ofSeconds(120).toNanos();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT contact_point_code FROM slot WHERE slot_date = ?"
                    + " AND start_time = '21:00'::time AND mode = 'ONLINE' AND status = 'OPEN'")) {
                ps.setObject(1, killDay);
                while (!waiting.isEmpty()) {
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            if (waiting.remove(rs.getString(1))) {
                                recovery.add((now - killed) / 1e9);
                            }
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new BenchException("not bookable 120 s after the kill: " + waiting);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            }
        } catch (SQLException e) {
            throw new BenchException(e.getMessage(), e);
        } finally {
            stack.stack.stopService(cp2.key());
        }
        double worst = recovery.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double best = recovery.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        Log.info(String.format("  SIGKILL of a consultation-service instance: all %d contact points bookable again after %.1f s"
                + " (first after %.1f s)", SPREAD.size(), worst, best));

        ObjectNode s = results.section("replicas");
        s.put("samples", both.getTotalCount());
        s.put("twoWritersCommittedToBookableP50Ms", Results.round(p50, 2));
        s.put("twoWritersCommittedToBookableP99Ms", Results.round(p99, 2));
        s.put("twoWritersCommittedToBookableMaxMs", Results.round(max, 2));
        s.put("singleReplicaGoalMs", Results.round(singleReplicaGoalMs, 2));
        s.put("killToAllPartitionsConsumedS", Results.round(worst, 2));
        s.put("killToFirstConsumedS", Results.round(best, 2));
        ArrayNodeWriter.write(s.putArray("killRecoveryS"), recovery);
        results.summary("6 Two replicas", "two writing instances: committed → bookable p50 / p99 (ms)",
                Results.f1(p50) + " / " + Results.f1(p99), "p99 ≤ " + Results.f1(singleReplicaGoalMs) + " ms (scenario 4's goal)",
                p99 <= singleReplicaGoalMs ? "met" : "**not met** (" + Results.f1(p99 - singleReplicaGoalMs) + " ms over)");
        results.summary("6 Two replicas", "SIGKILLed consumer instance → its partitions consumed again (s)", Results.f1(worst),
                "≤ 10 s", worst <= 10 ? "met" : "**not met**");
        results.detail("### 6. Two replicas\n\nA second instance of contact-point-service and of consultation-service joins the stack "
                + "(same databases and broker, `Stack.startReplica`). assoc-tokyo (through the first contact-point instance) and "
                + "assoc-osaka (through the second) each add and delete an `EXTRA_WINDOW` exception " + opt.propagationSamples
                + " times at the same time, so both relays publish at once; each committed answer → slot `OPEN` in consultation-service's "
                + "projection, consumed by two instances of group `consultation-service`. Then the second consultation-service instance is "
                + "SIGKILLed and the secretariat opens a slot at each of " + SPREAD.size() + " contact points (keys spread over the topic's "
                + "partitions); the slowest one shows when the dead instance's partitions were consumed again (consumer "
                + "`session.timeout.ms` 6 s, heartbeat 1.5 s).\n\n"
                + "| measure | p50 | p99 | max |\n|---|---|---|---|\n"
                + String.format("| two writers: committed → bookable (ms) | %.1f | %.1f | %.1f |%n", p50, p99, max)
                + String.format("| kill → slot bookable, per contact point (s) | %.1f (first) | | %.1f (last) |%n", best, worst));
    }

    /** One association's loop through one contact-point instance; the slot is awaited in the shared projection. */
    private static Histogram writer(BenchStack stack, String instance, String code, String token, LocalDate date, Options opt)
            throws SQLException {
        Histogram h = new Histogram(60_000_000L, 3);
        String url = instance + "/api/v1/contact-points/" + code + "/availability/exceptions";
        long revision = -1;
        try (Connection c = stack.db("consultations")) {
            for (int i = 0; i < opt.propagationSamples + 5; i++) {
                Http.Response r = Http.send("POST", url, token, extraWindow(date, "20:00"), Map.of());
                long committed = System.nanoTime();
                if (r.status() != 201) {
                    throw new BenchException("exception at " + code + " not created: " + r.status() + " " + r.body());
                }
                EventPropagation.SlotRow row = EventPropagation.awaitSlot(c, code, date, "20:00", "ONLINE", true, revision,
                        Duration.ofSeconds(30));
                long bookable = System.nanoTime();
                revision = row.revision();
                Http.Response d = Http.send("DELETE", url + "/" + r.json().path("exception").path("id").asText(), token, null, Map.of());
                if (d.status() != 200 && d.status() != 204) {
                    throw new BenchException("exception at " + code + " not deleted: " + d.status() + " " + d.body());
                }
                revision = EventPropagation.awaitSlot(c, code, date, "20:00", "ONLINE", false, revision, Duration.ofSeconds(30)).revision();
                if (i >= 5) {
                    h.recordValue(Math.max(1, (bookable - committed) / 1000));
                }
            }
        }
        return h;
    }

    private static ObjectNode extraWindow(LocalDate date, String start) {
        String end = start.equals("20:00") ? "20:30" : "21:30";
        return Http.object().put("date", date.toString()).put("kind", "EXTRA_WINDOW").put("startTime", start).put("endTime", end)
                .put("slotMinutes", 30).put("capacity", 2).put("mode", "ONLINE").put("reason", "evening consultations");
    }
}
