package jp.telework.desk.deploy.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads from its configuration, derived from its sources: the module's
 * application.properties and the META-INF/microprofile-config.properties of the shared libraries it uses:
 * common-web's (gateway and services) and common-data's (the services, children of service-parent). Profile-specific keys ({@code %test.})
 * are ignored: production runs the default profile.
 *
 * <p>The rules, applied to every container definition (docker-compose.yml, every Deployment):
 * <ul>
 *   <li><b>required</b>: every property whose built-in default points at a loopback address (127.0.0.1,
 *   localhost) is only good for local runs, so a container must set it; every {@code ${VAR}} without a
 *   default; and the datasource credentials of a service with a database.</li>
 *   <li><b>known</b>: an environment variable a container sets must be the MicroProfile Config name of a
 *   property the service defines (e.g. {@code telework.upstreams.contact-points} ->
 *   {@code TELEWORK_UPSTREAMS_CONTACT_POINTS}) or its README documents (settings with defaults in code,
 *   such as {@code @ConfigMapping} interfaces), a {@code ${VAR}} it references, or one of the few
 *   variables the base image's launcher reads ({@link #IMAGE_VARIABLES}).</li>
 * </ul>
 */
public final class ServiceConfig {

    /** Read by run-java.sh of the ubi9/openjdk-21-runtime image, not by Quarkus. */
    public static final Set<String> IMAGE_VARIABLES = Set.of(
            "JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "JAVA_APP_JAR", "JAVA_DEBUG");

    private static final Pattern LOOPBACK = Pattern.compile("(?i)(127\\.0\\.0\\.1|localhost|\\[::1\\])");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)(:[^}]*)?}");

    private static final Pattern DOCUMENTED_PROPERTY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)`");
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");

    private final String module;
    private final Map<String, String> properties;
    private final Set<String> documented;

    private ServiceConfig(String module, Map<String, String> properties, Set<String> documented) {
        this.module = module;
        this.properties = properties;
        this.documented = documented;
    }

    public static ServiceConfig of(String module) {
        Map<String, String> props = new LinkedHashMap<>();
        boolean service = "service-parent".equals(Repo.parentArtifactId(module));
        if (service || Repo.read(module + "/pom.xml").contains("<artifactId>common-web</artifactId>")) {
            props.putAll(load(Repo.read("common-web/src/main/resources/META-INF/microprofile-config.properties")));
        }
        if (service) {
            props.putAll(load(Repo.read("common-data/src/main/resources/META-INF/microprofile-config.properties")));
        }
        props.putAll(load(Repo.read(module + "/src/main/resources/application.properties")));
        Set<String> documented = new TreeSet<>();
        java.nio.file.Path readme = Repo.path(module + "/README.md");
        if (java.nio.file.Files.isRegularFile(readme)) {
            String text = Repo.read(readme);
            Matcher property = DOCUMENTED_PROPERTY.matcher(text);
            while (property.find()) {
                documented.add(envName(property.group(1)));
            }
            Matcher variable = DOCUMENTED_VARIABLE.matcher(text);
            while (variable.find()) {
                documented.add(variable.group(1));
            }
        }
        return new ServiceConfig(module, props, documented);
    }

    public String module() {
        return module;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public boolean hasDatabase() {
        return properties.containsKey("quarkus.datasource.jdbc.url");
    }

    public boolean usesKafka() {
        return properties.containsKey("kafka.bootstrap.servers");
    }

    /** The database name of the local default JDBC URL (jdbc:postgresql://127.0.0.1:5432/contact_points). */
    public String databaseName() {
        String url = properties.get("quarkus.datasource.jdbc.url");
        return url == null ? null : databaseOf(url);
    }

    public static String databaseOf(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Environment variables a container of this service must set, with the reason. */
    public Map<String, String> requiredVariables() {
        Map<String, String> required = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (LOOPBACK.matcher(value).find()) {
                required.put(envName(key), key + "=" + value + " is a local default");
            }
            Matcher ref = REFERENCE.matcher(value);
            while (ref.find()) {
                if (ref.group(2) == null) {
                    required.put(ref.group(1), key + " references ${" + ref.group(1) + "} without a default");
                }
            }
        });
        if (hasDatabase()) {
            required.put(envName("quarkus.datasource.username"), "the service's own database role");
            required.put(envName("quarkus.datasource.password"), "the service's own database role");
        }
        return required;
    }

    /** Every environment variable this service reads (see the class comment). */
    public Set<String> knownVariables() {
        Set<String> known = new TreeSet<>(IMAGE_VARIABLES);
        known.addAll(documented);
        properties.forEach((key, value) -> {
            known.add(envName(key));
            Matcher ref = REFERENCE.matcher(value);
            while (ref.find()) {
                known.add(ref.group(1));
            }
        });
        return known;
    }

    /** MicroProfile Config's environment variable name of a property. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> load(String text) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                out.put(key, p.getProperty(key));
            }
        }
        return out;
    }

    public static boolean pointsAtLoopback(String value) {
        return LOOPBACK.matcher(value).find();
    }

    @Override
    public String toString() {
        return module;
    }
}
