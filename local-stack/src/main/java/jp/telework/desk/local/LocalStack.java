package jp.telework.desk.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.Java;
import jp.telework.desk.infra.KafkaBroker;
import jp.telework.desk.infra.KeycloakServer;
import jp.telework.desk.infra.KeycloakTokens;
import jp.telework.desk.infra.ManagedProcess;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.infra.PostgresServer;
import jp.telework.desk.infra.Waits;

/**
 * Starts the whole system on this machine without Docker: a real PostgreSQL (one database per
 * service), a real Kafka broker, a real Keycloak with the telework realm, and the four services as
 * separate JVMs. Data lives under .local-stack/ and survives restarts. Ctrl-C stops everything.
 */
public final class LocalStack {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long STARTED = System.nanoTime();

    record Service(String name, String module, String portVariable, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("contact-point-service", "contact-point-service", "TELEWORK_CONTACT_POINT_PORT", "contact_points"),
            new Service("consultation-service", "consultation-service", "TELEWORK_CONSULTATION_PORT", "consultations"),
            new Service("seminar-service", "seminar-service", "TELEWORK_SEMINAR_PORT", "seminars"),
            new Service("gateway", "gateway", "TELEWORK_GATEWAY_PORT", null));

    public static void main(String[] args) {
        try {
            Java.requireMinimum();
            Path repository = Path.of(System.getProperty("telework.repository", ".")).toAbsolutePath().normalize();
            StackConfig config = StackConfig.from(System.getenv(), repository);
            new LocalStack().run(config);
        } catch (InfraException e) {
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            ManagedProcess.stopAll();
            System.exit(1);
        }
    }

    void run(StackConfig config) {
        Dirs.create(config.home());
        writePid(config.home());
        step("checking ports");
        config.ports().forEach((name, port) -> Ports.requireFree(port, name.replace("TELEWORK_", "").replace("_PORT", "").toLowerCase(),
                "the environment variable " + name));
        List<Path> jars = new ArrayList<>();
        for (Service s : SERVICES) {
            Path jar = config.repository().resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new InfraException(s.name() + " is not built (" + jar + " missing); run ./mvnw install -DskipTests");
            }
            jars.add(jar);
        }

