package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario 5b: booking and free-slot latency directly at consultation-service with ~10k and with
 * 1M bookings in the table. The history is bulk-inserted in SQL: past slots of all 47 contact
 * points (3 bookings each, ~2.4 years for 1M), bookings of 20,000 other organizations, 5 % still
 * BOOKED, the rest COMPLETED / NO_SHOW / CANCELLED — what years of operation leave behind.
 */
final class Growth {
    private final ObjectNode section;
    private final Results results;
    private double smallBookP99;
    private double smallSlotsP99;
    private double smallBookP50;
    private double smallSlotsP50;
    private long smallRows;

    Growth(Results results) {
        this.results = results;
        this.section = results.section("growth");
    }

    /** Inserts history bookings (numbered from the current history count) until the table holds {@code target} rows. */
    static double fill(BenchStack stack, long target) {
        long start = System.nanoTime();
        try (Connection c = stack.db("consultations")) {
            long rows = BenchStack.queryLong(c, "SELECT count(*) FROM booking");
            long from = BenchStack.queryLong(c, "SELECT count(*) FROM booking WHERE created_by = 'history'");
            long missing = target - rows;
            final long chunk = 100_000;
            for (long b0 = from; b0 < from + missing; b0 += chunk) {
                long b1 = Math.min(from + missing, b0 + chunk);
                BenchStack.exec(c, """
                        INSERT INTO slot (id, contact_point_code, slot_date, start_time, end_time, mode, capacity, status, revision, updated_at)
                        SELECT md5('hist-slot-' || k)::uuid, lpad((k %% 47 + 1)::text, 2, '0'), current_date - 1 - ((k / 47) / 8)::int,
                               make_time(9 + ((k / 47) %% 8)::int, 0, 0), make_time(10 + ((k / 47) %% 8)::int, 0, 0),
                               'IN_PERSON', 3, 'OPEN', 1, now()
                        FROM generate_series(%d, %d) k
                        ON CONFLICT (id) DO NOTHING""".formatted(b0 / 3, (b1 - 1) / 3));
                BenchStack.exec(c, """
                        INSERT INTO booking (id, slot_id, contact_point_code, organization_id, created_by, topics, status, placed_at,
                            organization_name, organization_type, employee_count, industry, requester_prefecture, contact_person, email,
                            phone, channel, created_at, updated_at, closed_at, version)
                        SELECT md5('hist-booking-' || b)::uuid, md5('hist-slot-' || (b / 3))::uuid, lpad(((b / 3) %% 47 + 1)::text, 2, '0'),
                               'hist-org-' || (b %% 20000), 'history', '{ICT_ENVIRONMENT}', st, ts, 'History K.K.', 'SME', 20,
                               'Manufacturing', lpad(((b / 3) %% 47 + 1)::text, 2, '0'), 'History Taro', 'history@example.jp',
                               '03-0000-0000', 'API', ts, ts, CASE WHEN st = 'BOOKED' THEN NULL ELSE ts END, 0
                        FROM (SELECT b, (current_date - 8 - (((b / 3) / 47) / 8)::int)::timestamptz AS ts,
                                     CASE WHEN b %% 20 = 0 THEN 'BOOKED' WHEN b %% 20 < 3 THEN 'NO_SHOW'
                                          WHEN b %% 20 < 6 THEN 'CANCELLED' ELSE 'COMPLETED' END AS st
                              FROM generate_series(%d, %d) b) x""".formatted(b0, b1 - 1));
            }
            BenchStack.exec(c, "VACUUM ANALYZE booking");
            BenchStack.exec(c, "VACUUM ANALYZE slot");
            double s = (System.nanoTime() - start) / 1e9;
            Log.info(String.format("  booking table: %d rows (%d inserted in %.1f s)", BenchStack.queryLong(c, "SELECT count(*) FROM booking"),
                    Math.max(0, missing), s));
            return s;
        } catch (SQLException e) {
            throw new BenchException(e.getMessage(), e);
        }
    }

