package jp.telework.desk.deploy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import jp.telework.desk.deploy.support.Json;
import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.deploy.support.ServiceConfig;
import jp.telework.desk.deploy.support.Yaml;
import jp.telework.desk.events.Topics;

/** docker-compose.yml against itself, the services' configuration, the repository and the build. */
class ComposeCrossReferenceTest {

    static final ComposeFile COMPOSE = ComposeFile.load("docker-compose.yml");
    static final Set<String> PUBLISHED = Set.of("gateway", "keycloak");

    @Test
    void everyContainerHasAHealthcheckAndEveryDependencyWaitsForHealthOrCompletion() {
        List<String> problems = DependencyRules.check(COMPOSE.effective());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theDependencyRulesCanFail() {
        ObjectNode broken = COMPOSE.effective().deepCopy();
        ((ObjectNode) broken.at("/services/keycloak")).remove("healthcheck");
        assertTrue(DependencyRules.check(broken).stream().anyMatch(p -> p.contains("keycloak")));

        broken = COMPOSE.effective().deepCopy();
        ((ObjectNode) broken.at("/services/gateway/depends_on/keycloak")).put("condition", "service_started");
        assertTrue(DependencyRules.check(broken).stream().anyMatch(p -> p.contains("service_started")));

        broken = COMPOSE.effective().deepCopy();
        ((ObjectNode) broken.at("/services/gateway/depends_on")).putObject("redis").put("condition", "service_healthy");
        assertTrue(DependencyRules.check(broken).stream().anyMatch(p -> p.contains("redis")));

        broken = COMPOSE.effective().deepCopy();
        ((ObjectNode) broken.at("/services/postgres")).putObject("depends_on").putObject("gateway")
                .put("condition", "service_healthy");
        assertTrue(DependencyRules.check(broken).stream().anyMatch(p -> p.contains("cycle")));
    }

    @Test
    void onlyTheGatewayAndKeycloakArePublishedAndOnlyOnLoopback() {
        for (String service : COMPOSE.serviceNames()) {
            JsonNode ports = COMPOSE.service(service).path("ports");
            if (!PUBLISHED.contains(service)) {
                assertTrue(ports.isMissingNode() || ports.isEmpty(), service + " publishes " + ports);
                continue;
            }
            assertEquals(1, ports.size(), service);
            JsonNode port = ports.get(0);
            assertTrue(port.isObject(), service + ": long port syntax");
            assertEquals("127.0.0.1", port.path("host_ip").asText(), service + " is published on loopback only");
            assertEquals(8080, port.path("target").asInt(), service);
        }
        assertEquals(8080, COMPOSE.service("gateway").at("/ports/0/published").asInt());
        assertEquals(8180, COMPOSE.service("keycloak").at("/ports/0/published").asInt(),
                "the local stack's Keycloak port");
        for (String service : COMPOSE.serviceNames()) {
            assertFalse(COMPOSE.service(service).has("network_mode"), service);
            assertFalse(COMPOSE.service(service).has("expose") && PUBLISHED.contains(service), service);
        }
    }

    @Test
    void theKafkaHostOverridePublishesTheBrokersHostListenerOnLoopback() {
        ComposeFile override = ComposeFile.load("docker/compose.kafka-host.yml");
        assertEquals(Set.of("kafka"), override.serviceNames());
        JsonNode port = override.service("kafka").at("/ports/0");
        assertEquals("127.0.0.1", port.path("host_ip").asText());
        String advertised = COMPOSE.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        assertTrue(advertised.contains("HOST://localhost:" + port.path("published").asInt()), advertised);
        assertTrue(COMPOSE.environment("kafka").get("KAFKA_LISTENERS").contains("HOST://:" + port.path("target").asInt()));
    }

    @Test
    void volumesAreNamedAndDeclaredAndBindMountsExistInTheRepository() {
        Set<String> declared = new TreeSet<>();
        COMPOSE.effective().path("volumes").fieldNames().forEachRemaining(declared::add);
        Set<String> used = new TreeSet<>();
        for (String service : COMPOSE.serviceNames()) {
            for (JsonNode v : COMPOSE.service(service).path("volumes")) {
                assertTrue(v.isObject(), service + ": long volume syntax");
                String type = v.path("type").asText();
                if ("volume".equals(type)) {
                    used.add(v.path("source").asText());
                } else {
                    assertEquals("bind", type, service);
                    String source = v.path("source").asText();
                    assertTrue(source.startsWith("./"), service + ": bind mounts are relative to the project: " + source);
                    assertTrue(Files.isRegularFile(Repo.path(source.substring(2))), service + ": " + source + " is missing");
                    assertTrue(v.path("read_only").asBoolean(), service + ": " + source + " is mounted read-only");
                }
            }
        }
        assertEquals(declared, used, "every named volume is used, every used one declared");
        assertEquals(Set.of("postgres-data", "kafka-data"), declared);
    }

    @Test
    void keycloakImportsTheRepositoryRealmAndServesHealth() throws Exception {
        JsonNode keycloak = COMPOSE.service("keycloak");
        List<String> command = Json.elements(keycloak.path("command")).stream().map(JsonNode::asText).toList();
        assertTrue(command.containsAll(List.of("start-dev", "--import-realm")), command.toString());
        JsonNode mount = Json.elements(keycloak.path("volumes")).stream()
                .filter(v -> v.path("target").asText().startsWith("/opt/keycloak/data/import/")).findFirst().orElseThrow();
        assertEquals("./keycloak/telework-realm.json", mount.path("source").asText());
        assertTrue(mount.path("target").asText().endsWith(".json"));
        Map<String, String> env = COMPOSE.environment("keycloak");
        assertEquals("true", env.get("KC_HEALTH_ENABLED"));
        String healthcheck = keycloak.at("/healthcheck/test").toString();
        assertTrue(healthcheck.contains("/dev/tcp/127.0.0.1/9000") && healthcheck.contains("/health/ready"),
                "Keycloak's health is on the management port: " + healthcheck);

        String realm = Json.MAPPER.readTree(Repo.read("keycloak/telework-realm.json")).path("realm").asText();
        String issuer = env.get("KC_HOSTNAME") + "/realms/" + realm;
        for (String service : Repo.SERVICES) {
            assertEquals(issuer, COMPOSE.environment(service).get("QUARKUS_OIDC_AUTH_SERVER_URL"),
                    service + " checks the issuer Keycloak puts in its tokens");
        }
        assertEquals("http://keycloak:8080", env.get("KC_HOSTNAME"));
        assertEquals(Repo.read("pom.xml").replaceAll("(?s).*<keycloak.version>([^<]+)</keycloak.version>.*", "$1"),
                keycloak.path("image").asText().replaceAll(".*:", ""), "the Keycloak version of the local stack");
    }

    @Test
    void everyServiceGetsTheVariablesItReadsAndNoOthers() {
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            problems.addAll(EnvironmentRules.check(service, COMPOSE));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theEnvironmentRulesCanFail() {
        ObjectNode broken = (ObjectNode) COMPOSE.raw().deepCopy();
        ((ObjectNode) broken.at("/services/seminar-service/environment")).remove("QUARKUS_DATASOURCE_PASSWORD");
        ((ObjectNode) broken.at("/services/seminar-service/environment")).put("QUARKUS_DATASOURCE_URL", "x");
        ((ObjectNode) broken.at("/services/seminar-service/environment"))
                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/consultations");
        ComposeFile mutated = ComposeFile.parse("mutated", Json.MAPPER.valueToTree(broken).toString());
        List<String> problems = EnvironmentRules.check("seminar-service", mutated);
        assertTrue(problems.stream().anyMatch(p -> p.contains("QUARKUS_DATASOURCE_PASSWORD")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("QUARKUS_DATASOURCE_URL")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("consultations")), problems.toString());
    }

    @Test
    void theServicesAreBuiltFromTheirDockerfilesAndTaggedAsTheBuildTagsThem() {
        for (String service : Repo.SERVICES) {
            JsonNode s = COMPOSE.service(service);
            assertEquals("./" + service, s.at("/build/context").asText(), service);
            assertEquals("src/main/docker/Dockerfile.jvm", s.at("/build/dockerfile").asText(), service);
            assertTrue(Files.isRegularFile(Repo.path(service + "/src/main/docker/Dockerfile.jvm")), service);
            assertEquals(Repo.image(service), s.path("image").asText(), service);
        }
    }

    @Test
    void theServicesRunHardened() {
        for (String service : Repo.SERVICES) {
            JsonNode s = COMPOSE.service(service);
            assertTrue(s.path("read_only").asBoolean(), service + " read-only root filesystem");
            assertTrue(Json.elements(s.path("tmpfs")).stream().anyMatch(t -> t.asText().startsWith("/tmp")), service);
            assertTrue(Json.elements(s.path("cap_drop")).stream().anyMatch(t -> "ALL".equals(t.asText())), service);
            assertTrue(Json.elements(s.path("security_opt")).stream()
                    .anyMatch(t -> t.asText().startsWith("no-new-privileges")), service);
            String check = s.at("/healthcheck/test").toString();
            assertTrue(check.contains("/dev/tcp/127.0.0.1/" + COMPOSE.environment(service).get("QUARKUS_MANAGEMENT_PORT"))
                    && check.contains("/q/health/ready"), service + ": " + check);
        }
    }

    @Test
    void postgresCreatesEveryDatabaseTheServicesAndKeycloakUse() {
        Map<String, String> pg = COMPOSE.rawEnvironment("postgres");
        Set<String> created = new TreeSet<>(Arrays.asList(COMPOSE.environment("postgres").get("TELEWORK_DATABASES")
                .split("\\s+")));
        Set<String> used = new TreeSet<>();
        for (String service : Repo.SERVICES) {
            Map<String, String> env = COMPOSE.rawEnvironment(service);
            if (!env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
                continue;
            }
            String db = ServiceConfig.databaseOf(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            used.add(db);
            assertEquals(db, env.get("QUARKUS_DATASOURCE_USERNAME"), service + ": the role is named like its database");
            assertEquals(pg.get(db.toUpperCase(java.util.Locale.ROOT) + "_DB_PASSWORD"),
                    env.get("QUARKUS_DATASOURCE_PASSWORD"), service + ": the password the init script gives the role");
            assertEquals("postgres", URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring(5)).getHost());
        }
        Map<String, String> kc = COMPOSE.rawEnvironment("keycloak");
        String kcDb = ServiceConfig.databaseOf(kc.get("KC_DB_URL"));
        used.add(kcDb);
        assertEquals(kcDb, kc.get("KC_DB_USERNAME"));
        assertEquals(pg.get("KEYCLOAK_DB_PASSWORD"), kc.get("KC_DB_PASSWORD"));
        assertEquals(used, created);

        String major = Repo.read("pom.xml").replaceAll("(?s).*<postgres.binaries.version>([0-9]+)\\..*", "$1");
        assertEquals("postgres:" + major, COMPOSE.service("postgres").path("image").asText(),
                "the PostgreSQL major version of the local stack and the tests");
        assertTrue(COMPOSE.service("postgres").at("/healthcheck/test").toString().contains("--host=127.0.0.1"),
                "healthy only after initialization (the init server listens on the socket only)");
    }

    @Test
    void kafkaRunsInKraftModeAndTheTopicsAreTheEventContracts() {
        Map<String, String> kafka = COMPOSE.environment("kafka");
        assertEquals("broker,controller", kafka.get("KAFKA_PROCESS_ROLES"));
        assertTrue(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS").startsWith(kafka.get("KAFKA_NODE_ID") + "@kafka:"));
        assertTrue(kafka.get("KAFKA_ADVERTISED_LISTENERS").contains("INTERNAL://kafka:9092"));
        assertEquals("false", kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        assertEquals(Repo.read("pom.xml").replaceAll("(?s).*<kafka.version>([^<]+)</kafka.version>.*", "$1"),
                COMPOSE.service("kafka").path("image").asText().replaceAll(".*:", ""),
                "the broker version of the build");
        for (String service : Repo.SERVICES) {
            if (ServiceConfig.of(service).usesKafka()) {
                assertEquals("kafka:9092", COMPOSE.environment(service).get("KAFKA_BOOTSTRAP_SERVERS"), service);
                assertEquals("service_completed_successfully", COMPOSE.dependsOn(service).get("kafka-init"),
                        service + " starts after the topics exist");
            }
        }
        Map<String, String> init = COMPOSE.environment("kafka-init");
        assertEquals(Topics.events(), List.of(init.get("TELEWORK_TOPICS").trim().split("\\s+")), "the event topics");
        assertEquals(new TreeSet<>(Topics.deadLetters()),
                new TreeSet<>(List.of(init.get("TELEWORK_DEAD_LETTER_TOPICS").trim().split("\\s+"))),
                "one dead-letter topic per consumer group and topic");
        assertEquals(COMPOSE.service("kafka").path("image"), COMPOSE.service("kafka-init").path("image"));
    }

    /** The rules for depends_on and healthchecks. */
    static final class DependencyRules {
        private DependencyRules() {
        }

        static List<String> check(JsonNode compose) {
            List<String> problems = new ArrayList<>();
            JsonNode services = compose.path("services");
            services.fields().forEachRemaining(e -> {
                String name = e.getKey();
                JsonNode s = e.getValue();
                boolean oneShot = "no".equals(s.path("restart").asText("no")) && !s.has("ports");
                JsonNode hc = s.path("healthcheck");
                if (!oneShot && (hc.isMissingNode() || hc.path("disable").asBoolean(false))) {
                    problems.add(name + " has no healthcheck");
                }
                JsonNode deps = s.path("depends_on");
                if (deps.isArray()) {
                    problems.add(name + ": depends_on without conditions only waits for the start");
                }
                deps.fields().forEachRemaining(d -> {
                    JsonNode target = services.path(d.getKey());
                    String condition = d.getValue().path("condition").asText();
                    if (target.isMissingNode()) {
                        problems.add(name + " depends on " + d.getKey() + ", which does not exist");
                    } else if ("service_healthy".equals(condition)) {
                        if (!target.has("healthcheck") || target.at("/healthcheck/disable").asBoolean(false)) {
                            problems.add(name + " waits for " + d.getKey() + " to be healthy, which has no healthcheck");
                        }
                    } else if ("service_completed_successfully".equals(condition)) {
                        if (!"no".equals(target.path("restart").asText("no"))) {
                            problems.add(name + " waits for " + d.getKey() + " to complete, which restarts");
                        }
                    } else {
                        problems.add(name + " -> " + d.getKey() + ": condition " + condition
                                + " (use service_healthy or service_completed_successfully)");
                    }
                });
            });
            // no cycles
            services.fieldNames().forEachRemaining(start -> {
                if (reaches(services, start, start, new HashSet<>())) {
                    problems.add("depends_on cycle through " + start);
                }
            });
            return problems;
        }

        private static boolean reaches(JsonNode services, String from, String target, Set<String> seen) {
            for (java.util.Iterator<String> it = services.path(from).path("depends_on").fieldNames(); it.hasNext(); ) {
                String next = it.next();
                if (next.equals(target)) {
                    return true;
                }
                if (seen.add(next) && reaches(services, next, target, seen)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What a service container must be given (see ServiceConfig), checked against a Compose file. */
    static final class EnvironmentRules {
        private EnvironmentRules() {
        }

        static List<String> check(String service, ComposeFile compose) {
            List<String> problems = new ArrayList<>();
            ServiceConfig config = ServiceConfig.of(service);
            Map<String, String> env = compose.environment(service);
            config.requiredVariables().forEach((variable, why) -> {
                if (env.get(variable) == null || env.get(variable).isBlank()) {
                    problems.add(service + ": " + variable + " is not set (" + why + ")");
                }
            });
            for (String variable : env.keySet()) {
                if (!config.knownVariables().contains(variable)) {
                    problems.add(service + ": sets " + variable + ", which the service does not read");
                }
            }
            env.forEach((variable, value) -> {
                // CORS origins and the public base URL name addresses as the user's browser or calendar sees them
                // (the published 127.0.0.1:8080), not as the container does
                if (value != null && ServiceConfig.pointsAtLoopback(value)
                        && !java.util.Set.of("QUARKUS_HTTP_CORS_ORIGINS", "TELEWORK_PUBLIC_BASE_URL").contains(variable)) {
                    problems.add(service + ": " + variable + "=" + value + " points at the container itself");
                }
            });
            if (!"0.0.0.0".equals(env.get("QUARKUS_HTTP_HOST"))) {
                problems.add(service + ": QUARKUS_HTTP_HOST must be 0.0.0.0");
            }
            if (!"8080".equals(env.get("QUARKUS_HTTP_PORT"))) {
                problems.add(service + ": QUARKUS_HTTP_PORT must be 8080");
            }
            if (!"0.0.0.0".equals(env.get("QUARKUS_MANAGEMENT_HOST")) || !"9000".equals(env.get("QUARKUS_MANAGEMENT_PORT"))) {
                problems.add(service + ": health and metrics must listen on 0.0.0.0:9000 (QUARKUS_MANAGEMENT_HOST/PORT)");
            }
            if (config.hasDatabase() && env.get("QUARKUS_DATASOURCE_JDBC_URL") != null) {
                String db = ServiceConfig.databaseOf(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
                if (!db.equals(config.databaseName())) {
                    problems.add(service + ": connects to database " + db + ", the service's is " + config.databaseName());
                }
            }
            for (String upstream : List.of("TELEWORK_UPSTREAMS_CONTACT_POINTS", "TELEWORK_UPSTREAMS_CONSULTATIONS",
                    "TELEWORK_UPSTREAMS_SEMINARS")) {
                if (env.containsKey(upstream)) {
                    String host = URI.create(env.get(upstream)).getHost();
                    if (!compose.serviceNames().contains(host)) {
                        problems.add(service + ": " + upstream + " names " + host + ", not a service of the file");
                    } else if (!compose.dependsOn(service).containsKey(host)) {
                        problems.add(service + ": does not wait for its upstream " + host);
                    }
                }
            }
            return problems;
        }
    }

    @Test
    void theComposeFileIsPlainYaml() {
        assertNotNull(Yaml.load(Repo.path("docker-compose.yml")));
        assertFalse(COMPOSE.raw().has("version"), "the obsolete top-level version key");
    }
}
