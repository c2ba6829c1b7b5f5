package jp.telework.desk.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.PostgresServer;
import jp.telework.desk.local.Stack;
import jp.telework.desk.local.StackConfig;

/**
 * The system under test: the repository's Docker-free stack ({@link Stack}: PostgreSQL, Kafka,
 * Keycloak and the four service jars with the JVM options the local stack uses), on its own ports
 * and in its own data folder. The services inherit the benchmark's environment (see run.sh) for the
 * few settings a load test needs (rate limits, the per-organization cap, the slot horizon).
 */
final class BenchStack implements AutoCloseable {
    static final List<String> SERVICES = Stack.SERVICES.stream().map(Stack.Service::name).toList();
    static final Map<String, String> DATABASES = Map.of("contact-point-service", "contact_points",
            "consultation-service", "consultations", "seminar-service", "seminars");

    final StackConfig config;
    final Stack stack;
    final Path work;
    /** Seconds from "starting X" to "X ready" while the launcher starts everything side by side. */
    final Map<String, Double> parallelStartSeconds = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private final long t0 = System.nanoTime();

    BenchStack(Path repository, Path work, int portOffset) {
        this.work = work;
        Map<String, String> env = new LinkedHashMap<>();
        StackConfig.DEFAULT_PORTS.forEach((name, port) -> env.put(name, Integer.toString(port + portOffset)));
        env.put("TELEWORK_HOME", work.resolve("stack").toString());
        this.config = StackConfig.from(env, repository);
        this.stack = new Stack(config, true, this::progress);
    }

    BenchStack start() {
        // fresh data for every run (Keycloak's unpacked distribution and its database are kept: the realm is the same)
        Dirs.delete(config.home().resolve("postgres"));
        Dirs.delete(config.home().resolve("kafka"));
        Dirs.delete(config.home().resolve("logs"));
        stack.start();
        return this;
    }

    private void progress(String line) {
        long now = System.nanoTime();
        Log.info(String.format("[stack %6.1fs] %s", (now - t0) / 1e9, line));
        for (String name : SERVICES) {
            if (line.startsWith("starting " + name + " ")) {
                startedAt.put(name, now);
            } else if (line.equals(name + " ready") && startedAt.containsKey(name)) {
                synchronized (parallelStartSeconds) {
                    parallelStartSeconds.putIfAbsent(name, (now - startedAt.get(name)) / 1e9);
                }
            }
        }
    }

    /** Stops one service and starts it again alone: start time without the others competing for the 2 cores. */
    double restartAlone(String name) {
        stack.stopService(name);
        long start = System.nanoTime();
        stack.startService(name);
        return (System.nanoTime() - start) / 1e9;
    }

    String url(String service) {
        return stack.url(service);
    }

    String gateway() {
        return stack.gatewayUrl();
    }

    String issuer() {
        return stack.keycloak().issuer();
    }

    String keycloakBase() {
        return stack.keycloak().baseUrl();
    }

    int postgresPort() {
        return stack.postgres().port();
    }

    String kafkaBootstrap() {
        return stack.kafka().bootstrapServers();
    }

    long servicePid(String name) {
        return Proc.descendantWith(name + "/target/quarkus-app/quarkus-run.jar")
                .orElseThrow(() -> new BenchException(name + " is not running"));
    }

    long postgresPid() {
        return stack.postgres().process().pid();
    }

    long kafkaPid() {
        return stack.kafka().process().pid();
    }

    long keycloakPid() {
        return stack.keycloak().process().pid();
    }

    Path serviceLog(String name) {
        return stack.logOf(name);
    }

    Connection db(String database) {
        try {
            return DriverManager.getConnection(stack.postgres().jdbcUrl(database), PostgresServer.USER, "");
        } catch (SQLException e) {
            throw new BenchException("cannot connect to database " + database + ": " + e.getMessage(), e);
        }
    }

    static long queryLong(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new BenchException("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    static void exec(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new BenchException("statement failed: " + abbreviate(sql) + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
    }

    /**
     * Waits until the system is quiet again after a load: every outbox drained (events published)
     * and the machine's CPU mostly idle (consumers done), at most {@code limit}.
     */
    void settle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long started = System.nanoTime();
        for (String database : DATABASES.values()) {
            try (Connection c = db(database)) {
                while (queryLong(c, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0) {
                    if (System.nanoTime() > deadline) {
                        Log.info("settle: outbox of " + database + " still not drained after " + limit.toSeconds() + " s");
                        return;
                    }
                    sleep(100);
                }
            } catch (SQLException e) {
                throw new BenchException("settle: " + e.getMessage(), e);
            }
        }
        // quiet = the whole machine (consumers still catching up, JIT, anything else) is < 15 % busy
        // for three windows in a row: measured runs must not share the cores with leftover work
        int quietWindows = 0;
        double busy = 1;
        while (quietWindows < 3 && System.nanoTime() < deadline) {
            double[] a = Proc.machineCpuSeconds();
            sleep(500);
            double[] b = Proc.machineCpuSeconds();
            busy = (b[0] - a[0]) / Math.max(0.001, b[1] - a[1]);
            quietWindows = busy < 0.15 ? quietWindows + 1 : 0;
        }
        Log.info(String.format("settled in %.1f s%s", (System.nanoTime() - started) / 1e9,
                quietWindows < 3 ? String.format(" (not quiet: machine still %.0f %% busy at the limit)", busy * 100) : ""));
    }

    /**
     * The gateway's circuit breaker for consultation-service counts requests cut by a client that
     * goes away (wrk stopping at the end of a run) as failures and may open for 10 s; waits until
     * a request passes again so the next run does not start against an open breaker. Returns the
     * seconds waited (0 when the breaker was closed).
     */
    double awaitGatewayPasses(String path) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(40).toNanos();
        boolean refused = false;
        while (Stack.status(gateway() + path) != 200) {
            refused = true;
            if (System.nanoTime() > deadline) {
                throw new BenchException("the gateway still refuses " + path + " after 40 s");
            }
            sleep(250);
        }
        double waited = (System.nanoTime() - start) / 1e9;
        if (refused) {
            Log.info(String.format("  gateway breaker was open after the run: waited %.1f s", waited));
            breakerWaits++;
        }
        return waited;
    }

    int breakerWaits;

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    @Override
    public void close() {
        stack.stopAll();
    }
}
