package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion with a hard time limit; its output goes to a log file. */
final class Cmd {
    record Result(int exitCode, String output) {
    }

    private Cmd() {
    }

    static Result run(List<String> command, Map<String, String> env, Path log, Duration limit) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new BenchException(command.get(0) + " did not finish within " + limit.toSeconds() + " s; see " + log);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while running " + command.get(0));
        }
    }

    static String runOk(List<String> command, Map<String, String> env, Path log, Duration limit) {
        Result r = run(command, env, log, limit);
        if (r.exitCode() != 0) {
            throw new BenchException(command.get(0) + " failed with exit code " + r.exitCode() + "; see " + log + "\n"
                    + tail(r.output(), 15));
        }
        return r.output();
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            b.append(all[i]).append('\n');
        }
        return b.toString();
    }

    /** The absolute path of a program on the PATH (or in /usr/sbin, where Debian puts nginx), or null. */
    static Path which(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
