package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario 2: bookings through the gateway with real tokens of 50 organizations over thousands of
 * slots (wrk), against pgbench running the same SQL transaction on the same PostgreSQL, same
 * number of concurrent clients, rounds interleaved, the system settled in between (outboxes
 * drained, consumers idle). Then an unmeasured round with JFR on consultation-service and the gateway.
 */
final class BookingWritePath {

    /** Runs wrk's booking script against base + /api/v1/consultations. */
    static Wrk.Run book(Wrk wrk, BenchStack stack, String label, String base, List<String> slots, List<String> tokens,
            int connections, Duration duration) {
        try {
            Path slotFile = stack.work.resolve("slots-" + label + ".txt");
            Path tokenFile = stack.work.resolve("tokens.txt");
            Files.write(slotFile, slots);
            Files.write(tokenFile, tokens);
            int threads = 2;
            Map<String, String> env = Map.of("BENCH_SLOTS", slotFile.toString(), "BENCH_TOKENS", tokenFile.toString(),
                    "BENCH_THREADS", Integer.toString(threads), "BENCH_MAX_PER_THREAD", "200000");
            return wrk.run(label, "book.lua", base + "/api/v1/consultations", threads, connections, duration, env, List.of());
        } catch (IOException e) {
            throw new BenchException(e.getMessage(), e);
        }
    }

    static double bookingsPerSecond(Wrk.Run r) {
        return r.json().get("status201").asDouble() / (r.json().get("durationUs").asDouble() / 1e6);
    }

    /** A rotation of the HTTP slot pool, so successive runs start on different slots. */
    static List<String> rotate(List<String> slots, int by) {
        List<String> l = new ArrayList<>(slots.subList(by % slots.size(), slots.size()));
        l.addAll(slots.subList(0, by % slots.size()));
        return l;
    }

