package jp.telework.desk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * wrk (Debian package) with a Lua script that prints one machine-readable line: requests,
 * duration, errors, latency percentiles (µs) and, for scripts that count them, status classes.
 * Every run is bounded by its duration (-d) and wrk's per-request timeout.
 */
final class Wrk {
    private final Path work;
    private int runs;

    Wrk(Path work) {
        this.work = work;
    }

    record Run(String label, ObjectNode json) {
        double rps() {
            return json.get("requests").asDouble() / (json.get("durationUs").asDouble() / 1e6);
        }

        double p50Ms() {
            return json.get("p50Us").asDouble() / 1000.0;
        }

        double p99Ms() {
            return json.get("p99Us").asDouble() / 1000.0;
        }

        long errors() {
            return json.get("connectErrors").asLong() + json.get("readErrors").asLong() + json.get("writeErrors").asLong()
                    + json.get("timeouts").asLong() + json.get("statusErrors").asLong();
        }
    }

    Run run(String label, String script, String url, int threads, int connections, Duration duration,
            Map<String, String> env, List<String> headers) {
        Path lua = script(script);
        List<String> command = new ArrayList<>(List.of(Cmd.which("wrk").toString(), "-t", Integer.toString(threads), "-c",
                Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s", "-s", lua.toString()));
        for (String h : headers) {
            command.add("-H");
            command.add(h);
        }
        command.add(url);
        Path log = work.resolve("wrk").resolve(String.format("%02d-%s.txt", ++runs, label.replaceAll("[^A-Za-z0-9._-]", "_")));
        String out = Cmd.runOk(command, env, log, duration.plusSeconds(30));
        String line = out.lines().filter(l -> l.startsWith("WRK_JSON ")).findFirst()
                .orElseThrow(() -> new BenchException("wrk printed no result; see " + log));
        try {
            JsonNode json = Http.JSON.readTree(line.substring("WRK_JSON ".length()));
            ObjectNode o = (ObjectNode) json;
            o.put("label", label);
            o.put("connections", connections);
            o.put("threads", threads);
            Run r = new Run(label, o);
            o.put("rps", Results.round(r.rps(), 1));
            o.put("p50Ms", Results.round(r.p50Ms(), 3));
            o.put("p99Ms", Results.round(r.p99Ms(), 3));
            Log.info(String.format("  %-28s %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d", label, r.rps(), r.p50Ms(),
                    r.p99Ms(), r.errors()));
            return r;
        } catch (IOException e) {
            throw new BenchException("unreadable wrk result: " + line, e);
        }
    }

    private Path script(String name) {
        if (!"report.lua".equals(name)) {
            script("report.lua");
        }
        Path target = work.resolve("lua").resolve(name);
        if (!Files.exists(target)) {
            try (InputStream in = Wrk.class.getResourceAsStream("/bench/" + name)) {
                if (in == null) {
                    throw new BenchException("missing resource /bench/" + name);
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new BenchException("cannot write " + target, e);
            }
        }
        return target;
    }
}
