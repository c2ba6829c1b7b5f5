package jp.telework.desk.deploy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.events.Topics;

/**
 * The two scripts docker-compose.yml runs in containers, executed with bash against stand-ins for
 * psql and kafka-topics.sh that record what they are asked: the databases and topics compose
 * configures are the ones created, with the options given, and bad input stops the script.
 */
class ContainerScriptsTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void bash() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is needed to run the scripts");
    }

    record Run(int exit, String output, String log) {
    }

    private static Run run(String script, Map<String, String> env, Path stubDir) throws Exception {
        Path log = stubDir.resolve("calls.log");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("bash", Repo.path(script).toString()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", stubDir.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().put("CALLS", log.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.exists(log) ? Files.readString(log) : "");
    }

    /** A stub command that appends its arguments (and its stdin) to $CALLS. */
    private static void stub(Path bin, String name) throws IOException {
        Files.createDirectories(bin);
        Path file = bin.resolve(name);
        Files.writeString(file, """
                #!/usr/bin/env bash
                { printf 'CALL'; printf ' %s' "$@"; printf '\\n'; if [[ ! -t 0 ]]; then cat; fi; printf 'END\\n'; } >> "$CALLS"
                """.replace("if [[ ! -t 0 ]]; then cat; fi", name.equals("psql") ? "cat" : "true"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theScriptsAreExecutable() {
        // the postgres entrypoint executes an executable *.sh (and only sources one that is not)
        for (String script : List.of("docker/postgres/init-databases.sh", "docker/kafka/create-topics.sh")) {
            assertTrue(Files.isExecutable(Repo.path(script)), script);
            assertTrue(Repo.read(script).startsWith("#!/usr/bin/env bash\n"), script);
        }
    }

    @Test
    void initDatabasesCreatesOneRoleAndDatabasePerNameWithItsPassword() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pg"));
        stub(dir.resolve("bin"), "psql");
        Map<String, String> env = ComposeCrossReferenceTest.COMPOSE.environment("postgres");
        Run ok = run("docker/postgres/init-databases.sh", env, dir);
        assertEquals(0, ok.exit(), ok.output());
        List<String> calls = Arrays.stream(ok.log().split("END\n")).filter(s -> !s.isBlank()).toList();
        List<String> databases = Arrays.asList(env.get("TELEWORK_DATABASES").split("\\s+"));
        assertEquals(databases.size(), calls.size());
        for (int i = 0; i < databases.size(); i++) {
            String db = databases.get(i);
            String call = calls.get(i);
            assertTrue(call.contains(" -v ON_ERROR_STOP=1 "), call);
            assertTrue(call.contains(" -v db=" + db + " "), call);
            assertTrue(call.contains(" -v pw=" + env.get(db.toUpperCase() + "_DB_PASSWORD") + "\n"), call);
            assertTrue(call.contains("CREATE ROLE :\"db\" LOGIN PASSWORD :'pw';"), call);
            assertTrue(call.contains("CREATE DATABASE :\"db\" OWNER :\"db\";"), call);
            assertTrue(call.contains("REVOKE ALL ON DATABASE :\"db\" FROM PUBLIC;"), call);
        }
    }

    @Test
    void initDatabasesStopsOnAMissingPasswordOrABadName() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pg-bad"));
        stub(dir.resolve("bin"), "psql");
        Run missing = run("docker/postgres/init-databases.sh",
                Map.of("POSTGRES_USER", "postgres", "TELEWORK_DATABASES", "seminars"), dir);
        assertNotEquals(0, missing.exit());
        assertTrue(missing.output().contains("SEMINARS_DB_PASSWORD"), missing.output());
        Run bad = run("docker/postgres/init-databases.sh", Map.of("POSTGRES_USER", "postgres",
                "TELEWORK_DATABASES", "x;drop", "X;DROP_DB_PASSWORD", "p"), dir);
        assertNotEquals(0, bad.exit());
        assertEquals("", bad.log(), "nothing reached psql");
    }

    @Test
    void createTopicsCreatesEveryTopicAndItsDeadLetterTwinIdempotently() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("kafka"));
        stub(dir.resolve("kafka/bin"), "kafka-topics.sh");
        Map<String, String> env = new java.util.HashMap<>(ComposeCrossReferenceTest.COMPOSE.environment("kafka-init"));
        env.put("KAFKA_HOME", dir.resolve("kafka").toString());
        Run ok = run("docker/kafka/create-topics.sh", env, dir);
        assertEquals(0, ok.exit(), ok.output());
        List<String> creates = ok.log().lines().filter(l -> l.contains("--create")).toList();
        TreeSet<String> created = new TreeSet<>();
        for (String call : creates) {
            assertTrue(call.contains("--bootstrap-server " + env.get("BOOTSTRAP_SERVER")), call);
            assertTrue(call.contains("--if-not-exists"), call);
            String topic = call.replaceAll(".*--topic (\\S+).*", "$1");
            created.add(topic);
            boolean dlq = topic.endsWith(".dlq");
            assertTrue(call.contains("--partitions " + (dlq ? "1" : env.get("TOPIC_PARTITIONS"))), call);
            assertTrue(call.contains("retention.ms=" + (dlq ? env.get("DLQ_RETENTION_MS") : env.get("TOPIC_RETENTION_MS"))),
                    call);
        }
        assertEquals(new TreeSet<>(Topics.all()), created);
        Run missing = run("docker/kafka/create-topics.sh", Map.of("KAFKA_HOME", dir.resolve("kafka").toString()), dir);
        assertNotEquals(0, missing.exit(), "stops without its configuration");
    }
}
