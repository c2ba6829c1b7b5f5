package jp.telework.desk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario 1: the same free-slot read directly at consultation-service, through the gateway and
 * through nginx as a plain reverse proxy, same wrk settings, rounds interleaved so drift on the
 * machine hits all three alike. Then an unmeasured round through the gateway under JFR.
 */
final class GatewayOverhead {
    static final String PATH = "/api/v1/slots?prefecture=13";

    void run(BenchStack stack, Options opt, Results results, Profiler profiler) {
        Log.section("scenario 1: gateway overhead (free slots: direct vs gateway vs nginx)");
        String service = stack.url("consultation-service");
        int nginxPort = stack.config.port("TELEWORK_GATEWAY_PORT") + 10;
        try (Nginx nginx = Nginx.start(stack.work, nginxPort, service.replace("http://", ""))) {
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("direct", service);
            targets.put("gateway", stack.gateway());
            targets.put("nginx", nginx.url());
            for (Map.Entry<String, String> t : targets.entrySet()) { // sanity: same answer everywhere
                Http.Response r = Http.get(t.getValue() + PATH, null);
                if (r.status() != 200 || !r.body().contains("\"items\"")) {
                    throw new BenchException(t.getKey() + " did not serve free slots: " + r.status());
                }
            }
            Wrk wrk = new Wrk(stack.work);
            for (Map.Entry<String, String> t : targets.entrySet()) {
                if (t.getKey().equals("gateway")) {
                    stack.awaitGatewayPasses(PATH);
                }
                wrk.run("s1-warmup-" + t.getKey(), "get.lua", t.getValue() + PATH, 2, opt.connections, opt.s1Warmup, Map.of(), List.of());
            }
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("gateway", stack.servicePid("gateway"));
            pids.put("consultation-service", stack.servicePid("consultation-service"));
            pids.put("nginx", nginx.pid());
            pids.put("postgres", stack.postgresPid());
            Map<String, List<Wrk.Run>> runs = new LinkedHashMap<>();
            Map<String, ObjectNode> cpu = new LinkedHashMap<>();
            for (int round = 1; round <= opt.s1Rounds; round++) {
                for (Map.Entry<String, String> t : targets.entrySet()) {
                    if (t.getKey().equals("gateway")) {
                        stack.awaitGatewayPasses(PATH);
                    }
                    CpuMeter meter = new CpuMeter(pids).start();
                    Wrk.Run r = wrk.run("s1-" + t.getKey() + "-r" + round, "get.lua", t.getValue() + PATH, 2, opt.connections,
                            opt.s1Duration, Map.of(), List.of());
                    r.json().set("cpuMsPerRequest", meter.stop(r.json().get("requests").asLong()));
                    runs.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(r);
                    cpu.put(t.getKey(), (ObjectNode) r.json().get("cpuMsPerRequest"));
                }
            }
            // one connection, one request at a time: what each hop adds when nothing waits for a core
            Map<String, List<Wrk.Run>> single = new LinkedHashMap<>();
            for (int round = 1; round <= opt.s1Rounds; round++) {
                for (Map.Entry<String, String> t : targets.entrySet()) {
                    if (t.getKey().equals("gateway")) {
                        stack.awaitGatewayPasses(PATH);
                    }
                    single.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(wrk.run("s1-single-" + t.getKey() + "-r" + round,
                            "get.lua", t.getValue() + PATH, 1, 1, opt.s1SingleDuration, Map.of(), List.of()));
                }
            }
            // profile: one more (unmeasured) round through the gateway with JFR on the gateway
            long gw = stack.servicePid("gateway");
            stack.awaitGatewayPasses(PATH);
            profiler.start(gw, "s1-gateway");
            wrk.run("s1-profile-gateway", "get.lua", stack.gateway() + PATH, 2, opt.connections, opt.profileDuration, Map.of(), List.of());
            String profile = profiler.stop(gw, "s1-gateway").getFileName().toString();

            ObjectNode s = results.section("gatewayOverhead");
            s.put("path", PATH);
            s.put("connections", opt.connections);
            s.put("wrkThreads", 2);
            s.put("durationPerRunS", opt.s1Duration.toSeconds());
            s.put("rounds", opt.s1Rounds);
            s.put("profile", "profiles/" + profile);
            ObjectNode agg = s.putObject("aggregate");
            ArrayNode all = s.putArray("runs");
            runs.values().forEach(l -> l.forEach(r -> all.add(r.json())));
            Map<String, double[]> m = new LinkedHashMap<>();
            for (Map.Entry<String, List<Wrk.Run>> e : runs.entrySet()) {
                double rps = e.getValue().stream().mapToDouble(Wrk.Run::rps).average().orElse(0);
                double p50 = median(e.getValue().stream().mapToDouble(Wrk.Run::p50Ms).toArray());
                double p99 = median(e.getValue().stream().mapToDouble(Wrk.Run::p99Ms).toArray());
                long errors = e.getValue().stream().mapToLong(Wrk.Run::errors).sum();
                m.put(e.getKey(), new double[] {rps, p50, p99, errors});
                agg.putObject(e.getKey()).put("rps", Results.round(rps, 1)).put("p50Ms", Results.round(p50, 3))
                        .put("p99Ms", Results.round(p99, 3)).put("errors", errors);
            }
            double ratio = m.get("gateway")[0] / m.get("nginx")[0];
            double addedP50 = m.get("gateway")[1] - m.get("direct")[1];
            double nginxAddedP50 = m.get("nginx")[1] - m.get("direct")[1];
            Map<String, Double> singleP50 = new LinkedHashMap<>();
            ObjectNode singleAgg = s.putObject("singleConnection");
            for (Map.Entry<String, List<Wrk.Run>> e : single.entrySet()) {
                double p50 = median(e.getValue().stream().mapToDouble(Wrk.Run::p50Ms).toArray());
                singleP50.put(e.getKey(), p50);
                singleAgg.putObject(e.getKey()).put("rps", Results.round(e.getValue().stream().mapToDouble(Wrk.Run::rps).average().orElse(0), 1))
                        .put("p50Ms", Results.round(p50, 3))
                        .put("p99Ms", Results.round(median(e.getValue().stream().mapToDouble(Wrk.Run::p99Ms).toArray()), 3));
                e.getValue().forEach(r -> all.add(r.json()));
            }
            double singleAdded = singleP50.get("gateway") - singleP50.get("direct");
            double singleNginxAdded = singleP50.get("nginx") - singleP50.get("direct");
            agg.put("gatewayThroughputVsNginx", Results.round(ratio, 3));
            agg.put("gatewayAddedP50Ms", Results.round(addedP50, 3));
            agg.put("nginxAddedP50Ms", Results.round(nginxAddedP50, 3));

            results.summary("1 Gateway overhead", "throughput direct / gateway / nginx (req/s, " + opt.connections + " conns)",
                    Results.f1(m.get("direct")[0]) + " / " + Results.f1(m.get("gateway")[0]) + " / " + Results.f1(m.get("nginx")[0]),
                    "", "");
            results.summary("1 Gateway overhead", "gateway throughput vs nginx", String.format("%.0f %%", ratio * 100), "≥ 80 %",
                    verdict(ratio >= 0.8, String.format("%.0f points short", (0.8 - ratio) * 100)));
            results.summary("1 Gateway overhead", "p50 direct / gateway / nginx (ms)",
                    Results.f2(m.get("direct")[1]) + " / " + Results.f2(m.get("gateway")[1]) + " / " + Results.f2(m.get("nginx")[1]), "", "");
            results.summary("1 Gateway overhead", "p99 direct / gateway / nginx (ms)",
                    Results.f2(m.get("direct")[2]) + " / " + Results.f2(m.get("gateway")[2]) + " / " + Results.f2(m.get("nginx")[2]), "", "");
            results.summary("1 Gateway overhead", "p50 added by the gateway", Results.f2(addedP50) + " ms (nginx: "
                    + Results.f2(nginxAddedP50) + " ms)", "≤ 1 ms", verdict(addedP50 <= 1.0, String.format("%.2f ms over", addedP50 - 1.0)));
            results.summary("1 Gateway overhead", "p50 direct / gateway / nginx at 1 connection (ms; nothing queues)",
                    Results.f2(singleP50.get("direct")) + " / " + Results.f2(singleP50.get("gateway")) + " / " + Results.f2(singleP50.get("nginx")),
                    "", "");
            results.summary("1 Gateway overhead", "p50 added by the gateway at 1 connection", Results.f2(singleAdded) + " ms (nginx: "
                    + Results.f2(singleNginxAdded) + " ms)", "≤ 1 ms", verdict(singleAdded <= 1.0, String.format("%.2f ms over", singleAdded - 1.0)));
            StringBuilder d = new StringBuilder("### 1. Gateway overhead\n\n`GET " + PATH + "` (anonymous, first page of Tokyo's free slots), wrk "
                    + "2 threads × " + opt.connections + " connections, " + opt.s1Rounds + " interleaved rounds of " + opt.s1Duration.toSeconds()
                    + " s per target after a warm-up; throughput is the mean of the rounds, percentiles their median. "
                    + "CPU milliseconds per request by process (last round) show where the 2 cores went:\n\n"
                    + "| target | req/s | p50 ms | p99 ms | errors | CPU ms/req: gateway | consultation | nginx | postgres | wrk | other | machine busy |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Map.Entry<String, double[]> e : m.entrySet()) {
                ObjectNode c = cpu.get(e.getKey());
                d.append(String.format("| %s | %.1f | %.2f | %.2f | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f %% |%n", e.getKey(),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2], (long) e.getValue()[3], c.get("gateway").asDouble(),
                        c.get("consultation-service").asDouble(), c.get("nginx").asDouble(), c.get("postgres").asDouble(),
                        c.get(CpuMeter.LOAD_GENERATOR).asDouble(), c.get(CpuMeter.OTHER).asDouble(), c.get("machineBusyPercent").asDouble()));
            }
            d.append("\nThe same request at 1 connection (wrk 1 thread, " + opt.s1SingleDuration.toSeconds() + " s per target and round, "
                    + "interleaved): what each hop adds when no request waits for a core.\n\n| target | req/s | p50 ms | p99 ms |\n|---|---|---|---|\n");
            for (String target : single.keySet()) {
                ObjectNode one = (ObjectNode) singleAgg.get(target);
                d.append(String.format("| %s | %.1f | %.2f | %.2f |%n", target, one.get("rps").asDouble(), one.get("p50Ms").asDouble(),
                        one.get("p99Ms").asDouble()));
            }
            d.append("\nJFR hot methods of the gateway under this load: [`profiles/").append(profile).append("`](profiles/")
                    .append(profile).append(").\n");
            results.detail(d.toString());
        }
    }

    static String verdict(boolean met, String shortBy) {
        return met ? "met" : "**not met** (" + shortBy + ")";
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length == 0 ? 0 : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