        step("starting PostgreSQL on 127.0.0.1:" + config.port("TELEWORK_POSTGRES_PORT") + " (data in " + config.home().resolve("postgres") + ")");
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> {
            PostgresServer pg = PostgresServer.start(config.home().resolve("postgres"), config.port("TELEWORK_POSTGRES_PORT"), true);
            SERVICES.stream().filter(s -> s.database() != null).forEach(s -> pg.createDatabase(s.database()));
            ready("PostgreSQL");
            return pg;
        });
        step("starting Kafka on 127.0.0.1:" + config.port("TELEWORK_KAFKA_PORT"));
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> {
            KafkaBroker broker = KafkaBroker.start(config.home().resolve("kafka"), config.port("TELEWORK_KAFKA_PORT"),
                    config.port("TELEWORK_KAFKA_CONTROLLER_PORT"));
            broker.createTopics(Topics.all());
            ready("Kafka");
            return broker;
        });
        step("starting Keycloak on 127.0.0.1:" + config.port("TELEWORK_KEYCLOAK_PORT") + " (the first start takes longest)");
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() -> {
            KeycloakServer kc = KeycloakServer.start(config.home().resolve("keycloak"), config.port("TELEWORK_KEYCLOAK_PORT"),
                    config.port("TELEWORK_KEYCLOAK_MANAGEMENT_PORT"), false);
            ready("Keycloak");
            return kc;
        });
        PostgresServer pg = join(postgres);
        KafkaBroker broker = join(kafka);
        KeycloakServer kc = join(keycloak);

        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        shared.put("QUARKUS_OIDC_AUTH_SERVER_URL", kc.issuer());
        shared.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        shared.put("TELEWORK_UPSTREAMS_CONTACT_POINTS", "http://127.0.0.1:" + config.port("TELEWORK_CONTACT_POINT_PORT"));
        shared.put("TELEWORK_UPSTREAMS_CONSULTATIONS", "http://127.0.0.1:" + config.port("TELEWORK_CONSULTATION_PORT"));
        shared.put("TELEWORK_UPSTREAMS_SEMINARS", "http://127.0.0.1:" + config.port("TELEWORK_SEMINAR_PORT"));

        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            Service s = SERVICES.get(i);
            Path jar = jars.get(i);
            int port = config.port(s.portVariable());
            Map<String, String> env = new LinkedHashMap<>(shared);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            if (s.database() != null) {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(s.database()));
            }
            step("starting " + s.name() + " on 127.0.0.1:" + port);
            services.add(CompletableFuture.runAsync(() -> {
                ManagedProcess p = ManagedProcess.start(s.name(), List.of(Java.executable(), "-Xms64m", "-Xmx384m",
                        "-XX:+UseSerialGC", "-jar", jar.toString()),
                        config.home(), env, config.home().resolve("logs").resolve(s.name() + ".log"), "TERM");
                Waits.until(s.name() + " readiness", Duration.ofMinutes(3),
                        () -> status("http://127.0.0.1:" + port + "/q/health/ready") == 200, p);
                ready(s.name());
            }));
        }
        services.forEach(LocalStack::join);

        printSummary(config, kc);
        try {
            Thread.currentThread().join(); // until Ctrl-C (or "./local-stack.sh stop"): the shutdown hook stops everything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printSummary(StackConfig config, KeycloakServer kc) {
        int gw = config.port("TELEWORK_GATEWAY_PORT");
        String seconds = String.format("%.1f", (System.nanoTime() - STARTED) / 1e9);
        System.out.println();
        System.out.println("==> READY in " + seconds + " s");
        System.out.println("    gateway          http://127.0.0.1:" + gw + "/api/v1/contact-points");
        System.out.println("    Swagger UI       http://127.0.0.1:" + gw + "/q/swagger-ui");
        for (Service s : SERVICES) {
            if (s.database() != null) {
                System.out.printf("    %-16s http://127.0.0.1:%d/q/swagger-ui   (OpenAPI /q/openapi)%n", s.name(),
                        config.port(s.portVariable()));
            }
        }
        System.out.println("    Keycloak         " + kc.baseUrl() + "/admin  (local demo admin: admin / admin; realm telework)");
        System.out.println("    logs             " + config.home().resolve("logs"));
        System.out.println();
        System.out.println("    demo users (password '" + KeycloakTokens.DEMO_PASSWORD + "'): sme-a (Tokyo SME), sme-b (Osaka SME), sme-c (Shimane SME),");
        System.out.println("      assoc-tokyo, assoc-osaka (associations), secretariat; dashboard client: "
                + KeycloakTokens.DASHBOARD_CLIENT + " / " + KeycloakTokens.DASHBOARD_SECRET);
        System.out.println("    get a token:");
        System.out.println("      TOKEN=$(curl -s -d grant_type=password -d client_id=" + KeycloakTokens.PORTAL_CLIENT
                + " -d username=sme-a -d password=demo " + kc.issuer() + "/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        System.out.println("      curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:" + gw + "/api/v1/consultations");
        System.out.println();
        System.out.println("    Ctrl-C (or ./local-stack.sh stop) stops everything; data stays in " + config.home());
    }

    private static void writePid(Path home) {
        try {
            Files.writeString(home.resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new InfraException("cannot write " + home.resolve("launcher.pid"), e);
        }
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InfraException infra) {
                throw infra;
            }
            throw new InfraException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static void step(String what) {
        System.out.printf("[%6.1fs] %s ...%n", (System.nanoTime() - STARTED) / 1e9, what);
    }

    private static void ready(String what) {
        System.out.printf("[%6.1fs] %s ready%n", (System.nanoTime() - STARTED) / 1e9, what);
    }
}
