package jp.telework.desk.infra.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The process whose lifetime bounds the shared test servers: the Maven JVM among this JVM's
 * ancestors (a whole {@code ./mvnw verify} or a {@code -pl module} run), or this JVM itself when no
 * Maven is found (a test started from an IDE). Identified by PID and start time, so a reused PID
 * is never mistaken for the build.
 */
public record BuildOwner(long pid, long startMillis, boolean maven, boolean parallelBuild) {
    static final String MAVEN_MAIN = "org.codehaus.plexus.classworlds.launcher.Launcher";

    public static BuildOwner find() {
        Optional<ProcessHandle> p = ProcessHandle.current().parent();
        while (p.isPresent()) {
            ProcessHandle h = p.get();
            Optional<String> commandLine = h.info().commandLine();
            if (commandLine.isPresent() && commandLine.get().contains(MAVEN_MAIN)) {
                return new BuildOwner(h.pid(), startMillis(h), true, parallel(h.info().arguments().orElse(new String[0])));
            }
            p = h.parent();
        }
        ProcessHandle self = ProcessHandle.current();
        return new BuildOwner(self.pid(), startMillis(self), false, false);
    }

    /** The owner as recorded in a state file or on the keeper's command line. */
    public static BuildOwner of(long pid, long startMillis) {
        return new BuildOwner(pid, startMillis, true, false);
    }

    public static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Alive, not a zombie, and still the same process (same start time, give or take a clock tick). */
    public boolean alive() {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        if (zombie(pid)) {
            return false;
        }
        long start = startMillis(h.get());
        return startMillis == 0 || start == 0 || Math.abs(start - startMillis) < 2000;
    }

    /** Waits until the process is gone; a zombie (ended, not reaped) counts as gone, unlike for {@code ProcessHandle.onExit}. */
    public static boolean awaitGone(long pid, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true) || zombie(pid)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** A process that ended but was not reaped (its parent is gone and PID 1 does not reap) counts as gone. */
    static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code -T 2}, {@code -T2}, {@code --threads=2}: modules run side by side, which shared servers do not support. */
    static boolean parallel(String[] args) {
        for (String a : List.of(args)) {
            if (a.equals("-T") || a.equals("--threads") || a.startsWith("--threads=")
                    || (a.startsWith("-T") && a.length() > 2 && Character.isDigit(a.charAt(2)))) {
                return true;
            }
        }
        return false;
    }
}
