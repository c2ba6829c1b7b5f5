package jp.telework.desk.infra.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.KafkaBroker;
import jp.telework.desk.infra.KeycloakServer;
import jp.telework.desk.infra.ManagedProcess;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.infra.PostgresServer;

/**
 * The detached JVM that owns the shared test servers of one build. Started by the first test
 * resource of the build ({@link SharedInfra}); starts PostgreSQL, Kafka and Keycloak when a module
 * first asks for them, answers later modules with their ports, and stops them all as soon as the
 * build's Maven process (its "owner") is gone, however it ended: success, failure, Ctrl-C, SIGTERM
 * or SIGKILL.
 *
 * <p>Control: one line per connection on a loopback port recorded in {@code keeper.properties}:
 * {@code PING}, {@code ENSURE <server> <module>}, {@code STOP <server>}, {@code PAUSE <server>},
 * {@code RESUME <server>}, {@code SHUTDOWN}; the answer is {@code OK key=value ...} or {@code ERR message}.
 * {@code PAUSE} stops the server's process and {@code RESUME} starts it again on the same port with
 * the same data (the system tests' outages); {@code STOP} forgets it, and the next {@code ENSURE}
 * starts a new one on another port.
 *
 * <p>The keeper runs in its own session ({@code setsid}): Ctrl-C in the build's terminal does not
 * reach it or its servers, which it stops in order once Maven has exited. A small watchdog shell in
 * the same process group kills the whole group should the keeper itself die without cleaning up
 * (SIGKILL, crash): it reads a pipe from the keeper and sees end-of-file when the keeper is gone.
 */
public final class Keeper {
    public static final String STATE_FILE = "keeper.properties";
    public static final List<String> SERVERS = List.of("postgres", "kafka", "keycloak");
    private static final Duration POLL = Duration.ofMillis(300);

