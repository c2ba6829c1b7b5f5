package jp.telework.desk.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.KeycloakTokens;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.infra.shared.Fresh;
import jp.telework.desk.infra.shared.SharedInfra;
import jp.telework.desk.local.Stack;
import jp.telework.desk.local.StackConfig;

/**
 * The whole system, started once per test JVM as separate processes on free loopback ports, exactly
 * as the local stack runs it; stopped by the JVM's shutdown hook. The four services run against the
 * build's shared PostgreSQL, Kafka and Keycloak (infra's {@link SharedInfra}: fresh databases, empty
 * topics and a realm copy {@code telework-system-tests}), or, with {@code TELEWORK_TEST_INFRA=isolated},
 * against servers the stack starts itself. The fault tests stop and restart Kafka and Keycloak
 * through {@link #stop} and {@link #restart} either way: same port, same data.
 */
final class SystemStack {
    /** Access tokens live 300 s in the realm; a cached one is renewed well before that. */
    private static final long TOKEN_REUSE_MILLIS = 180_000;

    /** A server the fault tests take away and bring back. */
    enum Server {
        KAFKA("kafka"), KEYCLOAK("keycloak");

        private final String keeperName;

        Server(String keeperName) {
            this.keeperName = keeperName;
        }
    }

    private static Stack stack;
    private static SharedInfra shared;
    private static long startMillis;
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private record CachedToken(String token, long obtainedAt) {
    }

    private SystemStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Map<String, String> env = new LinkedHashMap<>();
            StackConfig.DEFAULT_PORTS.keySet().forEach(name -> env.put(name, Integer.toString(Ports.free())));
            Path home = Dirs.testWorkDir("stack");
            Dirs.delete(home);
            env.put("TELEWORK_HOME", home.toString());
            Path repository = Path.of(System.getProperty("telework.repository", "..")).toAbsolutePath().normalize();
            long t0 = System.nanoTime();
            StackConfig config = StackConfig.from(env, repository);
            Consumer<String> progress = line -> System.out.println("[stack] " + line);
            stack = (SharedInfra.enabled() ? new Stack(config, sharedServers(), progress) : new Stack(config, false, progress)).start();
            startMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("[stack] whole system ready in " + startMillis + " ms");
        }
        return stack;
    }

    /** The build's shared servers, made fresh for this module as a module's test resources would. */
    private static Stack.Servers sharedServers() {
        shared = SharedInfra.get();
        String module = SharedInfra.module();
        SharedInfra.Server pg = shared.ensure("postgres");
        List<String> databases = Stack.SERVICES.stream().map(Stack.Service::database).filter(Objects::nonNull).toList();
        databases.forEach(db -> Fresh.database(pg.port(), db));
        SharedInfra.Server kafka = shared.ensure("kafka");
        String bootstrap = "127.0.0.1:" + kafka.port();
        Fresh.topics(bootstrap, Topics.all());
        SharedInfra.Server kc = shared.ensure("keycloak");
        String issuer = Fresh.realm("http://127.0.0.1:" + kc.port(), Fresh.realmName(module));
        shared.console("reusing PostgreSQL, Kafka and Keycloak for " + module + ": databases " + String.join(", ", databases)
                + " re-created, " + Topics.all().size() + " topics re-created empty, realm copy " + Fresh.realmName(module) + " imported");
        return new Stack.Servers() {
            @Override
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database;
            }

            @Override
            public String bootstrapServers() {
                return bootstrap;
            }

            @Override
            public String issuer() {
                return issuer;
            }
        };
    }

    /** Takes the server away (its process ends; port and data stay). */
    static void stop(Server server) {
        get();
        if (shared != null) {
            shared.pause(server.keeperName);
        } else if (server == Server.KAFKA) {
            stack.kafka().stop();
        } else {
            stack.keycloak().stop();
        }
    }

    /** Brings it back on the same port with the same data. */
    static void restart(Server server) {
        get();
        if (shared != null) {
            shared.resume(server.keeperName);
        } else if (server == Server.KAFKA) {
            stack.kafka().start();
        } else {
            stack.keycloak().start();
        }
    }

    /** A database administrator's connection URL (database {@code postgres} for server-wide statements). */
    static String jdbcUrl(String database) {
        return get().servers().jdbcUrl(database);
    }

    static long startMillis() {
        return startMillis;
    }

    static KeycloakTokens tokens() {
        return new KeycloakTokens(get().servers().issuer());
    }

    static String gateway() {
        return get().gatewayUrl();
    }

    static String kafka() {
        return get().servers().bootstrapServers();
    }

    /**
     * A token of a demo user ({@code sme-a}, {@code assoc-tokyo}, {@code secretariat}, ...) or of the
     * dashboard client ({@code dashboard}), reused while it is fresh.
     */
    static String token(String user) {
        long now = System.currentTimeMillis();
        CachedToken cached = TOKENS.get(user);
        if (cached == null || now - cached.obtainedAt() > TOKEN_REUSE_MILLIS) {
            String token = "dashboard".equals(user) ? tokens().clientCredentials() : tokens().password(user);
            cached = new CachedToken(token, now);
            TOKENS.put(user, cached);
        }
        return cached.token();
    }

    /** After Keycloak restarted (it may sign with new keys): log in again. */
    static void forgetTokens() {
        TOKENS.clear();
    }
}
