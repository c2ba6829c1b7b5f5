package jp.telework.desk.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory helpers for the infrastructure's work folders. */
public final class Dirs {
    private Dirs() {
    }

    /** The folder under which tests keep servers and data: target/infra of the module under test. */
    public static Path testWorkDir(String name) {
        return Path.of(System.getProperty("telework.infra.work-dir", "target/infra")).toAbsolutePath().resolve(name);
    }

    /** Shared, read-only caches (unpacked server binaries) survive between builds here. */
    public static Path cacheDir() {
        String override = System.getenv("TELEWORK_CACHE_DIR");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".cache", "telework-desk");
    }

    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new InfraException("cannot delete " + p + ": " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new InfraException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InfraException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
