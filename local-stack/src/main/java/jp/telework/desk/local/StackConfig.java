package jp.telework.desk.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.telework.desk.infra.InfraException;

/**
 * Ports and folders of the local stack. Every port can be overridden by an environment variable
 * (or a -D system property of the same name), e.g. {@code TELEWORK_GATEWAY_PORT=18080}.
 */
public record StackConfig(Path repository, Path home, Map<String, Integer> ports) {

    /** Variable name -> default port, in start order. */
    public static final Map<String, Integer> DEFAULT_PORTS = defaults();

    private static Map<String, Integer> defaults() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("TELEWORK_POSTGRES_PORT", 15432);
        m.put("TELEWORK_KAFKA_PORT", 19092);
        m.put("TELEWORK_KAFKA_CONTROLLER_PORT", 19093);
        m.put("TELEWORK_KEYCLOAK_PORT", 8180);
        m.put("TELEWORK_KEYCLOAK_MANAGEMENT_PORT", 9180);
        m.put("TELEWORK_CONTACT_POINT_PORT", 8081);
        m.put("TELEWORK_CONSULTATION_PORT", 8082);
        m.put("TELEWORK_SEMINAR_PORT", 8083);
        m.put("TELEWORK_GATEWAY_PORT", 8080);
        m.put("TELEWORK_CONTACT_POINT_MANAGEMENT_PORT", 9081);
        m.put("TELEWORK_CONSULTATION_MANAGEMENT_PORT", 9082);
        m.put("TELEWORK_SEMINAR_MANAGEMENT_PORT", 9083);
        m.put("TELEWORK_GATEWAY_MANAGEMENT_PORT", 9080);
        return java.util.Collections.unmodifiableMap(m);
    }

    public static StackConfig from(Map<String, String> env, Path repository) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, port) -> ports.put(name, parsePort(name, lookup(env, name), port)));
        long distinct = ports.values().stream().distinct().count();
        if (distinct != ports.size()) {
            throw new InfraException("two parts of the stack were given the same port: " + ports);
        }
        String home = lookup(env, "TELEWORK_HOME");
        return new StackConfig(repository, home != null ? Path.of(home).toAbsolutePath() : repository.resolve(".local-stack"),
                java.util.Collections.unmodifiableMap(ports));
    }

    public int port(String name) {
        return ports.get(name);
    }

    private static String lookup(Map<String, String> env, String name) {
        String value = System.getProperty(name);
        return value != null ? value : env.get(name);
    }

    private static int parsePort(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InfraException(name + "=" + value + " is not a port number (1..65535)");
        }
    }
}