    void run(BenchStack stack, Accounts accounts, Setup setup, Options opt, Results results, Profiler profiler) {
        Log.section("scenario 2: booking write path (gateway + real tokens vs pgbench, same SQL transaction)");
        Wrk wrk = new Wrk(stack.work);
        Pgbench pgbench = new Pgbench(stack.work);
        stack.awaitGatewayPasses(GatewayOverhead.PATH);
        book(wrk, stack, "s2-warmup-http", stack.gateway(), rotate(setup.httpSlots, 101), accounts.smeTokens(), opt.connections, opt.s2Warmup);
        pgbench.run("s2-warmup-pgbench", stack.postgresPort(), "consultations", opt.connections, opt.s2Warmup, setup.pgbenchSlots);
        stack.settle(Duration.ofSeconds(60));

        Map<String, Long> pids = new LinkedHashMap<>();
        for (String s : BenchStack.SERVICES) {
            pids.put(s, stack.servicePid(s));
        }
        pids.put("postgres", stack.postgresPid());
        pids.put("kafka", stack.kafkaPid());
        List<Wrk.Run> http = new ArrayList<>();
        List<Pgbench.Run> pg = new ArrayList<>();
        ObjectNode cpuHttp = null;
        ObjectNode cpuPg = null;
        for (int round = 1; round <= opt.s2Rounds; round++) {
            stack.awaitGatewayPasses(GatewayOverhead.PATH);
            CpuMeter meter = new CpuMeter(pids).start();
            Wrk.Run r = book(wrk, stack, "s2-http-r" + round, stack.gateway(), rotate(setup.httpSlots, 1000 * round),
                    accounts.smeTokens(), opt.connections, opt.s2Duration);
            cpuHttp = meter.stop(r.json().get("status201").asLong());
            r.json().set("cpuMsPerBooking", cpuHttp);
            http.add(r);
            stack.settle(Duration.ofSeconds(60));
            meter = new CpuMeter(pids).start();
            Pgbench.Run p = pgbench.run("s2-pgbench-r" + round, stack.postgresPort(), "consultations", opt.connections,
                    opt.s2Duration, setup.pgbenchSlots);
            cpuPg = meter.stop(p.json().get("transactions").asLong());
            p.json().set("cpuMsPerTransaction", cpuPg);
            pg.add(p);
            stack.settle(Duration.ofSeconds(30));
        }
        long consultation = stack.servicePid("consultation-service");
        long gw = stack.servicePid("gateway");
        stack.awaitGatewayPasses(GatewayOverhead.PATH);
        profiler.start(consultation, "s2-consultation-service");
        profiler.start(gw, "s2-gateway");
        book(wrk, stack, "s2-profile-http", stack.gateway(), rotate(setup.httpSlots, 7000), accounts.smeTokens(), opt.connections,
                opt.profileDuration);
        String profService = profiler.stop(consultation, "s2-consultation-service").getFileName().toString();
        String profGateway = profiler.stop(gw, "s2-gateway").getFileName().toString();
        stack.settle(Duration.ofSeconds(60));

        double bps = http.stream().mapToDouble(BookingWritePath::bookingsPerSecond).average().orElse(0);
        double httpP50 = GatewayOverhead.median(http.stream().mapToDouble(Wrk.Run::p50Ms).toArray());
        double httpP99 = GatewayOverhead.median(http.stream().mapToDouble(Wrk.Run::p99Ms).toArray());
        long non201 = http.stream().mapToLong(r -> r.json().get("requests").asLong() - r.json().get("status201").asLong()).sum();
        double tps = pg.stream().mapToDouble(Pgbench.Run::tps).average().orElse(0);
        double pgP50 = GatewayOverhead.median(pg.stream().mapToDouble(r -> r.json().get("p50Ms").asDouble()).toArray());
        double pgP99 = GatewayOverhead.median(pg.stream().mapToDouble(r -> r.json().get("p99Ms").asDouble()).toArray());
        double ratio = bps / tps;

        ObjectNode s = results.section("bookingWritePath");
        s.put("concurrentClients", opt.connections);
        s.put("organizations", Accounts.SME_USERS);
        s.put("httpSlots", setup.httpSlots.size());
        s.put("pgbenchSlots", setup.pgbenchSlots);
        s.put("durationPerRunS", opt.s2Duration.toSeconds());
        s.put("httpBookingsPerS", Results.round(bps, 1));
        s.put("httpP50Ms", Results.round(httpP50, 2));
        s.put("httpP99Ms", Results.round(httpP99, 2));
        s.put("httpNon201", non201);
        s.put("pgbenchTps", Results.round(tps, 1));
        s.put("pgbenchP50Ms", Results.round(pgP50, 2));
        s.put("pgbenchP99Ms", Results.round(pgP99, 2));
        s.put("ratio", Results.round(ratio, 3));
        s.put("profiles", "profiles/" + profService + ", profiles/" + profGateway);
        ArrayNode runs = s.putArray("runs");
        http.forEach(r -> runs.add(r.json()));
        pg.forEach(r -> runs.add(r.json()));

        results.summary("2 Booking write path", "bookings/s through the gateway vs pgbench tx/s (" + opt.connections + " clients)",
                Results.f1(bps) + " vs " + Results.f1(tps) + " (" + String.format("%.0f %%", ratio * 100) + ")", "≥ 50 % of pgbench",
                GatewayOverhead.verdict(ratio >= 0.5, String.format("%.0f points short", (0.5 - ratio) * 100)));
        results.summary("2 Booking write path", "p50 / p99 gateway booking vs pgbench tx (ms)",
                Results.f2(httpP50) + " / " + Results.f2(httpP99) + " vs " + Results.f2(pgP50) + " / " + Results.f2(pgP99), "", "");
        StringBuilder d = new StringBuilder("### 2. Booking write path\n\n`POST /api/v1/consultations` through the gateway, wrk 2 threads × "
                + opt.connections + " connections, each request another slot (" + setup.httpSlots.size() + " slots of capacity "
                + Setup.SLOT_CAPACITY + ") and another of " + Accounts.SME_USERS + " organizations' real Keycloak tokens; pgbench -M prepared -c "
                + opt.connections + " runs the same SQL transaction on " + setup.pgbenchSlots + " other slots of the same tables "
                + "(see README). " + opt.s2Rounds + " interleaved rounds of " + opt.s2Duration.toSeconds() + " s, settled in between. "
                + "Non-201 answers over all HTTP rounds: " + non201 + ".\n\n"
                + "| run | per s | p50 ms | p99 ms | CPU ms per booking: gateway | consultation | contact-point | postgres | kafka | wrk/pgbench | other | machine busy |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Wrk.Run r : http) {
            ObjectNode c = (ObjectNode) r.json().get("cpuMsPerBooking");
            d.append(String.format("| %s | %.1f | %.2f | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f %% |%n", r.label(),
                    bookingsPerSecond(r), r.p50Ms(), r.p99Ms(), c.get("gateway").asDouble(), c.get("consultation-service").asDouble(),
                    c.get("contact-point-service").asDouble(), c.get("postgres").asDouble(), c.get("kafka").asDouble(),
                    c.get(CpuMeter.LOAD_GENERATOR).asDouble(), c.get(CpuMeter.OTHER).asDouble(), c.get("machineBusyPercent").asDouble()));
        }
        for (Pgbench.Run r : pg) {
            ObjectNode c = (ObjectNode) r.json().get("cpuMsPerTransaction");
            d.append(String.format("| %s | %.1f | %.2f | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f %% |%n", r.label(),
                    r.tps(), r.json().get("p50Ms").asDouble(), r.json().get("p99Ms").asDouble(), c.get("gateway").asDouble(),
                    c.get("consultation-service").asDouble(), c.get("contact-point-service").asDouble(), c.get("postgres").asDouble(),
                    c.get("kafka").asDouble(), c.get(CpuMeter.LOAD_GENERATOR).asDouble(), c.get(CpuMeter.OTHER).asDouble(), c.get("machineBusyPercent").asDouble()));
        }
        d.append("\nJFR hot methods during a booking round: [`profiles/").append(profService).append("`](profiles/").append(profService)
                .append("), [`profiles/").append(profGateway).append("`](profiles/").append(profGateway).append(").\n");
        results.detail(d.toString());
    }
}