    private final BuildOwner owner;
    private final Path dir;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);
    private final Object shutdownLock = new Object();
    private boolean shutDown;
    private ServerSocket control;
    private Process watchdog;
    private FileChannel keycloakHomeLock;
    private Path keycloakWorkDir;

    Keeper(BuildOwner owner, Path dir) {
        this.owner = owner;
        this.dir = dir;
        slots.put("postgres", new Slot("PostgreSQL", () -> {
            PostgresServer pg = PostgresServer.start(dir.resolve("postgres"), Ports.free(), false);
            return new Running(pg.port(), 0, pg::stop, pg::start, () -> pg.process() != null && pg.process().isAlive());
        }));
        slots.put("kafka", new Slot("Kafka", () -> {
            KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
            return new Running(Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1)),
                    0, kafka::stop, kafka::start, () -> kafka.process() != null && kafka.process().isAlive());
        }));
        slots.put("keycloak", new Slot("Keycloak", () -> {
            int management = Ports.free();
            KeycloakServer kc = KeycloakServer.start(keycloakWorkDir(), Ports.free(), management, true);
            return new Running(Integer.parseInt(kc.baseUrl().substring(kc.baseUrl().lastIndexOf(':') + 1)), management, kc::stop,
                    kc::start, () -> kc.process() != null && kc.process().isAlive());
        }));
    }

    /** {@code Keeper <owner pid> <owner start millis> <state dir>} */
    public static void main(String[] args) throws Exception {
        BuildOwner owner = BuildOwner.of(Long.parseLong(args[0]), Long.parseLong(args[1]));
        Path dir = Path.of(args[2]);
        Keeper keeper = new Keeper(owner, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(keeper::shutdown, "keeper-shutdown"));
        keeper.run();
        System.exit(0);
    }

    void run() throws IOException, InterruptedException {
        log("keeper " + ProcessHandle.current().pid() + " for build " + owner.pid() + " in " + dir);
        Dirs.create(dir);
        removeStaleBuilds();
        startWatchdog();
        control = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "keeper-control");
        acceptor.setDaemon(true);
        acceptor.start();
        writeState();
        while (owner.alive() && shutdownRequested.getCount() > 0) {
            shutdownRequested.await(POLL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        log(shutdownRequested.getCount() == 0 ? "shutdown requested" : "build " + owner.pid() + " is gone");
        shutdown();
    }

    /** Stops every server (side by side), the watchdog and the control port; removes the state. Idempotent. */
    void shutdown() {
        synchronized (shutdownLock) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        Path state = dir.resolve(STATE_FILE);
        try {
            Files.deleteIfExists(state); // nobody may claim a server that is going away
        } catch (IOException e) {
            log("cannot delete " + state + ": " + e.getMessage());
        }
        List<Thread> stopping = new ArrayList<>();
        for (Slot slot : slots.values()) {
            Thread t = new Thread(slot::stop, "stop-" + slot.label);
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ManagedProcess.stopAll();
        try {
            if (control != null) {
                control.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        // data goes, logs stay (until the next build's keeper removes this folder)
        for (String data : List.of("postgres/data", "kafka/data")) {
            deleteQuietly(dir.resolve(data));
        }
        if (keycloakWorkDir != null && keycloakWorkDir.startsWith(dir)) {
            deleteQuietly(keycloakWorkDir);
        }
        if (keycloakHomeLock != null) {
            try {
                keycloakHomeLock.close();
            } catch (IOException ignored) {
                // released with the process anyway
            }
        }
        stopWatchdog();
        log("stopped");
    }

    private void accept() {
        while (!control.isClosed()) {
            try {
                Socket s = control.accept();
                Thread t = new Thread(() -> serve(s), "keeper-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!control.isClosed()) {
                    log("control port: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null) {
                return;
            }
            String[] words = line.trim().split("\\s+");
            String answer;
            try {
                answer = switch (words[0]) {
                    case "PING" -> "OK owner=" + owner.pid() + " keeper=" + ProcessHandle.current().pid();
                    case "ENSURE" -> slot(words).ensure(words.length > 2 ? words[2] : "?");
                    case "STOP" -> slot(words).stop();
                    case "PAUSE" -> slot(words).pause();
                    case "RESUME" -> slot(words).resume();
                    case "SHUTDOWN" -> {
                        shutdownRequested.countDown();
                        yield "OK";
                    }
                    default -> "ERR unknown command " + words[0];
                };
            } catch (RuntimeException e) {
                answer = "ERR " + String.valueOf(e.getMessage()).replace('\n', ' ');
            }
            out.println(answer);
        } catch (IOException e) {
            log("client: " + e.getMessage());
        }
    }

    private Slot slot(String[] words) {
        Slot slot = words.length > 1 ? slots.get(words[1]) : null;
        if (slot == null) {
            throw new InfraException("unknown server; one of " + SERVERS);
        }
        return slot;
    }

    /**
     * The unpacked Keycloak is kept between builds next to the build folders (its first start
     * re-augments the distribution, which takes a while); its database is recreated on every start.
     * A second build running at the same time in the same checkout uses a copy of its own.
     */
    private synchronized Path keycloakWorkDir() {
        if (keycloakWorkDir == null) {
            Path shared = dir.getParent().resolve("keycloak");
            try {
                Dirs.create(shared);
                FileChannel channel = FileChannel.open(dir.getParent().resolve("keycloak.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    keycloakHomeLock = channel;
                    keycloakWorkDir = shared;
                } else {
                    channel.close();
                    keycloakWorkDir = dir.resolve("keycloak");
                }
            } catch (IOException e) {
                keycloakWorkDir = dir.resolve("keycloak");
            }
        }
        return keycloakWorkDir;
    }

    /** Folders of earlier builds whose keeper is gone (their logs are kept until the next build). */
    private void removeStaleBuilds() {
        try (Stream<Path> builds = Files.list(dir.getParent())) {
            builds.filter(p -> p.getFileName().toString().startsWith(SharedInfra.BUILD_DIR_PREFIX))
                    .filter(p -> !p.equals(dir) && !p.equals(dir.resolveSibling(dir.getFileName() + ".lock")))
                    .filter(p -> {
                        String pid = p.getFileName().toString().substring(SharedInfra.BUILD_DIR_PREFIX.length())
                                .replace(".lock", "");
                        return pid.matches("\\d+") && !BuildOwner.of(Long.parseLong(pid), 0).alive();
                    })
                    .forEach(Keeper::deleteQuietly);
        } catch (IOException e) {
            log("cannot list " + dir.getParent() + ": " + e.getMessage());
        }
    }

    private void startWatchdog() {
        long self = ProcessHandle.current().pid();
        if (processGroup() != self) {
            log("not a process group leader (no setsid): no watchdog");
            return;
        }
        try {
            watchdog = new ProcessBuilder("sh", "-c",
                    "while read -r line; do [ \"$line\" = exit ] && exit 0; done; kill -KILL -" + self)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("watchdog.log").toFile()))
                    .start();
        } catch (IOException e) {
            log("no watchdog: " + e.getMessage());
        }
    }

    private void stopWatchdog() {
        if (watchdog == null) {
            return;
        }
        try (OutputStream in = watchdog.getOutputStream()) {
            in.write("exit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            watchdog.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            watchdog.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long processGroup() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]); // state, ppid, pgrp
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void writeState() throws IOException {
        String state = "keeper.pid=" + ProcessHandle.current().pid() + "\n"
                + "control.port=" + control.getLocalPort() + "\n"
                + "owner.pid=" + owner.pid() + "\n"
                + "owner.start=" + owner.startMillis() + "\n";
        Path tmp = dir.resolve(STATE_FILE + ".tmp");
        Files.writeString(tmp, state);
        Files.move(tmp, dir.resolve(STATE_FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private String ownerName() {
        return (owner.maven() ? "build " : "test JVM ") + owner.pid();
    }

    private static void deleteQuietly(Path p) {
        try {
            Dirs.delete(p);
        } catch (RuntimeException e) {
            log("cannot delete " + p + ": " + e.getMessage());
        }
    }

    static void log(String message) {
        System.out.println(java.time.LocalTime.now() + " " + message);
    }

    /** A started server: {@code stop} ends its process, {@code restart} starts it again with the same port and data. */
    private record Running(int port, int managementPort, Runnable stop, Runnable restart, BooleanSupplier alive) {
    }

    /** One server: started on the first ENSURE, paused and resumed on request, stopped on STOP or at the end. */
    private final class Slot {
        private final String label;
        private final Supplier<Running> starter;
        private Running running;
        private boolean paused;

        Slot(String label, Supplier<Running> starter) {
            this.label = label;
            this.starter = starter;
        }

        synchronized String ensure(String module) {
            if (shutDown) {
                throw new InfraException("the keeper of " + ownerName() + " is shutting down");
            }
            boolean started = false;
            if (paused) {
                resume(); // a module never gets a server that an earlier module's test left paused
            }
            if (running != null && !running.alive().getAsBoolean()) {
                // died during an earlier module (crashed, or killed by a test): the next module gets a new one
                log(label + " on port " + running.port() + " is gone; starting a new one");
                stop();
            }
            if (running == null) {
                long t0 = System.nanoTime();
                log("starting " + label + " for " + module);
                running = starter.get();
                started = true;
                BuildConsole.line(owner, label + " started on 127.0.0.1:" + running.port() + " for " + ownerName()
                        + " in " + (System.nanoTime() - t0) / 100_000_000 / 10.0 + " s (first needed by " + module + ")");
            }
            return "OK started=" + started + " port=" + running.port() + " management=" + running.managementPort();
        }

        synchronized String stop() {
            if (running != null) {
                log("stopping " + label);
                try {
                    running.stop().run();
                } catch (RuntimeException e) {
                    log("stopping " + label + ": " + e.getMessage());
                }
                running = null;
            }
            paused = false;
            return "OK";
        }

        synchronized String pause() {
            if (running == null) {
                throw new InfraException(label + " is not running");
            }
            if (!paused) {
                log("pausing " + label + " on port " + running.port());
                running.stop().run();
                paused = true;
            }
            return "OK port=" + running.port();
        }

        synchronized String resume() {
            if (running == null) {
                throw new InfraException(label + " is not running");
            }
            if (paused) {
                long t0 = System.nanoTime();
                running.restart().run();
                paused = false;
                log(label + " resumed on port " + running.port() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
            return "OK port=" + running.port();
        }
    }
}
