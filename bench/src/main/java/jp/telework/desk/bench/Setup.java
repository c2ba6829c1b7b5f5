package jp.telework.desk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every scenario needs: bench SME users in Keycloak, and a weekly plan for all 47 contact
 * points published through contact-point-service (slots flow to consultation-service over Kafka,
 * exactly as in production). The free slots are then split into disjoint pools so that scenarios
 * never compete for the same places.
 */
final class Setup {
    static final String[] WEEKDAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"};
    static final int SLOT_CAPACITY = 30;

    /** Slot ids for the HTTP booking runs (scenarios 2 and 5). */
    List<String> httpSlots = List.of();
    /** Slot ids for pgbench (bench.slot_pick). */
    int pgbenchSlots;
    String secretariatToken;

    void run(BenchStack stack, Accounts accounts, Results results) {
        Log.section("setup: bench users, weekly plans for 47 contact points, slot projection");
        accounts.createSmeUsers();
        secretariatToken = accounts.password("secretariat");
        long start = System.nanoTime();
        int opened = 0;
        for (int cp = 1; cp <= 47; cp++) {
            ObjectNode plan = Http.object();
            ArrayNode windows = plan.putArray("windows");
            for (String day : WEEKDAYS) {
                windows.addObject().put("weekday", day).put("startTime", "09:00").put("endTime", "17:00").put("slotMinutes", 30)
                        .put("capacity", SLOT_CAPACITY).put("mode", "ONLINE");
            }
            JsonNode r = Http.expect(200, "PUT", stack.url("contact-point-service") + "/api/v1/contact-points/"
                    + String.format("%02d", cp) + "/availability/plan", secretariatToken, plan, Map.of("If-Match", "*"));
            opened += r.path("materialization").path("opened").asInt();
        }
        double published = (System.nanoTime() - start) / 1e9;
        long projected;
        try (Connection c = stack.db("consultations")) {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while ((projected = BenchStack.queryLong(c, "SELECT count(*) FROM slot WHERE status = 'OPEN'")) < opened) {
                if (System.nanoTime() > deadline) {
                    throw new BenchException("consultation-service projected " + projected + " of " + opened + " slots in 4 min");
                }
                BenchStack.sleep(200);
            }
        } catch (SQLException e) {
            throw new BenchException(e.getMessage(), e);
        }
        double total = (System.nanoTime() - start) / 1e9;
        Log.info(String.format("  %d slots opened by 47 plans in %.1f s; all in consultation-service's projection after %.1f s",
                opened, published, total));
        ObjectNode s = results.section("setup");
        s.put("slotsOpened", opened);
        s.put("plansPublishedS", Results.round(published, 2));
        s.put("projectedAfterS", Results.round(total, 2));
        s.put("projectionEventsPerS", Results.round(opened / total, 1));
        splitSlots(stack);
    }

    private void splitSlots(BenchStack stack) {
        List<String> ids = new ArrayList<>();
        try (Connection c = stack.db("consultations");
             PreparedStatement ps = c.prepareStatement("SELECT id FROM slot WHERE status = 'OPEN'"
                     + " AND slot_date > (now() AT TIME ZONE 'Asia/Tokyo')::date ORDER BY id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            Collections.shuffle(ids, new Random(42));
            int half = ids.size() / 2;
            httpSlots = List.copyOf(ids.subList(0, half));
            List<String> pg = ids.subList(half, ids.size());
            BenchStack.exec(c, "CREATE SCHEMA IF NOT EXISTS bench");
            BenchStack.exec(c, "DROP TABLE IF EXISTS bench.slot_pick");
            BenchStack.exec(c, "CREATE TABLE bench.slot_pick (n INT PRIMARY KEY, slot_id UUID NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench.slot_pick VALUES (?, ?::uuid)")) {
                for (int i = 0; i < pg.size(); i++) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, pg.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            pgbenchSlots = pg.size();
            Log.info("  " + httpSlots.size() + " future slots for HTTP bookings, " + pgbenchSlots + " for pgbench (disjoint)");
        } catch (SQLException e) {
            throw new BenchException("cannot split slots: " + e.getMessage(), e);
        }
    }
}
