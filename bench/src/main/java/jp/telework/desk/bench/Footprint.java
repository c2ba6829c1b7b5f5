package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario 5a: start time and resident memory of each service. Start: from process start to
 * readiness (/q/health/ready = 200) — once as the stack starts all four side by side, once alone
 * (restarted one by one at the end, nothing else running) — and what Quarkus itself reports.
 * Memory: RSS idle after start, RSS after all scenarios, and the peak (VmHWM).
 */
final class Footprint {
    private final Map<String, Long> idleRssKib = new LinkedHashMap<>();

    void recordIdle(BenchStack stack) {
        for (String s : BenchStack.SERVICES) {
            idleRssKib.put(s, Proc.rssKib(stack.servicePid(s)));
        }
        Log.info("  idle RSS after start (MiB): " + mib(idleRssKib));
    }

    void finish(BenchStack stack, Results results) {
        Log.section("scenario 5a: footprint (RSS after the load, start time of each service alone)");
        ObjectNode s = results.section("footprint");
        Map<String, long[]> memory = new LinkedHashMap<>();
        for (String name : BenchStack.SERVICES) {
            long pid = stack.servicePid(name);
            memory.put(name, new long[] {idleRssKib.getOrDefault(name, -1L), Proc.rssKib(pid), Proc.peakRssKib(pid)});
        }
        ObjectNode infra = s.putObject("infrastructureRssMib");
        infra.put("postgres (all processes)", Proc.treeRssKib(stack.postgresPid()) / 1024);
        infra.put("kafka", Proc.treeRssKib(stack.kafkaPid()) / 1024);
        infra.put("keycloak", Proc.treeRssKib(stack.keycloakPid()) / 1024);
        Map<String, double[]> start = new LinkedHashMap<>();
        for (String name : BenchStack.SERVICES) {
            double alone = stack.restartAlone(name);
            double quarkus = quarkusStartedIn(stack, name);
            start.put(name, new double[] {stack.parallelStartSeconds.getOrDefault(name, -1.0), alone, quarkus});
            Log.info(String.format("  %-22s ready after %.1f s alone (Quarkus: started in %.2f s); %.1f s with the others", name, alone,
                    quarkus, stack.parallelStartSeconds.getOrDefault(name, -1.0)));
        }
        StringBuilder d = new StringBuilder("\nFootprint (JVM options as the local stack starts them: `-Xms64m -Xmx384m -XX:+UseSerialGC`, JDK "
                + Runtime.version().feature() + "):\n\n"
                + "| service | ready, all 4 starting together (s) | ready, alone (s) | Quarkus \"started in\" (s) | RSS idle (MiB) | RSS after the run (MiB) | peak RSS (MiB) |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String name : BenchStack.SERVICES) {
            double[] t = start.get(name);
            long[] m = memory.get(name);
            s.putObject(name).put("readyWithOthersS", Results.round(t[0], 2)).put("readyAloneS", Results.round(t[1], 2))
                    .put("quarkusStartedInS", t[2]).put("rssIdleMib", m[0] / 1024).put("rssAfterRunMib", m[1] / 1024)
                    .put("peakRssMib", m[2] / 1024);
            d.append(String.format("| %s | %.1f | %.1f | %.2f | %d | %d | %d |%n", name, t[0], t[1], t[2], m[0] / 1024, m[1] / 1024,
                    m[2] / 1024));
            results.summary("5 Footprint", name + ": start alone / RSS idle / peak RSS", String.format("%.1f s / %d MiB / %d MiB", t[1],
                    m[0] / 1024, m[2] / 1024), "", "");
        }
        d.append("\nInfrastructure after the run (RSS, MiB): ").append(infra.toString().replaceAll("[{}\"]", "").replace(":", " ")
                .replace(",", ", ")).append(".\n");
        results.detail(d.toString());
    }

    private static double quarkusStartedIn(BenchStack stack, String name) {
        try {
            Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(stack.serviceLog(name)));
            double last = -1;
            while (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
            return last;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String mib(Map<String, Long> kib) {
        StringBuilder b = new StringBuilder();
        kib.forEach((k, v) -> b.append(k).append('=').append(v / 1024).append(' '));
        return b.toString().trim();
    }
}
