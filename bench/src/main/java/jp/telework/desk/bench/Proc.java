package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What Linux says about processes and the machine (/proc): memory, CPU time, load. */
final class Proc {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private Proc() {
    }

    /** Resident set size in KiB (VmRSS), or -1. */
    static long rssKib(long pid) {
        return status(pid, "VmRSS:");
    }

    /** Peak resident set size in KiB (VmHWM), or -1. */
    static long peakRssKib(long pid) {
        return status(pid, "VmHWM:");
    }

    /** Resident set size of a process and all its descendants (PostgreSQL is one process per connection). */
    static long treeRssKib(long pid) {
        return tree(pid).mapToLong(Proc::rssKib).filter(v -> v > 0).sum();
    }

    /** CPU seconds (user + system) used so far by a process and its live descendants. */
    static double treeCpuSeconds(long pid) {
        return tree(pid).mapToDouble(Proc::cpuSeconds).sum();
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after "(comm)": state=0 ... utime=11 stime=12 cutime=13 cstime=14
            return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                    / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds of this JVM's children that have exited and been waited for (wrk, pgbench runs). */
    static double waitedChildrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU seconds the machine's own work used (user, nice, system, irq, softirq), the core-seconds
     * elapsed (wall clock × cores) and the seconds the hypervisor took away (steal), from /proc/stat.
     * Steal is not "busy": on this shared VM it was seen at over half of the time, and counting it
     * would make a quiet machine look loaded.
     */
    static double[] machineCpuSeconds() {
        double coreSeconds = System.nanoTime() / 1e9 * Runtime.getRuntime().availableProcessors();
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new double[] {busy / TICKS_PER_SECOND, coreSeconds, steal / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, coreSeconds, 0};
        }
    }

    /** The pid of a descendant of this JVM whose command line contains the marker. */
    static Optional<Long> descendantWith(String marker) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)
                        || p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long memTotalMib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Stream<Long> tree(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty()) {
            return Stream.empty();
        }
        return Stream.concat(Stream.of(pid), h.get().descendants().map(ProcessHandle::pid));
    }

    private static long status(long pid, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return lines.stream().filter(l -> l.startsWith(key)).map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
