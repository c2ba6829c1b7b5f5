package jp.telework.desk.infra.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.Java;

/**
 * The build's shared test servers, seen from a test JVM: finds the keeper of the build (or starts
 * it, under a file lock so two test JVMs never start two), and asks it for a server.
 *
 * <p>Layout of the shared folder ({@link #root()}): {@code build-<owner pid>/} per build, holding
 * {@code keeper.properties} (control port, keeper PID) while the keeper runs, the servers' data
 * while they run, and their logs ({@code logs/keeper.log}, {@code postgres/postgres.log},
 * {@code kafka/kafka.log}, {@code keycloak/keycloak.log}) until the next build; {@code keycloak/} the
 * unpacked Keycloak, kept between builds.
 */
public final class SharedInfra {
    static final String BUILD_DIR_PREFIX = "build-";
    /** {@code TELEWORK_TEST_INFRA=isolated}: every test JVM starts servers of its own, as before. */
    public static final String MODE_VARIABLE = "TELEWORK_TEST_INFRA";
    private static final Duration KEEPER_START_TIMEOUT = Duration.ofSeconds(60);

    private static SharedInfra instance;

    private final BuildOwner owner;
    private final Path dir;
    private final int controlPort;
    private final long keeperPid;

    /** A server of the build: where it listens, and whether this request started it. */
    public record Server(String name, int port, int managementPort, boolean started) {
    }

    private SharedInfra(BuildOwner owner, Path dir, int controlPort, long keeperPid) {
        this.owner = owner;
        this.dir = dir;
        this.controlPort = controlPort;
        this.keeperPid = keeperPid;
    }

    /**
     * Shared servers are used unless {@code TELEWORK_TEST_INFRA} (or {@code -Dtelework.test.infra}) is
     * {@code isolated}, or Maven runs modules in parallel ({@code -T}): resetting a shared broker's
     * topics for one module would then pull them from under another.
     */
    public static boolean enabled() {
        String mode = System.getProperty("telework.test.infra", System.getenv(MODE_VARIABLE));
        if ("isolated".equalsIgnoreCase(mode)) {
            return false;
        }
        return !BuildOwner.find().parallelBuild();
    }

    /** The keeper of this build, started if there is none yet. */
    public static synchronized SharedInfra get() {
        if (instance == null || !instance.keeperAlive()) {
            instance = connect(BuildOwner.find(), root());
        }
        return instance;
    }

