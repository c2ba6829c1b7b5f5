package jp.telework.desk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * Scenario 3: 1,000 clients at once for the 10 places of one slot, and 1,000 registrations at once
 * for the 50 seats of one seminar; the databases are checked afterwards. Each race runs twice on
 * fresh targets: through the gateway (its default pool, queue and timeouts) and directly at the service.
 */
final class Contention {

    void run(BenchStack stack, Accounts accounts, Options opt, Results results, Profiler profiler) {
        Log.section("scenario 3: contention (" + opt.raceClients + " clients for " + opt.raceSeats + " places of one slot, "
                + opt.raceClients + " for " + opt.seminarSeats + " seminar seats)");
        ObjectNode s = results.section("contention");
        StringBuilder d = new StringBuilder("### 3. Contention\n\nEvery client sends one request, all at once, each on its own connection "
                + "(consultations: tokens of " + Accounts.SME_USERS + " organizations, round robin; seminar: the secretariat registers "
                + opt.raceClients + " different organizations on their behalf, as the seminar README allows). Each race runs on a fresh "
                + "slot or seminar, once through the gateway (default settings: 64 pooled connections per service, a wait queue of 2048 "
                + "and up to 30 s in it, 5 s response timeout once the service has the request, circuit breaker) and once directly at the service. The database is checked afterwards.\n\n"
                + "| race | via | answers | in the database | answers = database | p50 ms | p99 ms | all answered after |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        LocalDate date = LocalDate.now(Tokyo.ZONE).plusDays(5);
        consultationRace(stack, accounts, opt, results, s.putObject("consultationViaGateway"), d, "gateway", stack.gateway(), date);
        stack.settle(Duration.ofSeconds(60));
        consultationRace(stack, accounts, opt, results, s.putObject("consultationDirect"), d, "consultation-service",
                stack.url("consultation-service"), date.plusDays(1));
        stack.settle(Duration.ofSeconds(60));
        seminarRace(stack, accounts, opt, results, s.putObject("seminarViaGateway"), d, "gateway", stack.gateway());
        stack.settle(Duration.ofSeconds(60));
        seminarRace(stack, accounts, opt, results, s.putObject("seminarDirect"), d, "seminar-service", stack.url("seminar-service"));
        stack.settle(Duration.ofSeconds(60));
        // One more seminar race, not measured, with JFR on seminar-service: where a flash crowd's time goes.
        long seminarPid = stack.servicePid("seminar-service");
        profiler.start(seminarPid, "s3-seminar-service");
        Race.Outcome profiled = runSeminarRace(stack, accounts, opt, stack.url("seminar-service")).outcome();
        Log.info(String.format("  seminar-service (profiled, not measured): %d× 201 of %d, all answered after %.2f s", profiled.count(201),
                opt.raceClients, profiled.allAnsweredS()));
        String profile = profiler.stop(seminarPid, "s3-seminar-service").getFileName().toString();
        s.put("profile", "profiles/" + profile);
        stack.settle(Duration.ofSeconds(60));
        d.append("\nJFR hot methods of seminar-service during a third, unmeasured seminar race: [`profiles/").append(profile)
                .append("`](profiles/").append(profile).append(").\n");
        results.detail(d.toString());
    }

    private void consultationRace(BenchStack stack, Accounts accounts, Options opt, Results results, ObjectNode s, StringBuilder d,
            String via, String base, LocalDate date) {
        String secretariat = accounts.password("secretariat");
        ObjectNode exception = Http.object().put("date", date.toString()).put("kind", "EXTRA_WINDOW").put("startTime", "07:00")
                .put("endTime", "07:30").put("slotMinutes", 30).put("capacity", opt.raceSeats).put("mode", "PHONE")
                .put("reason", "benchmark race");
        Http.expect(201, "POST", stack.url("contact-point-service") + "/api/v1/contact-points/13/availability/exceptions", secretariat,
                exception, Map.of());
        String slotId = EventPropagation.awaitSlot(stack, "13", date, "07:00", "PHONE", true, Duration.ofSeconds(60)).id();
        List<String> tokens = accounts.smeTokens();
        String url = base + "/api/v1/consultations";
        String body = "{\"slotId\":\"" + slotId + "\",\"topics\":[\"SECURITY\"],\"requester\":{\"organizationName\":\"Race K.K.\","
                + "\"organizationType\":\"SME\",\"employeeCount\":12,\"industry\":\"Retail\",\"prefecture\":\"13\","
                + "\"contactPerson\":\"Race Hanako\",\"email\":\"race@example.jp\",\"phone\":\"03-1111-2222\"}}";
        stack.awaitGatewayPasses(GatewayOverhead.PATH);
        Race.Outcome o = Race.run(opt.raceClients, i -> Race.post(url, tokens.get(i % tokens.size()), body).build());
        long booked;
        try (Connection c = stack.db("consultations");
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM booking WHERE slot_id = ?::uuid AND status = 'BOOKED'")) {
            ps.setString(1, slotId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                booked = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new BenchException(e.getMessage(), e);
        }
        JsonNode view = Http.get(stack.url("consultation-service") + "/api/v1/slots/" + slotId, null).json();
        ObjectNode j = o.json();
        j.put("slotCapacity", opt.raceSeats);
        j.put("bookedInDatabase", booked);
        j.put("remainingCapacityShown", view.path("remainingCapacity").asInt(-1));
        s.setAll(j);
        report(results, d, opt.raceClients + " clients → slot with " + opt.raceSeats + " places", via, o, booked + " booked",
                booked <= opt.raceSeats, o.count(201) == booked);
    }

    /** A fresh published seminar and the race for its seats. */
    private record SeminarRun(String seminarId, Race.Outcome outcome) {
    }

    private SeminarRun runSeminarRace(BenchStack stack, Accounts accounts, Options opt, String base) {
        String secretariat = accounts.password("secretariat");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).truncatedTo(ChronoUnit.MINUTES);
        ObjectNode seminar = Http.object().put("kind", "SEMINAR").put("titleJa", "ベンチマーク・セミナー").put("titleEn", "Benchmark seminar")
                .put("format", "ONLINE").put("startsAt", now.plusDays(20).toString()).put("endsAt", now.plusDays(20).plusHours(2).toString())
                .put("registrationOpensAt", now.minusHours(1).toString()).put("registrationClosesAt", now.plusDays(19).toString())
                .put("capacity", opt.seminarSeats).put("host", "SECRETARIAT");
        seminar.putArray("topics").add("LABOR_MANAGEMENT");
        seminar.putObject("onlineJoin").put("url", "https://meet.example.jp/j/bench");
        String service = stack.url("seminar-service") + "/api/v1/seminars";
        Http.Response created = Http.send("POST", service, secretariat, seminar, Map.of());
        if (created.status() != 201) {
            throw new BenchException("seminar not created: " + created.status() + " " + created.body());
        }
        String id = created.json().get("id").asText();
        Http.Response publish = Http.send("POST", service + "/" + id + "/publish", secretariat, null,
                created.header("ETag") != null ? Map.of("If-Match", created.header("ETag")) : Map.of());
        if (publish.status() != 200) {
            throw new BenchException("seminar not published: " + publish.status() + " " + publish.body());
        }
        String url = base + "/api/v1/seminars/" + id + "/registrations";
        stack.awaitGatewayPasses("/api/v1/seminars");
        Race.Outcome o = Race.run(opt.raceClients, i -> Race.post(url, secretariat, String.format(
                "{\"seats\":1,\"organization\":{\"id\":\"race-org-%04d\",\"name\":\"Race %04d K.K.\",\"type\":\"SME\",\"prefecture\":\"13\","
                        + "\"employeeCount\":20},\"contact\":{\"name\":\"Race Contact\",\"email\":\"race%04d@example.jp\"}}", i, i, i)).build());
        return new SeminarRun(id, o);
    }

    private void seminarRace(BenchStack stack, Accounts accounts, Options opt, Results results, ObjectNode s, StringBuilder d,
            String via, String base) {
        SeminarRun run = runSeminarRace(stack, accounts, opt, base);
        String id = run.seminarId();
        Race.Outcome o = run.outcome();
        long confirmedSeats;
        long registrations;
        long waitlisted;
        long distinctPositions;
        long maxPosition;
        try (Connection c = stack.db("seminars")) {
            String where = " FROM registration WHERE seminar_id = '" + id + "'";
            confirmedSeats = BenchStack.queryLong(c, "SELECT coalesce(sum(seats), 0)" + where + " AND status = 'CONFIRMED'");
            registrations = BenchStack.queryLong(c, "SELECT count(*)" + where + " AND status IN ('CONFIRMED', 'WAITLISTED')");
            waitlisted = BenchStack.queryLong(c, "SELECT count(*)" + where + " AND status = 'WAITLISTED'");
            distinctPositions = BenchStack.queryLong(c, "SELECT count(DISTINCT waitlist_seq)" + where + " AND status = 'WAITLISTED'");
            maxPosition = BenchStack.queryLong(c, "SELECT coalesce(max(waitlist_seq), 0)" + where + " AND status = 'WAITLISTED'");
        } catch (SQLException e) {
            throw new BenchException(e.getMessage(), e);
        }
        ObjectNode j = o.json();
        j.put("capacity", opt.seminarSeats);
        j.put("confirmedSeatsInDatabase", confirmedSeats);
        j.put("waitlistedInDatabase", waitlisted);
        j.put("distinctWaitlistPositions", distinctPositions);
        j.put("maxWaitlistPosition", maxPosition);
        s.setAll(j);
        report(results, d, opt.raceClients + " registrations → seminar with " + opt.seminarSeats + " seats", via, o,
                confirmedSeats + " seats confirmed, " + waitlisted + " waitlisted (" + distinctPositions + " distinct positions)",
                confirmedSeats <= opt.seminarSeats && distinctPositions == waitlisted, o.count(201) == registrations);
    }

    private static void report(Results results, StringBuilder d, String race, String via, Race.Outcome o, String database,
            boolean noOverbooking, boolean consistent) {
        String answers = o.statuses().entrySet().stream().map(e -> e.getValue() + "× " + e.getKey())
                .reduce((a, b) -> a + ", " + b).orElse("none") + (o.failures() > 0 ? ", " + o.failures() + " transport failures" : "");
        Log.info(String.format("  %s via %s: %s; %s; all answered after %.2f s %s", race, via, answers, database, o.allAnsweredS(),
                o.samples().isEmpty() ? "" : o.samples().get(0)));
        d.append(String.format("| %s | %s | %s | %s | %s | %.0f | %.0f | %.2f s |%n", race, via, answers, database,
                consistent ? "yes" : "**no** (5xx answers for requests that did succeed)",
                o.latencyUs().getValueAtPercentile(50) / 1000.0, o.latencyUs().getValueAtPercentile(99) / 1000.0, o.allAnsweredS()));
        int fivexx = o.count5xx() + o.failures();
        String problems = (noOverbooking ? "" : "OVERBOOKED; ") + fivexx + "× 5xx/failures";
        results.summary("3 Contention", race + ", via " + via, answers + "; DB: " + database + "; all answered in "
                + Results.f2(o.allAnsweredS()) + " s", "no overbooking, no 5xx",
                GatewayOverhead.verdict(noOverbooking && fivexx == 0, problems));
    }
}
