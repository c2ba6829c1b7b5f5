package jp.telework.desk.deploy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.telework.desk.deploy.support.Repo;

/**
 * The services' Dockerfiles: the standard Quarkus fast-jar layout (what {@code ./mvnw package} leaves in
 * target/quarkus-app) on a pinned, maintained JRE 21 image, running as a non-root user, configured by
 * environment variables; and the Maven profile that builds them with the names compose and k8s use.
 */
class DockerfileTest {

    static List<String> services() {
        return Repo.SERVICES;
    }

    /** One instruction per entry (continuation lines joined, comments dropped). */
    static List<String[]> instructions(String dockerfile) {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String instruction = current.toString().strip();
            current.setLength(0);
            if (!instruction.isEmpty()) {
                int space = instruction.indexOf(' ');
                out.add(new String[] {instruction.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                        instruction.substring(space + 1).strip()});
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("services")
    void theImageIsTheQuarkusFastJarOnAPinnedJre21RunningAsNonRoot(String service) {
        List<String[]> ins = instructions(Repo.read(service + "/src/main/docker/Dockerfile.jvm"));
        List<String> from = values(ins, "FROM");
        assertEquals(1, from.size(), "one stage: the jar is built by Maven, not in the image");
        assertTrue(from.get(0).matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-21-runtime:[0-9]+\\.[0-9]+"),
                "a pinned tag of Red Hat's maintained OpenJDK 21 runtime: " + from.get(0));

        List<String> copies = values(ins, "COPY");
        assertEquals(List.of(
                "target/quarkus-app/lib/ /deployments/lib/",
                "target/quarkus-app/*.jar /deployments/",
                "target/quarkus-app/app/ /deployments/app/",
                "target/quarkus-app/quarkus/ /deployments/quarkus/"), copies,
                "the four fast-jar layers, root-owned (not writable by the application)");
        assertTrue(values(ins, "ADD").isEmpty(), "no ADD (no remote downloads or archive magic)");
        assertTrue(values(ins, "RUN").isEmpty(), "nothing installed at build time: the base image is used as published");

        List<String> users = values(ins, "USER");
        assertEquals(List.of("185"), users, "the image's non-root user, numeric so runAsNonRoot can verify it");
        assertEquals(List.of("8080 9000"), values(ins, "EXPOSE"), "the API and the management interface");

        Map<String, String> env = env(ins);
        assertEquals("/deployments/quarkus-run.jar", env.get("JAVA_APP_JAR"), "the fast-jar launcher");
        assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"));
        assertEquals("8080", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("0.0.0.0", env.get("QUARKUS_MANAGEMENT_HOST"));
        assertEquals("9000", env.get("QUARKUS_MANAGEMENT_PORT"));
        assertEquals(List.of("[ \"/opt/jboss/container/java/run/run-java.sh\" ]"), values(ins, "ENTRYPOINT"));
        int userIndex = indexOf(ins, "USER");
        int lastCopy = lastIndexOf(ins, "COPY");
        assertTrue(userIndex > lastCopy, "USER after the COPYs");
    }

    @Test
    void theServicesBuildTheFastJarLayoutTheDockerfilesCopy() {
        for (String service : Repo.SERVICES) {
            String props = Repo.read(service + "/src/main/resources/application.properties");
            assertFalse(props.matches("(?ms).*^quarkus\\.package\\.jar\\.type\\s*=\\s*(uber-jar|legacy-jar).*"),
                    service + " changes the jar layout the Dockerfile expects");
            assertFalse(props.contains("quarkus.package.output-directory"), service);
            assertFalse(props.contains("quarkus.container-image.build=true"), service + ": no Docker in the build");
        }
    }

    @Test
    void theContainerImagesProfileTagsTheImagesComposeAndKubernetesUse() {
        String pom = Repo.read("deploy-tests/pom.xml");
        int profile = pom.indexOf("<id>container-images</id>");
        assertTrue(profile > 0);
        String section = pom.substring(profile);
        for (String service : Repo.SERVICES) {
            assertTrue(section.contains("<argument>${image.group}/" + service + ":${project.version}</argument>"), service);
            assertTrue(section.contains("<argument>${project.basedir}/../" + service
                    + "/src/main/docker/Dockerfile.jvm</argument>"), service);
            assertTrue(section.contains("<argument>${project.basedir}/../" + service + "</argument>"), service);
        }
        Matcher group = Pattern.compile("<image.group>([^<]+)</image.group>").matcher(pom);
        assertTrue(group.find());
        assertEquals(Repo.imageGroup(), group.group(1));
        String modules = Repo.read("pom.xml");
        int self = modules.indexOf("<module>deploy-tests</module>");
        for (String service : Repo.SERVICES) {
            assertTrue(modules.indexOf("<module>" + service + "</module>") < self,
                    service + " is packaged before the images are built");
        }
    }

    private static List<String> values(List<String[]> ins, String name) {
        return ins.stream().filter(i -> i[0].equals(name)).map(i -> i[1]).toList();
    }

    private static Map<String, String> env(List<String[]> ins) {
        Map<String, String> env = new LinkedHashMap<>();
        Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S+)");
        for (String value : values(ins, "ENV")) {
            Matcher m = pair.matcher(value);
            while (m.find()) {
                env.put(m.group(1), m.group(2).replaceAll("^[\"']|[\"']$", ""));
            }
        }
        return env;
    }

    private static int indexOf(List<String[]> ins, String name) {
        for (int i = 0; i < ins.size(); i++) {
            if (ins.get(i)[0].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<String[]> ins, String name) {
        int last = -1;
        for (int i = 0; i < ins.size(); i++) {
            if (ins.get(i)[0].equals(name)) {
                last = i;
            }
        }
        return last;
    }
}
