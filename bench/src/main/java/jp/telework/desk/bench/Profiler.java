package jp.telework.desk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.telework.desk.infra.Java;

/**
 * JDK Flight Recorder attached to a running service with jcmd (no JVM option needed), summarized
 * with {@code jfr view hot-methods}. Used in separate, unmeasured profiling rounds so the recorder
 * never distorts the measured figures.
 */
final class Profiler {
    private final Path dir;

    Profiler(Path dir) {
        this.dir = dir;
    }

    void start(long pid, String name) {
        Cmd.run(List.of(tool("jcmd"), Long.toString(pid), "JFR.start", "name=" + name, "settings=profile"), Map.of(),
                dir.resolve(name + ".jcmd.txt"), Duration.ofSeconds(30));
    }

    /** Stops the recording and writes the hot methods next to it; returns the summary file. */
    Path stop(long pid, String name) {
        Path jfr = dir.resolve(name + ".jfr");
        Cmd.run(List.of(tool("jcmd"), Long.toString(pid), "JFR.stop", "name=" + name, "filename=" + jfr), Map.of(),
                dir.resolve(name + ".jcmd.txt"), Duration.ofSeconds(60));
        Path summary = dir.resolve(name + ".hot-methods.txt");
        if (Files.exists(jfr)) {
            Cmd.run(List.of(tool("jfr"), "view", "--width", "180", "hot-methods", jfr.toString()), Map.of(), summary,
                    Duration.ofSeconds(120));
        }
        return summary;
    }

    static String tool(String name) {
        return Java.home().resolve("bin").resolve(name).toString();
    }
}