    /** The folder shared by the test JVMs of a build: the repository's {@code target/test-infra}, set by the root pom. */
    public static Path root() {
        String configured = System.getProperty("telework.infra.shared-dir");
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "telework-test-infra-" + System.getProperty("user.name"));
    }

    /** The module under test (the root pom passes the artifactId; from an IDE the working folder's name). */
    public static String module() {
        String m = System.getProperty("telework.test.module");
        if (m == null || m.isBlank() || m.contains("${")) {
            m = Path.of(System.getProperty("user.dir")).toAbsolutePath().getFileName().toString();
        }
        return m;
    }

    static SharedInfra connect(BuildOwner owner, Path root) {
        Path dir = root.resolve(BUILD_DIR_PREFIX + owner.pid());
        Dirs.create(root);
        // one lock for the threads of this JVM (test resources start in parallel), one for the other JVMs
        synchronized (SharedInfra.class) {
            try (FileChannel channel = FileChannel.open(root.resolve(BUILD_DIR_PREFIX + owner.pid() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                SharedInfra found = existing(owner, dir);
                if (found != null) {
                    return found;
                }
                return startKeeper(owner, dir);
            } catch (IOException e) {
                throw new InfraException("cannot lock " + root + ": " + e.getMessage(), e);
            }
        }
    }

    /** The running keeper recorded in the build's folder, or null (no state, stale state, keeper dead). */
    private static SharedInfra existing(BuildOwner owner, Path dir) {
        Path state = dir.resolve(Keeper.STATE_FILE);
        if (!Files.isRegularFile(state)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(state)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        try {
            long recordedStart = Long.parseLong(p.getProperty("owner.start", "0"));
            if (owner.startMillis() != 0 && recordedStart != 0 && Math.abs(recordedStart - owner.startMillis()) > 2000) {
                return null; // an earlier process with the same PID
            }
            SharedInfra infra = new SharedInfra(owner, dir, Integer.parseInt(p.getProperty("control.port")),
                    Long.parseLong(p.getProperty("keeper.pid")));
            return infra.keeperAlive() ? infra : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SharedInfra startKeeper(BuildOwner owner, Path dir) {
        Dirs.delete(dir); // whatever a dead keeper of a reused PID left
        Path logs = Dirs.create(dir.resolve("logs"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: Ctrl-C of the build is for Maven, not for the servers
        }
        command.addAll(List.of(Java.executable(), "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", keeperClasspath(), Keeper.class.getName(),
                Long.toString(owner.pid()), Long.toString(owner.startMillis()), dir.toString()));
        Path log = logs.resolve("keeper.log");
        try {
            new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new InfraException("cannot start the test-infra keeper: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + KEEPER_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            SharedInfra infra = existing(owner, dir);
            if (infra != null) {
                return infra;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfraException("interrupted while starting the test-infra keeper");
            }
        }
        throw new InfraException("the test-infra keeper did not start within " + KEEPER_START_TIMEOUT.toSeconds()
                + " s; see " + log + "\n" + tail(log));
    }

    /**
     * The infra module and its runtime dependencies (recorded at build time), never the surefire
     * booter jar, which is deleted when the test JVM ends; from an IDE, this JVM's class path.
     */
    static String keeperClasspath() {
        String own;
        try {
            own = Path.of(Keeper.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new InfraException("cannot locate the infra classes: " + e.getMessage(), e);
        }
        try (InputStream in = SharedInfra.class.getResourceAsStream("keeper.classpath")) {
            if (in != null) {
                String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return deps.isEmpty() ? own : own + java.io.File.pathSeparator + deps;
            }
        } catch (IOException e) {
            // fall through
        }
        return own + java.io.File.pathSeparator + System.getProperty("java.class.path");
    }

    public BuildOwner owner() {
        return owner;
    }

    public Path dir() {
        return dir;
    }

    public long keeperPid() {
        return keeperPid;
    }

    /** The server, started by the keeper unless it runs already; prints who reuses it. */
    public Server ensure(String server) {
        String module = module();
        Map<String, String> answer = call("ENSURE " + server + " " + module.replace(' ', '_'));
        return new Server(server, Integer.parseInt(answer.get("port")), Integer.parseInt(answer.getOrDefault("management", "0")),
                Boolean.parseBoolean(answer.get("started")));
    }

    /** Stops one server (the next {@link #ensure} starts it again, on another port). */
    public void stop(String server) {
        call("STOP " + server);
    }

    /**
     * Stops the server's process but keeps its port and data (an outage injected by a test); the
     * next {@link #resume} or {@link #ensure} starts it again.
     */
    public void pause(String server) {
        call("PAUSE " + server);
    }

    /** Starts a paused server again, on the same port with the same data. */
    public void resume(String server) {
        call("RESUME " + server);
    }

    /** Stops everything now instead of when the build ends (tests of the mechanism). */
    public void shutdown() {
        call("SHUTDOWN");
        if (!BuildOwner.awaitGone(keeperPid, Duration.ofSeconds(90))) {
            throw new InfraException("the keeper " + keeperPid + " did not stop within 90 s");
        }
        synchronized (SharedInfra.class) {
            if (instance == this) {
                instance = null;
            }
        }
    }

    public void console(String text) {
        BuildConsole.line(owner, text);
    }

    boolean keeperAlive() {
        Optional<ProcessHandle> h = ProcessHandle.of(keeperPid);
        if (h.isEmpty() || !h.get().isAlive() || BuildOwner.zombie(keeperPid)) {
            return false;
        }
        try {
            return call("PING").containsKey("owner");
        } catch (InfraException e) {
            return false;
        }
    }

    private Map<String, String> call(String command) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), controlPort);
             PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            s.setSoTimeout((int) Duration.ofMinutes(6).toMillis()); // Keycloak's first start may take minutes on 2 cores
            out.println(command);
            String line = in.readLine();
            if (line == null) {
                throw new InfraException("the test-infra keeper closed the connection on " + command + "; see "
                        + dir.resolve("logs/keeper.log"));
            }
            if (!line.startsWith("OK")) {
                throw new InfraException("test-infra keeper: " + command + ": " + line.replaceFirst("^ERR ", "")
                        + "; logs in " + dir);
            }
            Map<String, String> values = new HashMap<>();
            for (String word : line.substring(2).trim().split("\\s+")) {
                int eq = word.indexOf('=');
                if (eq > 0) {
                    values.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new InfraException("test-infra keeper unreachable on port " + controlPort + ": " + e.getMessage(), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
