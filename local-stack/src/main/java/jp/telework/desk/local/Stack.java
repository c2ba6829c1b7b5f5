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
import java.util.function.Consumer;

import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.Java;
import jp.telework.desk.infra.KafkaBroker;
import jp.telework.desk.infra.KeycloakServer;
import jp.telework.desk.infra.ManagedProcess;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.infra.PostgresServer;
import jp.telework.desk.infra.Waits;

/**
 * The whole system as separate processes: PostgreSQL (one database per service), Kafka, Keycloak
 * and the four services. Used by the local-stack launcher and the benchmark, which start all of it,
 * and by the black-box system tests, which run the services against the build's shared servers
 * ({@link Servers}) and stop and restart single parts to inject faults.
 */
public final class Stack {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * One of the four services: where its build output is, which port variables (API, and management for
     * health and metrics) and which database it uses.
     */
    public record Service(String name, String portVariable, String managementPortVariable, String database) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("contact-point-service", "TELEWORK_CONTACT_POINT_PORT", "TELEWORK_CONTACT_POINT_MANAGEMENT_PORT", "contact_points"),
            new Service("consultation-service", "TELEWORK_CONSULTATION_PORT", "TELEWORK_CONSULTATION_MANAGEMENT_PORT", "consultations"),
            new Service("seminar-service", "TELEWORK_SEMINAR_PORT", "TELEWORK_SEMINAR_MANAGEMENT_PORT", "seminars"),
            new Service("gateway", "TELEWORK_GATEWAY_PORT", "TELEWORK_GATEWAY_MANAGEMENT_PORT", null));

    /**
     * PostgreSQL, Kafka and Keycloak run by somebody else, ready for a new stack: the databases of
     * {@link #SERVICES} exist, the topics of {@code Topics.all()} exist, the realm is imported.
     */
    public interface Servers {
        String jdbcUrl(String database);

        String bootstrapServers();

        /** The realm's issuer: the services' {@code quarkus.oidc.auth-server-url}. */
        String issuer();
    }

    private final StackConfig config;
    private final boolean durable;
    private final Servers external;
    private final Consumer<String> progress;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    // not the common pool: on a 2-core machine it has one thread, and the servers must start side by side
    private final java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stack-starter");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param durable false for tests: PostgreSQL without fsync, Keycloak's database recreated
     * @param progress receives one line per step ("starting X", "X ready")
     */
    public Stack(StackConfig config, boolean durable, Consumer<String> progress) {
        this.config = config;
        this.durable = durable;
        this.external = null;
        this.progress = progress;
    }

    /** Only the four services, against servers that run already ({@link #postgres()} and the like are then null). */
    public Stack(StackConfig config, Servers servers, Consumer<String> progress) {
        this.config = config;
        this.durable = false;
        this.external = servers;
        this.progress = progress;
    }

    public StackConfig config() {
        return config;
    }

    public Stack start() {
        Dirs.create(config.home());
        progress.accept("checking ports");
        config.ports().forEach((name, port) -> Ports.requireFree(port,
                name.replace("TELEWORK_", "").replace("_PORT", "").toLowerCase().replace('_', '-'), "the environment variable " + name));
        SERVICES.forEach(s -> jar(s));
        if (external == null) {
            startServers();
        }
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (Service s : SERVICES) {
            starting.add(CompletableFuture.runAsync(() -> startService(s.name()), starter));
        }
        starting.forEach(Stack::join);
        return this;
    }

    private void startServers() {
        CompletableFuture<Void> pg = CompletableFuture.runAsync(() -> {
            progress.accept("starting PostgreSQL on 127.0.0.1:" + config.port("TELEWORK_POSTGRES_PORT"));
            postgres = PostgresServer.start(config.home().resolve("postgres"), config.port("TELEWORK_POSTGRES_PORT"), durable);
            SERVICES.stream().filter(s -> s.database() != null).forEach(s -> postgres.createDatabase(s.database()));
            progress.accept("PostgreSQL ready");
        }, starter);
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            progress.accept("starting Kafka on 127.0.0.1:" + config.port("TELEWORK_KAFKA_PORT"));
            kafka = KafkaBroker.start(config.home().resolve("kafka"), config.port("TELEWORK_KAFKA_PORT"),
                    config.port("TELEWORK_KAFKA_CONTROLLER_PORT"));
            kafka.createTopics(Topics.all());
            progress.accept("Kafka ready");
        }, starter);
        CompletableFuture<Void> kc = CompletableFuture.runAsync(() -> {
            progress.accept("starting Keycloak on 127.0.0.1:" + config.port("TELEWORK_KEYCLOAK_PORT") + " (the first start takes longest)");
            keycloak = KeycloakServer.start(config.home().resolve("keycloak"), config.port("TELEWORK_KEYCLOAK_PORT"),
                    config.port("TELEWORK_KEYCLOAK_MANAGEMENT_PORT"), !durable);
            progress.accept("Keycloak ready");
        }, starter);
        join(pg);
        join(broker);
        join(kc);
    }

    public void startService(String name) {
        Service s = service(name);
        start(s, name, 1, config.port(s.portVariable()), config.port(s.managementPortVariable()));
    }

    /**
     * Another instance of a business service, as production runs two or more: the same database, broker and
     * realm, ports of its own (free ones on loopback), its own log, and the job-replica name
     * {@code <service>-<index>} (the first instance is {@code -1}). Stop or kill it by {@link Replica#key()}.
     */
    public Replica startReplica(String name, int index) {
        Service s = service(name);
        if (s.database() == null || index < 2) {
            throw new IllegalArgumentException("replicas are of business services, from index 2: " + name + " " + index);
        }
        Replica r = new Replica(name + "#" + index, name + "-" + index, Ports.free(), Ports.free());
        start(s, r.key(), index, r.port(), r.managementPort());
        return r;
    }

    /** A further instance of a service: where it answers, and the name its scheduled-job runs carry. */
    public record Replica(String key, String jobReplica, int port, int managementPort) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        public String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }
    }

    private void start(Service s, String key, int index, int port, int managementPort) {
        progress.accept("starting " + key + " on 127.0.0.1:" + port);
        ManagedProcess p = ManagedProcess.start(key, List.of(Java.executable(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", jar(s).toString()), config.home(), environment(s, index, port, managementPort),
                config.home().resolve("logs").resolve(key.replace('#', '-') + ".log"), "TERM");
        synchronized (services) {
            services.put(key, p);
        }
        String health = "http://127.0.0.1:" + managementPort + "/q/health/ready";
        Waits.until(key + " readiness", Duration.ofMinutes(3), () -> status(health) == 200, p);
        progress.accept(key + " ready");
    }

    public void stopService(String name) {
        ManagedProcess p;
        synchronized (services) {
            p = services.remove(name);
        }
        if (p != null) {
            p.stop(Duration.ofSeconds(20));
        }
    }

    /** A crash: the process gets no chance to finish what it was doing. */
    public void killService(String name) {
        ManagedProcess p;
        synchronized (services) {
            p = services.remove(name);
        }
        if (p != null) {
            p.kill();
        }
    }

    /** The servers the services use: the stack's own, or the external ones it was given. */
    public Servers servers() {
        if (external != null) {
            return external;
        }
        return new Servers() {
            @Override
            public String jdbcUrl(String database) {
                return postgres.jdbcUrl(database);
            }

            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public String issuer() {
                return keycloak.issuer();
            }
        };
    }

    /** Stops the services, and the servers if the stack started them. */
    public void stopAll() {
        new ArrayList<>(services.keySet()).reversed().forEach(this::stopService);
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public String url(String serviceName) {
        return "http://127.0.0.1:" + config.port(service(serviceName).portVariable());
    }

    /** Where a service answers health and metrics (never on its API port). */
    public String managementUrl(String serviceName) {
        return "http://127.0.0.1:" + config.port(service(serviceName).managementPortVariable());
    }

    public String gatewayUrl() {
        return url("gateway");
    }

    public Path logOf(String serviceName) {
        return config.home().resolve("logs").resolve(serviceName + ".log");
    }

    private Map<String, String> environment(Service s, int index, int port, int managementPort) {
        Map<String, String> env = new LinkedHashMap<>();
        Servers servers = servers();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        if (s.database() != null) {
            env.put("TELEWORK_JOBS_REPLICA", s.name() + "-" + index);
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", servers.issuer());
        if (s.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", servers.jdbcUrl(s.database()));
        }
        // absolute links the services write (the calendar feed) name the gateway, the one public address
        env.put("TELEWORK_PUBLIC_BASE_URL", gatewayUrl());
        env.put("TELEWORK_UPSTREAMS_CONTACT_POINTS", url("contact-point-service"));
        env.put("TELEWORK_UPSTREAMS_CONSULTATIONS", url("consultation-service"));
        env.put("TELEWORK_UPSTREAMS_SEMINARS", url("seminar-service"));
        return env;
    }

    private Path jar(Service s) {
        Path jar = config.repository().resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new InfraException(s.name() + " is not built (" + jar + " is missing); run ./mvnw install -DskipTests");
        }
        return jar;
    }

    private static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The status of a GET, or -1 when nothing answers (the benchmark polls with it too). */
    public static int status(String url) {
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

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InfraException infra) {
                throw infra;
            }
            throw new InfraException(String.valueOf(e.getCause()), e.getCause());
        }
    }
}
