package jp.telework.desk.infra.shared;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One-line messages on the build's console. Surefire sends a test JVM's output to report files
 * ({@code redirectTestOutputToFile}) and the keeper is detached, so lines meant for the person
 * running the build are written to the Maven process's own standard output
 * ({@code /proc/<pid>/fd/1}: a terminal, a pipe, or a file opened for appending). A file opened
 * without O_APPEND ({@code mvn ... > log}) is left alone, since Maven would overwrite the line;
 * the line then goes to this process's own output (the surefire report, the keeper's log).
 */
public final class BuildConsole {
    public static final String PREFIX = "[test-infra] ";
    private static final int O_APPEND = 02000;

    private BuildConsole() {
    }

    public static void line(BuildOwner owner, String text) {
        String line = PREFIX + text;
        byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        if (owner.pid() != ProcessHandle.current().pid()) {
            write(owner.pid(), bytes);
        }
        // this process's own output as well: the surefire report of the module, or the keeper's log
        System.out.println(line);
    }

    private static boolean write(long pid, byte[] bytes) {
        Path fd = Path.of("/proc", Long.toString(pid), "fd", "1");
        try {
            if (Files.isRegularFile(fd) && !appending(pid)) {
                return false;
            }
            try (OutputStream out = new FileOutputStream(fd.toFile(), true)) {
                out.write(bytes); // one write: lines of a pipe stay whole
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean appending(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "fdinfo", "1"))) {
            if (l.startsWith("flags:")) {
                return (Integer.parseInt(l.substring(6).trim(), 8) & O_APPEND) != 0;
            }
        }
        return false;
    }
}