    void measure(BenchStack stack, Accounts accounts, Setup setup, Options opt, String label, int rotation, Path profiles) {
        Wrk wrk = new Wrk(stack.work);
        String service = stack.url("consultation-service");
        long rows;
        try (Connection c = stack.db("consultations")) {
            rows = BenchStack.queryLong(c, "SELECT count(*) FROM booking");
            explain(c, profiles.resolve("s5-explain-" + label + ".txt"));
        } catch (SQLException e) {
            throw new BenchException(e.getMessage(), e);
        }
        Log.info("  measuring with " + rows + " bookings in the table");
        Wrk.Run book = BookingWritePath.book(wrk, stack, "s5-book-" + label, service, BookingWritePath.rotate(setup.httpSlots, rotation),
                accounts.smeTokens(), opt.growthConnections, opt.growthDuration);
        Wrk.Run slots = wrk.run("s5-slots-" + label, "get.lua", service + GatewayOverhead.PATH, 2, opt.growthConnections,
                opt.growthDuration, Map.of(), List.of());
        ObjectNode o = section.putObject(label);
        o.put("bookingRows", rows);
        o.set("booking", book.json());
        o.set("freeSlots", slots.json());
        if (smallRows == 0) {
            smallRows = rows;
            smallBookP50 = book.p50Ms();
            smallBookP99 = book.p99Ms();
            smallSlotsP50 = slots.p50Ms();
            smallSlotsP99 = slots.p99Ms();
            return;
        }
        double bookGrowth = book.p99Ms() / smallBookP99;
        double slotsGrowth = slots.p99Ms() / smallSlotsP99;
        section.put("bookingP99Growth", Results.round(bookGrowth, 2));
        section.put("freeSlotsP99Growth", Results.round(slotsGrowth, 2));
        String rowsText = String.format("%,d vs %,d rows", smallRows, rows);
        results.summary("5 Growth", "booking p50 / p99 (ms), " + rowsText, Results.f2(smallBookP50) + " / " + Results.f2(smallBookP99)
                + " → " + Results.f2(book.p50Ms()) + " / " + Results.f2(book.p99Ms()) + " (p99 × " + Results.f2(bookGrowth) + ")",
                "p99 × < 2", GatewayOverhead.verdict(bookGrowth < 2, "× " + Results.f2(bookGrowth)));
        results.summary("5 Growth", "free slots p50 / p99 (ms), " + rowsText, Results.f2(smallSlotsP50) + " / " + Results.f2(smallSlotsP99)
                + " → " + Results.f2(slots.p50Ms()) + " / " + Results.f2(slots.p99Ms()) + " (p99 × " + Results.f2(slotsGrowth) + ")",
                "p99 × < 2", GatewayOverhead.verdict(slotsGrowth < 2, "× " + Results.f2(slotsGrowth)));
        results.detail("### 5. Footprint and growth\n\nGrowth: directly at consultation-service, wrk 2 threads × " + opt.growthConnections
                + " connections for " + opt.growthDuration.toSeconds() + " s each, booking (as in scenario 2) and `GET " + GatewayOverhead.PATH
                + "`, first with " + String.format("%,d", smallRows) + " bookings in the table, then with " + String.format("%,d", rows)
                + " (history bulk-inserted: past slots of all contact points, 20,000 other organizations, 5 % still BOOKED, then "
                + "`VACUUM ANALYZE`). Query plans at both sizes: [`profiles/s5-explain-10k.txt`](profiles/s5-explain-10k.txt), "
                + "[`profiles/s5-explain-1m.txt`](profiles/s5-explain-1m.txt).\n\n"
                + "| bookings in table | booking req/s | booking p50 ms | booking p99 ms | free slots req/s | free slots p50 ms | free slots p99 ms |\n"
                + "|---|---|---|---|---|---|---|\n"
                + row(section.get("10k"), "10k") + row(o, label));
    }

    private static String row(com.fasterxml.jackson.databind.JsonNode n, String label) {
        com.fasterxml.jackson.databind.JsonNode b = n.get("booking");
        com.fasterxml.jackson.databind.JsonNode s = n.get("freeSlots");
        double bps = b.get("status201").asDouble() / (b.get("durationUs").asDouble() / 1e6);
        return String.format("| %,d | %.1f | %.2f | %.2f | %.1f | %.2f | %.2f |%n", n.get("bookingRows").asLong(), bps,
                b.get("p50Ms").asDouble(), b.get("p99Ms").asDouble(), s.get("rps").asDouble(), s.get("p50Ms").asDouble(),
                s.get("p99Ms").asDouble());
    }

    /** The plans of the two queries that could grow with the table (what the service runs, with literal values). */
    private static void explain(Connection c, Path file) {
        String freeSlots = """
                EXPLAIN (ANALYZE, BUFFERS) SELECT s.id, s.contact_point_code, s.slot_date, s.start_time, s.end_time, s.mode, s.capacity,
                  s.status, (SELECT count(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'BOOKED')
                FROM slot s WHERE s.status = 'OPEN' AND s.contact_point_code IN ('13')
                  AND s.slot_date BETWEEN current_date AND current_date + 30
                  AND (s.slot_date > current_date OR (s.slot_date = current_date AND s.start_time > localtime))
                  AND s.capacity > (SELECT count(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'BOOKED')
                ORDER BY s.slot_date, s.start_time, s.contact_point_code, s.id LIMIT 20""";
        String cap = """
                EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM booking b JOIN slot s ON s.id = b.slot_id
                WHERE b.organization_id = 'org-bench-01' AND b.status IN ('BOOKED', 'NEEDS_RESCHEDULE') AND s.slot_date >= current_date""";
        String taken = """
                EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM booking b
                WHERE b.slot_id = (SELECT id FROM slot WHERE status = 'OPEN' AND slot_date > current_date ORDER BY id LIMIT 1) AND b.status = 'BOOKED'""";
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (String[] q : new String[][] {{"free slots (first page, Tokyo)", freeSlots}, {"organization cap count", cap},
                    {"places taken in a slot", taken}}) {
                out.append("== ").append(q[0]).append("\n");
                try (ResultSet rs = s.executeQuery(q[1])) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                out.append('\n');
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        } catch (SQLException | IOException e) {
            throw new BenchException("explain failed: " + e.getMessage(), e);
        }
    }
}
