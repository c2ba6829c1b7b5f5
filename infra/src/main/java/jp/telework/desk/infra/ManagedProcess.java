package jp.telework.desk.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * A child process with its output in a log file. Every process started here is stopped when the
 * JVM that started it exits (normally, on Ctrl-C or on a failure), children included, so no
 * orphan server is ever left behind.
 */
public final class ManagedProcess {

    private static final Deque<ManagedProcess> RUNNING = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ManagedProcess::stopAll, "infra-shutdown"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final String stopSignal;

    private ManagedProcess(String name, Process process, Path log, String stopSignal) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopSignal = stopSignal;
    }

    /**
     * @param stopSignal the signal that asks this program for a quick clean shutdown (PostgreSQL wants
     *                   INT for a "fast" shutdown; TERM would wait for every client to disconnect)
     */
    public static ManagedProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            Path log, String stopSignal) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            ManagedProcess managed = new ManagedProcess(name, builder.start(), log, stopSignal);
            RUNNING.push(managed);
            return managed;
        } catch (IOException e) {
            throw new InfraException("cannot start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /** Runs a short command to completion and fails with its output if it does not succeed. */
    public static void run(String name, List<String> command, Path workDir, Map<String, String> env, Path log,
            Duration timeout) {
        ManagedProcess p = start(name, command, workDir, env, log, "TERM");
        try {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.stop(Duration.ofSeconds(5));
                throw new InfraException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
            }
            if (p.process.exitValue() != 0) {
                throw new InfraException(name + " failed with exit code " + p.process.exitValue() + "; see " + log
                        + "\n" + p.tail(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException(name + " interrupted");
        } finally {
            RUNNING.remove(p);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Asks for a clean shutdown, then kills whatever is left of the process tree after the grace period. */
    public void stop(Duration grace) {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        signal(process.pid(), stopSignal);
        for (ProcessHandle child : tree) {
            child.destroy();
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /** Simulates a crash: no clean shutdown at all. */
    public void kill() {
        RUNNING.remove(this);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public static void stopAll() {
        ManagedProcess p;
        while ((p = RUNNING.poll()) != null) {
            p.stop(Duration.ofSeconds(20));
        }
    }

    private static void signal(long pid, String signal) {
        if ("TERM".equals(signal)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
