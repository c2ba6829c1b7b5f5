package jp.telework.desk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.Java;
import jp.telework.desk.infra.ManagedProcess;

/**
 * {@code bench/run.sh}: starts the Docker-free stack on its own ports, runs the six scenarios side
 * by side and writes bench/results/latest.json and latest.md (and the README's results section).
 */
public final class Bench {
    /** Settings run.sh exports for the services (inherited by the processes the stack starts). */
    static final List<String> REQUIRED_ENV = List.of("TELEWORK_RATE_LIMITS_PUBLIC_READ_REQUESTS", "TELEWORK_RATE_LIMITS_API_REQUESTS",
            "CONSULTATION_MAX_OPEN_BOOKINGS_PER_ORGANIZATION", "TELEWORK_AVAILABILITY_HORIZON_WEEKS");

    private Bench() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        int exit = 0;
        try {
            Options opt = Options.parse(args);
            Java.requireMinimum();
            Path repo = Path.of(System.getProperty("bench.repository", ".")).toAbsolutePath().normalize();
            Path benchDir = repo.resolve("bench");
            Path work = benchDir.resolve("target/work");
            Path resultsDir = opt.quick ? benchDir.resolve("target/results-quick") : benchDir.resolve("results");
            Path profiles = resultsDir.resolve("profiles");
            checkPrerequisites(repo);
            for (String sub : List.of("wrk", "pgbench", "nginx", "lua")) {
                Dirs.delete(work.resolve(sub));
            }
            Dirs.delete(profiles);
            Dirs.create(profiles);
            for (Path p : List.of(work.resolve("wrk"))) {
                Dirs.create(p);
            }
            Results results = new Results();
            describeMachine(results, repo, opt);
            int offset = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT_OFFSET", "20000"));
            int[] breakerWaits = {0};
            try (BenchStack stack = new BenchStack(repo, work, offset)) {
                Log.section("starting the stack (PostgreSQL, Kafka, Keycloak, 4 services) on ports +" + offset);
                stack.start();
                Footprint footprint = new Footprint();
                BenchStack.sleep(3000); // let start-up work (Flyway, first Kafka polls) finish before the idle reading
                footprint.recordIdle(stack);
                Accounts accounts = new Accounts(stack);
                Setup setup = new Setup();
                setup.run(stack, accounts, results);
                // the services' consumers work through the set-up's slot events for a while (one transaction each)
                stack.settle(Duration.ofSeconds(300));
                double[] a = Proc.machineCpuSeconds();
                BenchStack.sleep(3000);
                double[] b = Proc.machineCpuSeconds();
                double background = 100.0 * (b[0] - a[0]) / Math.max(0.001, b[1] - a[1]);
                double steal = 100.0 * (b[2] - a[2]) / Math.max(0.001, b[1] - a[1]);
                results.root.with("machine").put("busyPercentWithStackIdle", Results.round(background, 1));
                results.root.with("machine").put("stealPercentWithStackIdle", Results.round(steal, 1));
                results.header(String.format("Machine busy while the stack idled before the scenarios: %.1f %% (anything else running "
                        + "on the machine would show here); CPU time taken by the hypervisor (steal) meanwhile: %.0f %%.", background, steal));
                Log.info(String.format("machine busy with the stack idle: %.1f %%", background));
                Profiler profiler = new Profiler(profiles);

                if (opt.runs("1")) {
                    new GatewayOverhead().run(stack, opt, results, profiler);
                    stack.settle(Duration.ofSeconds(30));
                }
                Growth growth = new Growth(results);
                if (opt.runs("5")) {
                    Log.section("scenario 5b: growth, part 1 (" + opt.growthSmall + " bookings in the table)");
                    Wrk wrk = new Wrk(work);
                    BookingWritePath.book(wrk, stack, "s5-warmup", stack.url("consultation-service"), BookingWritePath.rotate(setup.httpSlots, 3),
                            accounts.smeTokens(), opt.growthConnections, Duration.ofSeconds(5));
                    stack.settle(Duration.ofSeconds(60));
                    Growth.fill(stack, opt.growthSmall);
                    stack.settle(Duration.ofSeconds(30));
                    growth.measure(stack, accounts, setup, opt, "10k", 500, profiles);
                    stack.settle(Duration.ofSeconds(60));
                }
                if (opt.runs("2")) {
                    new BookingWritePath().run(stack, accounts, setup, opt, results, profiler);
                }
                if (opt.runs("3")) {
                    new Contention().run(stack, accounts, opt, results, profiler);
                }
                if (opt.runs("4")) {
                    new EventPropagation().run(stack, accounts, opt, results);
                    stack.settle(Duration.ofSeconds(30));
                }
                if (opt.runs("6")) {
                    // the goal of one instance, from scenario 4 (or the same Kafka measurement when it did not run)
                    double goal = results.root.with("scenarios").path("eventPropagation").path("goalMsWithoutPoll").asDouble(Double.NaN);
                    if (Double.isNaN(goal)) {
                        goal = 5 * new EventPropagation().kafkaEndToEnd(stack, opt).p99();
                    }
                    new Replicas().run(stack, accounts, opt, results, goal);
                    stack.settle(Duration.ofSeconds(30));
                }
                if (opt.runs("5")) {
                    Log.section("scenario 5b: growth, part 2 (" + opt.growthLarge + " bookings in the table)");
                    double fillS = Growth.fill(stack, opt.growthLarge);
                    results.root.with("scenarios").with("growth").put("bulkInsertS", Results.round(fillS, 1));
                    stack.settle(Duration.ofSeconds(60));
                    growth.measure(stack, accounts, setup, opt, "1m", 9000, profiles);
                    footprint.finish(stack, results);
                }
                breakerWaits[0] = stack.breakerWaits;
                if (stack.breakerWaits > 0) {
                    results.detail("### Note: the gateway's circuit breaker\n\nAfter " + stack.breakerWaits + " load runs the gateway "
                            + "refused requests for a while (503, breaker open), because requests cut off by a client that goes away "
                            + "(wrk stops its connections at the end of a run) count as upstream failures. The harness waited each "
                            + "time until a request passed again before the next run, so no measured run started against an open "
                            + "breaker; measured runs that ended with such refusals show them as errors.\n");
                }
                if (opt.holdSeconds > 0) {
                    Log.info("holding the stack for " + opt.holdSeconds + " s: gateway " + stack.gateway() + ", PostgreSQL port "
                            + stack.postgresPort());
                    BenchStack.sleep(opt.holdSeconds * 1000L);
                }
            }
            double minutes = (System.nanoTime() - started) / 60e9;
            results.root.put("runMinutes", Results.round(minutes, 1));
            results.root.put("gatewayBreakerWaits", breakerWaits[0]);
            results.header(String.format("Whole run: %.1f min.", minutes));
            results.write(resultsDir);
            if (!opt.quick) {
                results.updateReadme(benchDir.resolve("README.md"));
            }
            Log.section(String.format("done in %.1f min: %s", minutes, resultsDir.resolve("latest.md")));
        } catch (BenchException | InfraException e) {
            System.err.println();
            System.err.println("BENCH FAILED: " + e.getMessage());
            exit = 1;
        } catch (RuntimeException e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            ManagedProcess.stopAll();
        }
        System.exit(exit);
    }

    static void checkPrerequisites(Path repo) {
        StringBuilder missing = new StringBuilder();
        for (String[] tool : new String[][] {{"wrk", "apt-get install wrk"}, {"nginx", "apt-get install nginx-light (or nginx)"},
                {"pgbench", "apt-get install postgresql-contrib"}}) {
            if (Cmd.which(tool[0]) == null) {
                missing.append("\n  - ").append(tool[0]).append(" (Debian: ").append(tool[1]).append(")");
            }
        }
        for (String jdkTool : List.of("jcmd", "jfr")) {
            if (!Files.isExecutable(Path.of(Profiler.tool(jdkTool)))) {
                missing.append("\n  - ").append(jdkTool).append(" of the JDK at ").append(Java.home()).append(" (a full JDK is needed)");
            }
        }
        for (String service : BenchStack.SERVICES) {
            if (!Files.isRegularFile(repo.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"))) {
                missing.append("\n  - ").append(service).append(" is not packaged (./mvnw -B install -DskipTests)");
            }
        }
        for (String variable : REQUIRED_ENV) {
            if (System.getenv(variable) == null) {
                missing.append("\n  - environment variable ").append(variable).append(" (start the benchmark with bench/run.sh)");
            }
        }
        if (!missing.isEmpty()) {
            throw new BenchException("prerequisites missing (nothing is installed automatically):" + missing);
        }
    }

    private static void describeMachine(Results results, Path repo, Options opt) {
        ObjectNode m = results.root.putObject("machine");
        int cores = Runtime.getRuntime().availableProcessors();
        String os = osName();
        m.put("cores", cores);
        m.put("cpu", Proc.cpuModel());
        m.put("memoryMib", Proc.memTotalMib());
        m.put("os", os);
        m.put("kernel", System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("wrk", firstLine(List.of(Cmd.which("wrk").toString(), "-v")));
        m.put("nginx", firstLine(List.of(Cmd.which("nginx").toString(), "-v")));
        m.put("pgbench", firstLine(List.of(Cmd.which("pgbench").toString(), "--version")));
        m.put("postgresServer", "PostgreSQL 18.6 (zonky binaries), fsync on (durable local-stack settings)");
        m.put("kafka", "Apache Kafka 4.1.1, single KRaft node");
        String commit = firstLine(List.of("git", "-C", repo.toString(), "rev-parse", "--short", "HEAD"));
        results.root.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        results.root.put("commit", commit);
        String dirty = firstLines(List.of("git", "-C", repo.toString(), "status", "--porcelain")).lines()
                .map(l -> l.length() > 3 ? l.substring(3) : l).map(p -> p.contains("/") ? p.substring(0, p.indexOf('/')) : p)
                .filter(p -> !p.equals("bench")).distinct().sorted().reduce((x, y) -> x + ", " + y).orElse("");
        results.root.put("uncommittedChangesIn", dirty);
        ObjectNode jars = results.root.putObject("serviceJarsBuilt");
        for (String service : BenchStack.SERVICES) {
            try {
                jars.put(service, Files.getLastModifiedTime(repo.resolve(service).resolve("target/quarkus-app/app"))
                        .toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
            } catch (IOException e) {
                jars.put(service, "?");
            }
        }
        results.root.put("quick", opt.quick);
        ObjectNode env = results.root.putObject("serviceSettings");
        for (String variable : List.of("TELEWORK_RATE_LIMITS_PUBLIC_READ_REQUESTS", "TELEWORK_RATE_LIMITS_API_REQUESTS",
                "TELEWORK_RATE_LIMITS_STATISTICS_REQUESTS", "CONSULTATION_MAX_OPEN_BOOKINGS_PER_ORGANIZATION",
                "TELEWORK_AVAILABILITY_HORIZON_WEEKS")) {
            env.put(variable, System.getenv(variable));
        }
        results.header(String.format("**Latest run: %s** (commit `%s`" + (dirty.isEmpty() ? "" : ", uncommitted changes in " + dirty)
                + "%s) on %d cores (%s), %d GiB RAM, %s, %s. "
                + "Everything (load generators included) shares these %d cores, on 127.0.0.1.", results.root.get("date").asText(),
                commit, opt.quick ? ", QUICK MODE: not for figures" : "", cores, m.get("cpu").asText(), Proc.memTotalMib() / 1024, os,
                m.get("java").asText(), cores));
        results.header("Tools: " + m.get("wrk").asText() + "; " + m.get("nginx").asText() + "; " + m.get("pgbench").asText() + "; "
                + m.get("postgresServer").asText() + "; " + m.get("kafka").asText() + ".");
    }

    private static String firstLines(List<String> command) {
        try {
            Path log = Files.createTempFile("bench-cmd", ".txt");
            try {
                return Cmd.run(command, Map.of(), log, Duration.ofSeconds(20)).output();
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException | BenchException e) {
            return "";
        }
    }

    private static String firstLine(List<String> command) {
        try {
            Path log = Files.createTempFile("bench-cmd", ".txt");
            try {
                Cmd.Result r = Cmd.run(command, Map.of(), log, Duration.ofSeconds(20));
                return r.output().lines().filter(l -> !l.isBlank()).findFirst().orElse("?").trim();
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException | BenchException e) {
            return "?";
        }
    }

    private static String osName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).findFirst().orElse("Linux");
        } catch (IOException e) {
            return "Linux";
        }
    }
}
