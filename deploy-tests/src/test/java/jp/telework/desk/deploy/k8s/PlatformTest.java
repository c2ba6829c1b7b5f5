package jp.telework.desk.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import jp.telework.desk.deploy.support.Json;
import jp.telework.desk.deploy.support.Overlays;
import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.deploy.support.ServiceConfig;
import jp.telework.desk.events.Topics;

/**
 * The stateful parts and the references between everything: Strimzi Kafka and topics, the
 * CloudNativePG cluster and databases, Keycloak, the routes, and the Secrets, for every overlay.
 */
class PlatformTest {

    // ---- Kafka ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaRunsInKraftModeWithNodePoolsAndTheTopicsOfTheEventContracts(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<Kafka> kafkas = m.of(Kafka.class);
        assertEquals(1, kafkas.size());
        Kafka kafka = kafkas.get(0);
        String cluster = kafka.getMetadata().getName();

        List<KafkaNodePool> pools = m.of(KafkaNodePool.class);
        assertFalse(pools.isEmpty(), "KafkaNodePools");
        Set<ProcessRoles> roles = new TreeSet<>();
        int brokers = 0;
        for (KafkaNodePool pool : pools) {
            assertEquals(cluster, pool.getMetadata().getLabels().get("strimzi.io/cluster"), "pool's cluster label");
            roles.addAll(pool.getSpec().getRoles());
            if (pool.getSpec().getRoles().contains(ProcessRoles.BROKER)) {
                brokers += pool.getSpec().getReplicas();
            }
        }
        assertEquals(Set.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER), roles, "KRaft: controllers and brokers");

        assertEquals(Repo.read("pom.xml").replaceAll("(?s).*<kafka.version>([^<]+)</kafka.version>.*", "$1"),
                kafka.getSpec().getKafka().getVersion(), "the broker version of the build (kafka.version)");

        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor")) {
            int rf = Integer.parseInt(String.valueOf(config.get(key)));
            assertTrue(rf <= brokers, key + " " + rf + " > " + brokers + " brokers");
        }
        assertEquals("false", String.valueOf(config.get("auto.create.topics.enable")), "topics are declared");

        Map<String, KafkaTopic> byTopic = m.of(KafkaTopic.class).stream().collect(Collectors.toMap(
                t -> t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName(),
                t -> t));
        assertEquals(new TreeSet<>(Topics.all()), new TreeSet<>(byTopic.keySet()), "the event contracts' topics");
        for (KafkaTopic topic : byTopic.values()) {
            String name = topic.getSpec().getTopicName();
            assertEquals(cluster, topic.getMetadata().getLabels().get("strimzi.io/cluster"), name);
            assertTrue(topic.getSpec().getPartitions() >= 1, name);
            assertTrue(topic.getSpec().getReplicas() <= brokers, name + " has more replicas than brokers");
            assertTrue(topic.getSpec().getConfig().containsKey("retention.ms"), name + " retention");
            int minIsr = Integer.parseInt(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")));
            if (m.isProd()) {
                assertTrue(topic.getSpec().getReplicas() >= 3, name + " replicas in prod");
                assertTrue(minIsr >= 2 && minIsr < topic.getSpec().getReplicas(),
                        name + ": min.insync.replicas must survive one broker down and still need two copies");
            }
        }
        if (m.isProd()) {
            assertTrue(brokers >= 3, "prod brokers " + brokers);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesBootstrapFromTheKafkaListenerTheyAreAllowedOn(String overlay) {
        Manifests m = Manifests.of(overlay);
        Kafka kafka = m.of(Kafka.class).get(0);
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst().orElseThrow();
        String expected = kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
        for (Deployment d : m.of(Deployment.class)) {
            ServiceConfig config = ServiceConfig.of(d.getMetadata().getName());
            ContainerEnvironment env = ContainerEnvironment.of(container(d), m);
            if (config.usesKafka()) {
                assertEquals(expected, env.value("KAFKA_BOOTSTRAP_SERVERS").orElse(null), d.getMetadata().getName());
                assertTrue(plain.getNetworkPolicyPeers().stream().anyMatch(peer ->
                        Manifests.selects(peer.getPodSelector(), d.getSpec().getTemplate().getMetadata().getLabels())),
                        d.getMetadata().getName() + " is not among the listener's networkPolicyPeers");
            } else {
                assertFalse(env.variables().containsKey("KAFKA_BOOTSTRAP_SERVERS"), d.getMetadata().getName());
            }
        }
    }

    // ---- PostgreSQL --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceWithADatabaseHasItsOwnDatabaseRoleAndSecret(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<JsonNode> clusters = m.raw("Cluster");
        assertEquals(1, clusters.size());
        JsonNode cluster = clusters.get(0);
        String clusterName = Json.text(cluster, "metadata/name");
        Map<String, String> rolePasswordSecrets = Json.elements(cluster.at("/spec/managed/roles")).stream()
                .collect(Collectors.toMap(r -> r.get("name").asText(), r -> r.at("/passwordSecret/name").asText()));
        Map<String, String> databaseOwners = m.raw("Database").stream()
                .peek(db -> assertEquals(clusterName, db.at("/spec/cluster/name").asText()))
                .collect(Collectors.toMap(db -> db.at("/spec/name").asText(), db -> db.at("/spec/owner").asText()));

        for (Deployment d : m.of(Deployment.class)) {
            String name = d.getMetadata().getName();
            ServiceConfig config = ServiceConfig.of(name);
            ContainerEnvironment env = ContainerEnvironment.of(container(d), m);
            if (!config.hasDatabase()) {
                assertFalse(env.variables().containsKey("QUARKUS_DATASOURCE_JDBC_URL"), name);
                continue;
            }
            String url = env.value("QUARKUS_DATASOURCE_JDBC_URL").orElseThrow();
            assertEquals(clusterName + "-rw", URI.create(url.substring("jdbc:".length())).getHost(),
                    name + " writes through the cluster's read-write Service");
            String database = config.databaseName();
            assertTrue(databaseOwners.containsKey(database), name + ": no Database " + database);
            String owner = databaseOwners.get(database);
            assertTrue(rolePasswordSecrets.containsKey(owner), name + ": no managed role " + owner);
            String secret = rolePasswordSecrets.get(owner);
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertEquals("Secret " + secret, env.variables().get(variable).source(),
                        name + ": " + variable + " comes from the role's Secret");
            }
            m.secret(secret).ifPresent(s -> assertEquals(owner, decoded(s, "username"),
                    name + ": the Secret's username is the role"));
        }
        JsonNode keycloak = m.raw("Keycloak").get(0);
        assertEquals(clusterName + "-rw", keycloak.at("/spec/db/host").asText());
        String keycloakOwner = databaseOwners.get(keycloak.at("/spec/db/database").asText());
        assertEquals(rolePasswordSecrets.get(keycloakOwner), keycloak.at("/spec/db/passwordSecret/name").asText());
        assertEquals(rolePasswordSecrets.get(keycloakOwner), keycloak.at("/spec/db/usernameSecret/name").asText());

        if (m.isProd()) {
            assertTrue(cluster.at("/spec/instances").asInt() >= 3, "prod PostgreSQL instances");
            assertTrue(cluster.at("/spec/enablePDB").asBoolean(true), "prod keeps the PDB");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theConnectionPoolsOfEveryPodTheHpasMayRunFitIntoMaxConnections(String overlay) {
        Manifests m = Manifests.of(overlay);
        int needed = 0;
        List<String> terms = new ArrayList<>();
        for (Deployment d : m.of(Deployment.class)) {
            String name = d.getMetadata().getName();
            ServiceConfig config = ServiceConfig.of(name);
            if (!config.hasDatabase()) {
                continue;
            }
            int pool = ContainerEnvironment.of(container(d), m).value("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")
                    .map(Integer::parseInt)
                    .orElse(Integer.parseInt(config.properties().getOrDefault("quarkus.datasource.jdbc.max-size", "20")));
            int pods = m.named(HorizontalPodAutoscaler.class, name).orElseThrow().getSpec().getMaxReplicas();
            needed += pods * pool;
            terms.add(name + " " + pods + "x" + pool);
        }
        JsonNode keycloak = m.raw("Keycloak").get(0);
        int keycloakPods = keycloak.at("/spec/instances").asInt(1);
        int keycloakPool = keycloak.at("/spec/db/poolMaxSize").asInt(100);
        needed += keycloakPods * keycloakPool;
        terms.add("keycloak " + keycloakPods + "x" + keycloakPool);
        int reserve = 20; // superuser_reserved_connections, replication, the operator's own connections
        int max = Integer.parseInt(m.raw("Cluster").get(0).at("/spec/postgresql/parameters/max_connections").asText());
        assertTrue(needed + reserve <= max, terms + " + " + reserve + " = " + (needed + reserve) + " > " + max);
    }

    // ---- Keycloak and routes ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceValidatesTokensOfTheKeycloakAndRealmDeployedHere(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<JsonNode> keycloaks = m.raw("Keycloak");
        assertEquals(1, keycloaks.size());
        JsonNode keycloak = keycloaks.get(0);
        String name = Json.text(keycloak, "metadata/name");
        JsonNode realmImport = m.raw("KeycloakRealmImport").get(0);
        assertEquals(name, realmImport.at("/spec/keycloakCRName").asText());
        String realm = realmImport.at("/spec/realm/realm").asText();
        assertTrue(keycloak.at("/spec/http/httpEnabled").asBoolean(), "plain HTTP inside the cluster");
        int port = keycloak.at("/spec/http/httpPort").asInt(8080);
        // the operator names Keycloak's Service <name>-service
        String expected = "http://" + name + "-service:" + port + "/realms/" + realm;
        for (Deployment d : m.of(Deployment.class)) {
            assertEquals(expected, ContainerEnvironment.of(container(d), m).value("QUARKUS_OIDC_AUTH_SERVER_URL")
                    .orElse(null), d.getMetadata().getName());
        }
        assertTrue(keycloak.at("/spec/hostname/backchannelDynamic").asBoolean(),
                "internal discovery must name internal key URLs while the issuer stays public");
        String publicHost = URI.create(keycloak.at("/spec/hostname/hostname").asText()).getHost();
        HTTPRoute auth = m.of(HTTPRoute.class).stream()
                .filter(r -> r.getSpec().getRules().stream().flatMap(rule -> rule.getBackendRefs().stream())
                        .anyMatch(b -> (name + "-service").equals(b.getName())))
                .findFirst().orElseThrow();
        assertEquals(List.of(publicHost), auth.getSpec().getHostnames(), "Keycloak's public hostname is routed");
        if (m.isProd()) {
            assertTrue(keycloak.at("/spec/instances").asInt() >= 2, "prod Keycloak instances");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void routesReachExistingServicesAndExposeNoInternalEndpoints(String overlay) {
        Manifests m = Manifests.of(overlay);
        List<HTTPRoute> routes = m.of(HTTPRoute.class);
        assertEquals(2, routes.size());
        String keycloakService = Json.text(m.raw("Keycloak").get(0), "metadata/name") + "-service";
        for (HTTPRoute route : routes) {
            assertFalse(route.getSpec().getParentRefs().isEmpty(), route.getMetadata().getName());
            assertFalse(route.getSpec().getHostnames().isEmpty(), route.getMetadata().getName());
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                for (HTTPBackendRef backend : rule.getBackendRefs()) {
                    if (keycloakService.equals(backend.getName())) {
                        assertEquals(8080, backend.getPort());
                        continue;
                    }
                    Service service = m.named(Service.class, backend.getName()).orElseThrow(
                            () -> new AssertionError("route to a Service that is not rendered: " + backend.getName()));
                    assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort().equals(backend.getPort())),
                            backend.getName() + ":" + backend.getPort());
                }
                for (HTTPRouteMatch match : rule.getMatches()) {
                    String path = match.getPath().getValue();
                    assertFalse(path.equals("/") || path.startsWith("/q/health") || path.startsWith("/q/metrics")
                            || path.startsWith("/admin"), route.getMetadata().getName() + " exposes " + path);
                }
            }
        }
        HTTPRoute api = m.named(HTTPRoute.class, "telework-api").orElseThrow();
        assertTrue(api.getSpec().getRules().stream().anyMatch(r -> r.getMatches().stream()
                .anyMatch(x -> "/api/".equals(x.getPath().getValue()))
                && r.getBackendRefs().stream().anyMatch(b -> "gateway".equals(b.getName()))),
                "/api/ goes to the gateway");
        String expectedHost = m.isProd() ? "api.telework.example.jp" : "api." + overlay + ".telework.example.jp";
        assertEquals(List.of(expectedHost), api.getSpec().getHostnames());
    }

    // ---- secrets -------------------------------------------------------------------------------------------

    @Test
    void prodContainsNoSecretAndNoDemoCredential() {
        Manifests prod = Manifests.of("prod");
        assertTrue(prod.of(Secret.class).isEmpty(), "Secrets in prod are created outside git");
        String rendered = Overlays.render("prod").toString();
        assertFalse(rendered.contains("local-demo"), "demo values in the prod rendering");
        Matcher credential = Pattern.compile("\"credentials\"|\"secret\":").matcher(rendered);
        assertFalse(credential.find(), "credentials or client secrets in the prod rendering");
        Set<String> used = new TreeSet<>();
        for (Deployment d : prod.of(Deployment.class)) {
            ContainerEnvironment env = ContainerEnvironment.of(container(d), prod);
            assertTrue(env.problems().isEmpty(), env.problems().toString());
            used.addAll(env.secretsUsed());
        }
        prod.raw("Cluster").get(0).at("/spec/managed/roles").forEach(r -> used.add(r.at("/passwordSecret/name").asText()));
        assertEquals(used, ContainerEnvironment.externalSecrets().keySet(),
                "k8s/README.md lists exactly the Secrets prod needs");
    }

    @Test
    void devGeneratesEverySecretItNeedsAndMarksThemAsDemoValues() {
        Manifests dev = Manifests.of("dev");
        Set<String> rendered = dev.of(Secret.class).stream().map(s -> s.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ContainerEnvironment.externalSecrets().keySet(), rendered);
        for (Secret s : dev.of(Secret.class)) {
            assertEquals("true", s.getMetadata().getLabels().get("telework.jp/local-demo"), s.getMetadata().getName());
            assertEquals("kubernetes.io/basic-auth", s.getType());
            assertTrue(decoded(s, "password").startsWith("local-demo-"), s.getMetadata().getName());
        }
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String decoded(Secret s, String key) {
        return new String(java.util.Base64.getDecoder().decode(s.getData().get(key)),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
