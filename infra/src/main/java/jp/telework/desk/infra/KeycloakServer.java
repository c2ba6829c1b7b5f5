package jp.telework.desk.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real Keycloak from the {@code org.keycloak:keycloak-quarkus-dist} archive on Maven Central,
 * started in dev mode on 127.0.0.1 with the repository's {@code telework} realm imported.
 */
public final class KeycloakServer {
    public static final String REALM = "telework";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path workDir;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;
    private final boolean freshDatabase;
    private boolean startedBefore;
    private ManagedProcess process;

    private KeycloakServer(Path workDir, int httpPort, int managementPort, boolean freshDatabase) {
        this.workDir = workDir;
        this.freshDatabase = freshDatabase;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = workDir.resolve("keycloak.log");
    }

    /**
     * @param freshDatabase true for tests: drop Keycloak's own database so the realm is imported anew
     *     (on this first start only: a restart keeps the realms, users, sessions and signing keys, as a
     *     real Keycloak coming back from an outage does)
     */
    public static KeycloakServer start(Path workDir, int httpPort, int managementPort, boolean freshDatabase) {
        KeycloakServer server = new KeycloakServer(Dirs.create(workDir), httpPort, managementPort, freshDatabase);
        server.start();
        return server;
    }

    public synchronized void start() {
        Ports.requireFree(httpPort, "Keycloak", "the Keycloak port setting");
        Ports.requireFree(managementPort, "Keycloak management", "the Keycloak management port setting");
        Path home = unpack();
        if (freshDatabase && !startedBefore) {
            Dirs.delete(home.resolve("data/h2"));
        }
        startedBefore = true;
        installRealm(home);
        process = ManagedProcess.start("keycloak", List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--import-realm", "--cache=local"),
                home, Map.of("JAVA_HOME", Java.home().toString(),
                        "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m",
                        // local demo admin for the admin console; created on the first start only
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                logFile, "TERM");
        Waits.until("Keycloak on port " + httpPort, Duration.ofMinutes(4), this::realmReady, process);
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The issuer of every token of the realm, and what services use as {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public ManagedProcess process() {
        return process;
    }

    private boolean realmReady() {
        try {
            HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (health.statusCode() != 200) {
                return false;
            }
            HttpResponse<Void> realm = HTTP.send(HttpRequest.newBuilder(
                    URI.create(issuer() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.discarding());
            return realm.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path unpack() {
        Properties settings = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("infra.properties")) {
            settings.load(in);
        } catch (IOException | NullPointerException e) {
            throw new InfraException("infra.properties missing from the infra module; rebuild it", e);
        }
        Path archive = Path.of(settings.getProperty("keycloak.dist"));
        if (!Files.isRegularFile(archive)) {
            throw new InfraException("Keycloak distribution not found at " + archive
                    + "; run ./mvnw install -DskipTests once so Maven downloads it");
        }
        Path home = workDir.resolve("keycloak-" + settings.getProperty("keycloak.version"));
        Archives.unpack(() -> Files.newInputStream(archive), false, home, true);
        return home;
    }

    /** Copies the realm file shipped in this jar (the repository's keycloak/telework-realm.json). */
    private static void installRealm(Path home) {
        Path importDir = Dirs.create(home.resolve("data/import"));
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("keycloak/telework-realm.json")) {
            if (realm == null) {
                throw new InfraException("realm file missing from the infra jar");
            }
            Files.copy(realm, importDir.resolve("telework-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InfraException("cannot install the realm file: " + e.getMessage(), e);
        }
    }
}
