package jp.telework.desk.infra.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.Dirs;
import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.Java;
import jp.telework.desk.infra.KeycloakTokens;
import jp.telework.desk.infra.Ports;
import jp.telework.desk.infra.test.Jwt;

/**
 * The shared servers of a build, with a throwaway process ({@code sleep}) playing the build's Maven
 * JVM: one keeper per build, one server per kind, a clean slate for every module that claims one,
 * and nothing left running once the "build" is gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedInfraTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root = Dirs.testWorkDir("shared-infra-test").resolve("root");
    private Path console;
    private Process build;
    private BuildOwner owner;
    private SharedInfra infra;

    @BeforeAll
    void fakeBuild() throws IOException {
        Dirs.delete(root.getParent());
        Dirs.create(root);
        console = root.getParent().resolve("maven-console.log");
        // like a terminal or `| tee`: the console accepts appended lines
        build = new ProcessBuilder("sleep", "900").redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile())).start();
        owner = BuildOwner.of(build.pid(), BuildOwner.startMillis(build.toHandle()));
    }

    @AfterAll
    void endBuild() throws InterruptedException {
        build.destroyForcibly();
        build.waitFor(10, TimeUnit.SECONDS);
        if (infra != null) {
            ProcessHandle.of(infra.keeperPid()).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    @Order(1)
    void testJvmsOfOneBuildStartOneKeeperBetweenThem() throws Exception {
        List<Process> jvms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jvms.add(new ProcessBuilder(Java.executable(), "-cp", System.getProperty("java.class.path"),
                    ConnectMain.class.getName(), Long.toString(owner.pid()), Long.toString(owner.startMillis()), root.toString())
                    .redirectErrorStream(true).start());
        }
        Set<String> keepers = new java.util.HashSet<>();
        for (Process p : jvms) {
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(90, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            Matcher m = Pattern.compile("keeper=(\\d+)").matcher(out);
            assertTrue(m.find(), out);
            keepers.add(m.group(1));
        }
        assertEquals(1, keepers.size(), "three test JVMs started to claim at once, one keeper: " + keepers);
        infra = SharedInfra.connect(owner, root);
        assertEquals(keepers.iterator().next(), Long.toString(infra.keeperPid()));
        long keeperProcesses = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(Keeper.class.getName() + " " + owner.pid()))
                .count();
        assertEquals(1, keeperProcesses);
    }

    @Test
    @Order(2)
    void twoClaimsInOneBuildShareOneServer() throws Exception {
        SharedInfra.Server first = infra.ensure("postgres");
        SharedInfra.Server second = SharedInfra.connect(owner, root).ensure("postgres");
        assertTrue(first.started());
        assertFalse(second.started());
        assertEquals(first.port(), second.port());
        List<String> lines = Files.readAllLines(console);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("[test-infra] PostgreSQL started on 127.0.0.1:" + first.port()
                + " for build " + owner.pid())).count(), "the build's console: " + lines);
    }

    @Test
    @Order(3)
    void aModuleGetsItsDatabaseEmpty() throws Exception {
        int port = infra.ensure("postgres").port();
        Fresh.database(port, "module_db");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/module_db", "postgres", "")) {
            c.createStatement().execute("CREATE TABLE left_behind (v text); INSERT INTO left_behind VALUES ('earlier module')");
        }
        // a connection the earlier module did not close does not stop the re-creation
        try (Connection stale = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/module_db", "postgres", "")) {
            Fresh.database(port, "module_db");
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/module_db", "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    @Order(4)
    void aModuleSeesNoEventOfAnEarlierModule() throws Exception {
        SharedInfra.Server kafka = infra.ensure("kafka");
        String bootstrap = "127.0.0.1:" + kafka.port();
        Fresh.topics(bootstrap, Topics.all());
        // the earlier module: publishes, consumes with the service's fixed group, commits, leaves a stray topic
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONTACT_POINTS, "13", "earlier")).get();
            producer.send(new ProducerRecord<>("stray.topic", "k", "earlier")).get();
        }
        assertEquals(1, consume(bootstrap, "consultation-service", Duration.ofSeconds(20), 1).size());

        Fresh.topics(bootstrap, Topics.all());

        try (Admin admin = Admin.create(adminProps(bootstrap))) {
            assertEquals(Set.copyOf(Topics.all()), admin.listTopics().names().get());
            assertTrue(admin.listGroups().all().get().isEmpty(), "consumer groups deleted");
        }
        assertTrue(consume(bootstrap, "consultation-service", Duration.ofSeconds(4), 1).isEmpty(),
                "the next module's consumer (same group, earliest) got an earlier module's event");
    }

    @Test
    @Order(5)
    void aModuleGetsItsOwnCopyOfTheRealm() throws Exception {
        SharedInfra.Server kc = infra.ensure("keycloak");
        String base = "http://127.0.0.1:" + kc.port();
        String issuerA = Fresh.realm(base, "telework-module-a");
        assertEquals(base + "/realms/telework-module-a", issuerA);
        String token = new KeycloakTokens(issuerA).password("sme-a");
        assertEquals(issuerA, Jwt.claims(token).get("iss").asText());
        assertEquals("telework-api", audience(token));

        // module a changes its copy: sme-b disabled
        disableUser(base, "telework-module-a", "sme-b");
        assertThrows(InfraException.class, () -> new KeycloakTokens(issuerA).password("sme-b"));

        String issuerB = Fresh.realm(base, "telework-module-b");
        assertNotEquals(issuerA, issuerB);
        assertEquals(issuerB, Jwt.claims(new KeycloakTokens(issuerB).password("sme-b")).get("iss").asText(),
                "module b does not see module a's change");

        // module a's tests starting again get the realm as the repository file has it
        Fresh.realm(base, "telework-module-a");
        assertEquals(issuerA, Jwt.claims(new KeycloakTokens(issuerA).password("sme-b")).get("iss").asText());
        assertEquals(kc.port(), infra.ensure("keycloak").port());
        assertFalse(infra.ensure("keycloak").started());
    }

    @Test
    @Order(6)
    void aPausedServerComesBackOnItsPortWithItsData() throws Exception {
        // Kafka: a record written before the outage is there after it; ENSURE by a later module resumes it
        String bootstrap = "127.0.0.1:" + infra.ensure("kafka").port();
        Fresh.topics(bootstrap, Topics.all());
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONTACT_POINTS, "13", "before the outage")).get();
        }
        infra.pause("kafka");
        int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        assertThrows(java.net.ConnectException.class, () -> new java.net.Socket("127.0.0.1", kafkaPort).close(),
                "a paused broker does not listen");
        SharedInfra.Server back = infra.ensure("kafka");
        assertFalse(back.started(), "resumed, not a new broker");
        assertEquals(bootstrap, "127.0.0.1:" + back.port());
        assertEquals(List.of("before the outage"), consume(bootstrap, "after-outage", Duration.ofSeconds(20), 1));

        // Keycloak: the realm copy imported before the outage still logs users in after RESUME
        SharedInfra.Server kc = infra.ensure("keycloak");
        String issuer = Fresh.realm("http://127.0.0.1:" + kc.port(), "telework-module-c");
        infra.pause("keycloak");
        assertThrows(InfraException.class, () -> new KeycloakTokens(issuer).password("sme-a"));
        infra.resume("keycloak");
        assertEquals(issuer, Jwt.claims(new KeycloakTokens(issuer).password("sme-a")).get("iss").asText());
        assertEquals(kc.port(), infra.ensure("keycloak").port());
    }

    @Test
    @Order(9)
    void whenTheBuildEndsTheKeeperStopsEveryServerAndRemovesItsState() throws Exception {
        List<Integer> ports = List.of(infra.ensure("postgres").port(), infra.ensure("kafka").port(), infra.ensure("keycloak").port());
        ProcessHandle keeper = ProcessHandle.of(infra.keeperPid()).orElseThrow();
        List<ProcessHandle> servers = keeper.descendants().toList();
        assertTrue(servers.size() >= 3, "postgres, kafka and keycloak run under the keeper: " + servers);
        Path dir = infra.dir();
        assertTrue(Files.exists(dir.resolve(Keeper.STATE_FILE)));

        build.destroyForcibly(); // the "Maven" process is killed outright
        build.waitFor(10, TimeUnit.SECONDS);

        assertTrue(BuildOwner.awaitGone(keeper.pid(), Duration.ofSeconds(120)), "the keeper outlived the build");
        for (ProcessHandle server : servers) {
            assertTrue(waitDead(server, Duration.ofSeconds(10)), "still running: " + server.info());
        }
        for (int port : ports) {
            assertTrue(Ports.isFree(port), "port " + port + " still taken");
        }
        assertFalse(Files.exists(dir.resolve(Keeper.STATE_FILE)));
        assertFalse(Files.exists(dir.resolve("postgres/data")));
        assertFalse(Files.exists(dir.resolve("kafka/data")));
        assertTrue(Files.exists(dir.resolve("logs/keeper.log")), "logs are kept for a look after the build");
    }

    @Test
    @Order(10)
    void aKilledKeeperTakesItsServersWithIt() throws Exception {
        Process otherBuild = new ProcessBuilder("sleep", "900").start();
        try {
            BuildOwner other = BuildOwner.of(otherBuild.pid(), BuildOwner.startMillis(otherBuild.toHandle()));
            SharedInfra infra2 = SharedInfra.connect(other, root);
            int port = infra2.ensure("postgres").port();
            ProcessHandle keeper = ProcessHandle.of(infra2.keeperPid()).orElseThrow();
            List<ProcessHandle> servers = keeper.descendants().toList();
            assertFalse(servers.isEmpty());

            keeper.destroyForcibly(); // SIGKILL: no shutdown hook runs, only the watchdog is left
            assertTrue(BuildOwner.awaitGone(keeper.pid(), Duration.ofSeconds(10)));
            for (ProcessHandle server : servers) {
                assertTrue(waitDead(server, Duration.ofSeconds(15)), "orphan: " + server.info());
            }
            assertTrue(Ports.isFree(port));
            assertFalse(infra2.keeperAlive());
        } finally {
            otherBuild.destroyForcibly();
            otherBuild.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(11)
    void aLineIsNotWrittenIntoAFileMavenWouldOverwrite() throws Exception {
        Path file = root.getParent().resolve("truncated-console.log");
        Process p = new ProcessBuilder("sleep", "60").redirectOutput(ProcessBuilder.Redirect.to(file.toFile())).start();
        Path appended = root.getParent().resolve("appended-console.log");
        Process q = new ProcessBuilder("sleep", "60").redirectOutput(ProcessBuilder.Redirect.appendTo(appended.toFile())).start();
        try {
            BuildConsole.line(BuildOwner.of(p.pid(), 0), "hello");
            BuildConsole.line(BuildOwner.of(q.pid(), 0), "hello");
            assertEquals("", Files.readString(file));
            assertEquals("[test-infra] hello\n", Files.readString(appended));
        } finally {
            p.destroyForcibly();
            q.destroyForcibly();
        }
    }

    private static boolean waitDead(ProcessHandle p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive() || BuildOwner.zombie(p.pid())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static Properties adminProps(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    private static List<String> consume(String bootstrap, String group, Duration duration, int enough) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTACT_POINTS));
            long deadline = System.nanoTime() + duration.toNanos();
            while (values.size() < enough && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
            }
            consumer.commitSync();
        }
        return values;
    }

    private static String audience(String token) {
        var aud = Jwt.claims(token).get("aud");
        return aud.isArray() ? (aud.toString().contains("telework-api") ? "telework-api" : aud.toString()) : aud.asText();
    }

    private static void disableUser(String base, String realm, String username) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + Fresh.ADMIN_USER + "&password=" + Fresh.ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        var users = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + realm
                + "/users?exact=true&username=" + username)).header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String id = users.get(0).get("id").asText();
        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + realm + "/users/" + id))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals(204, status);
    }
}
