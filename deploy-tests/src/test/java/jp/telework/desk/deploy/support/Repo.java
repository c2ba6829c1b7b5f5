package jp.telework.desk.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository this module validates (the parent of deploy-tests/), and what its build produces. */
public final class Repo {

    /** The four deployable modules: each has src/main/docker/Dockerfile.jvm, a compose service and a Deployment. */
    public static final List<String> SERVICES = List.of(
            "contact-point-service", "consultation-service", "seminar-service", "gateway");

    private Repo() {
    }

    public static Path root() {
        String configured = System.getProperty("telework.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static String read(String relative) {
        return read(path(relative));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version every module of the build has (and every image is tagged with). */
    public static String projectVersion() {
        String configured = System.getProperty("telework.project.version");
        if (configured != null) {
            return configured;
        }
        Matcher m = Pattern.compile("<artifactId>telework-desk-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        if (!m.find()) {
            throw new IllegalStateException("no version in pom.xml");
        }
        return m.group(1);
    }

    /** The repository part of every image name: {@code <group>/<artifactId>}. */
    public static String imageGroup() {
        return System.getProperty("telework.image.group", "telework-desk");
    }

    /** The artifactId a module's pom.xml declares (its own, not its parent's). */
    public static String artifactId(String module) {
        String pom = read(module + "/pom.xml");
        String withoutParent = pom.replaceFirst("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(withoutParent);
        if (!m.find()) {
            throw new IllegalStateException("no artifactId in " + module + "/pom.xml");
        }
        return m.group(1);
    }

    /** The artifactId of a module's parent pom. */
    public static String parentArtifactId(String module) {
        Matcher m = Pattern.compile("(?s)<parent>.*?<artifactId>([^<]+)</artifactId>.*?</parent>")
                .matcher(read(module + "/pom.xml"));
        return m.find() ? m.group(1) : null;
    }

    /** The image the build tags for a module: {@code telework-desk/<artifactId>:<version>}. */
    public static String image(String module) {
        return imageGroup() + "/" + artifactId(module) + ":" + projectVersion();
    }
}
