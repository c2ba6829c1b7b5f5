package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * pgbench (Debian's postgresql-contrib / postgresql-15) running the booking transaction of
 * consultation-service as plain SQL on the same PostgreSQL and the same tables: the organization's
 * advisory lock, the slot row locked FOR UPDATE, the places taken, the organization's places in the
 * slot (fair share), its open bookings, the booking row and its outbox row, in one transaction. Prepared statements (as the
 * JDBC driver uses them), one connection per client. Latencies from pgbench's per-transaction log.
 */
final class Pgbench {
    /** The transaction, statement by statement as the service issues them (see README: "pgbench transaction"). */
    static final String SCRIPT = """
            \\set n random(1, :nslots)
            \\set org random(1, 50)
            BEGIN;
            SELECT 1 FROM pg_advisory_xact_lock(4711, hashtext(concat('org-pgb-', :org::int)));
            SELECT s.id AS sid, s.capacity AS cap, s.contact_point_code AS cp, s.slot_date AS sdate, s.mode AS smode, s.status AS sstatus, s.start_time, s.end_time, s.revision FROM slot s WHERE s.id = (SELECT slot_id FROM bench.slot_pick WHERE n = :n) FOR NO KEY UPDATE OF s \\gset
            SELECT count(*) AS taken FROM booking WHERE slot_id = :sid::uuid AND status = 'BOOKED' \\gset
            SELECT count(*) AS mine FROM booking WHERE slot_id = :sid::uuid AND status = 'BOOKED' AND organization_id = concat('org-pgb-', :org::int) \\gset
            SELECT count(*) AS open FROM booking b JOIN slot s ON s.id = b.slot_id WHERE b.organization_id = concat('org-pgb-', :org::int) AND b.status IN ('BOOKED', 'NEEDS_RESCHEDULE') AND s.slot_date >= current_date \\gset
            \\if :taken < :cap
            INSERT INTO booking (id, slot_id, contact_point_code, organization_id, created_by, topics, status, placed_at, organization_name, organization_type, employee_count, industry, requester_prefecture, contact_person, email, phone, notes, channel, created_at, updated_at, version) VALUES (gen_random_uuid(), :sid::uuid, :cp::char(2), concat('org-pgb-', :org::int), 'pgbench', '{ICT_ENVIRONMENT,LABOR_MANAGEMENT}', 'BOOKED', now(), 'Bench Trading K.K.', 'SME', 35, 'Wholesale', '13', 'Bench Taro', 'bench@example.jp', '03-1234-5678', 'benchmark booking', 'API', now(), now(), 0) RETURNING id AS bid \\gset
            INSERT INTO outbox_event (id, topic, event_key, type, subject, occurred_at, payload, published_at, attempts) VALUES (gen_random_uuid(), 'consultations.events', :bid::text, 'consultation.booked.v1', :bid::text, now(), concat('{"bookingId":"', :bid::text, '","slotId":"', :sid::text, '","previousSlotId": null,"contactPointCode":"', :cp::text, '","mode":"ONLINE","slotDate":"', :sdate::text, '","topics":["ICT_ENVIRONMENT","LABOR_MANAGEMENT"],"status":"BOOKED"}'), now(), 0);
            \\endif
            COMMIT;
            """;

    private final Path work;
    private int runs;

    Pgbench(Path work) {
        this.work = work;
    }

    record Run(String label, ObjectNode json) {
        double tps() {
            return json.get("tps").asDouble();
        }
    }

    Run run(String label, int port, String database, int clients, Duration duration, int slots) {
        Path dir = work.resolve("pgbench").resolve(String.format("%02d-%s", ++runs, label));
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("booking.sql");
            Files.writeString(script, SCRIPT);
            List<String> command = List.of(Cmd.which("pgbench").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "-U", "postgres", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2",
                    "-T", Long.toString(duration.toSeconds()), "-D", "nslots=" + slots, "-f", script.toString(),
                    "--log", "--log-prefix=" + dir.resolve("tx"), database);
            String out = Cmd.runOk(command, Map.of("PGCONNECT_TIMEOUT", "10"), dir.resolve("pgbench.txt"), duration.plusSeconds(60));
            Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
            Matcher failed = Pattern.compile("number of failed transactions: ([0-9]+)").matcher(out);
            if (!tps.find()) {
                throw new BenchException("pgbench printed no tps; see " + dir.resolve("pgbench.txt"));
            }
            Histogram h = new Histogram(60_000_000L, 3);
            List<Path> logs;
            try (Stream<Path> files = Files.list(dir)) {
                logs = files.filter(p -> p.getFileName().toString().startsWith("tx.")).toList();
            }
            long count = 0;
            for (Path log : logs) {
                try (Stream<String> lines = Files.lines(log)) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        String[] f = line.split(" ");
                        if (f.length >= 3 && !f[2].equals("failed") && !f[2].equals("skipped")) {
                            h.recordValue(Math.max(1, Long.parseLong(f[2])));
                            count++;
                        }
                    }
                }
                Files.delete(log); // can be large; the histogram keeps what matters
            }
            ObjectNode o = Http.object();
            o.put("label", label);
            o.put("clients", clients);
            o.put("durationS", duration.toSeconds());
            o.put("tps", Results.round(Double.parseDouble(tps.group(1)), 1));
            o.put("transactions", count);
            o.put("failed", failed.find() ? Long.parseLong(failed.group(1)) : 0);
            o.put("p50Ms", Results.round(h.getValueAtPercentile(50) / 1000.0, 3));
            o.put("p99Ms", Results.round(h.getValueAtPercentile(99) / 1000.0, 3));
            o.put("maxMs", Results.round(h.getMaxValue() / 1000.0, 3));
            Log.info(String.format("  %-28s %8.1f tx/s   p50 %7.2f ms  p99 %7.2f ms", label, o.get("tps").asDouble(),
                    o.get("p50Ms").asDouble(), o.get("p99Ms").asDouble()));
            return new Run(label, o);
        } catch (IOException e) {
            throw new BenchException("pgbench run failed: " + e.getMessage(), e);
        }
    }

    static List<String> statements() {
        List<String> l = new ArrayList<>();
        SCRIPT.lines().filter(s -> !s.startsWith("\\")).forEach(l::add);
        return l;
    }
}
