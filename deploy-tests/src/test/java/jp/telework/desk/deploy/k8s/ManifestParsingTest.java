package jp.telework.desk.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import jp.telework.desk.deploy.k8s.StrictKubernetes.InvalidManifestException;
import jp.telework.desk.deploy.k8s.StrictKubernetes.Parsed;
import jp.telework.desk.deploy.support.Json;
import jp.telework.desk.deploy.support.Overlays;

/** Every rendered manifest parses into its typed model; anything unknown or mistyped is rejected. */
class ManifestParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyManifestOfTheOverlayParsesStrictly(String overlay) {
        List<ObjectNode> docs = Overlays.render(overlay);
        List<Parsed> parsed = StrictKubernetes.parseAll(docs);
        assertEquals(docs.size(), parsed.size());
        assertTrue(parsed.stream().anyMatch(p -> p.typed() instanceof Deployment));
        assertTrue(parsed.stream().anyMatch(p -> p.typed() instanceof Kafka));
    }

    @Test
    void theStrimziModelServesApiVersionV1() {
        for (Class<?> type : List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class)) {
            assertTrue(StrictKubernetes.servedVersions(type).contains("v1"),
                    type.getSimpleName() + " serves " + StrictKubernetes.servedVersions(type));
        }
    }

    // ---- the checks can fail ---------------------------------------------------------------------------

    @Test
    void anUnknownFieldInADeploymentIsRejected() {
        assertRejected("Deployment", d -> ((ObjectNode) d.at("/spec/template/spec/containers/0"))
                .put("livenessProbes", "x"), "livenessProbes");
        assertRejected("Deployment", d -> ((ObjectNode) d.get("metadata")).putObject("lables"), "lables");
        assertRejected("Deployment", d -> ((ObjectNode) d.at("/spec/template/spec/securityContext"))
                .put("runAsNonroot", true), "runAsNonroot");
    }

    @Test
    void aMistypedValueIsRejected() {
        assertRejected("Deployment", d -> ((ObjectNode) d.get("spec")).put("replicas", "2"), "replicas");
        assertRejected("Service", s -> ((ObjectNode) s.at("/spec/ports/0")).put("port", "8080"), "port");
        assertRejected("ConfigMap", c -> ((ObjectNode) c.get("data")).put("QUARKUS_HTTP_PORT", 8080), "");
    }

    @Test
    void anUnknownFieldInAStrimziResourceIsRejected() {
        assertRejected("KafkaTopic", t -> ((ObjectNode) t.get("spec")).put("partition", 3), "partition");
        assertRejected("Kafka", k -> ((ObjectNode) k.at("/spec/kafka/listeners/0")).put("tsl", false), "tsl");
    }

    @Test
    void aPropertyKafkaStrimziIoV1DroppedIsRejected() {
        assertRejected("Kafka", k -> ((ObjectNode) k.at("/spec/kafka")).put("replicas", 3), "kafka/replicas");
        assertRejected("Kafka", k -> ((ObjectNode) k.at("/spec")).putObject("zookeeper").put("replicas", 3),
                "zookeeper");
    }

    @Test
    void anApiVersionTheModelDoesNotKnowIsRejected() {
        assertRejected("KafkaTopic", t -> t.put("apiVersion", "kafka.strimzi.io/v1beta1"), "no typed model");
        assertRejected("Deployment", d -> d.put("apiVersion", "apps/v1beta1"), "no typed model");
    }

    @Test
    void operatorResourcesWithoutAJavaModelAreCheckedAgainstTheirSchemas() {
        assertRejected("Cluster", c -> ((ObjectNode) c.get("spec")).put("instance", 3), "instance");
        assertRejected("Cluster", c -> ((ObjectNode) c.get("spec")).put("instances", "3"), "instances");
        assertRejected("Cluster", c -> ((ObjectNode) c.at("/spec/managed/roles/0")).put("password", "x"),
                "password");
        assertRejected("Database", d -> ((ObjectNode) d.get("spec")).put("name", "postgres"), "name");
        assertRejected("Keycloak", k -> ((ObjectNode) k.at("/spec/hostname")).put("hostnme", "x"), "hostnme");
        assertRejected("Keycloak", k -> ((ObjectNode) k.at("/spec/proxy")).put("headers", "none"), "headers");
        assertRejected("Keycloak", k -> ((ObjectNode) k.get("metadata")).put("nam", "x"), "nam");
    }

    @Test
    void theRealmOfARealmImportIsCheckedAsKeycloaksRealmRepresentation() {
        assertRejected("KeycloakRealmImport", r -> ((ObjectNode) r.at("/spec/realm")).put("sslRequried", "all"),
                "sslRequried");
        assertRejected("KeycloakRealmImport",
                r -> ((ObjectNode) ((ArrayNode) r.at("/spec/realm/clients")).get(0)).put("publicClient", "yes"),
                "publicClient");
    }

    private static void assertRejected(String kind, Consumer<ObjectNode> mutation, String mentioned) {
        ObjectNode doc = Overlays.render("prod").stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .findFirst().orElseThrow();
        StrictKubernetes.parse(doc);
        mutation.accept(doc);
        InvalidManifestException e = assertThrows(InvalidManifestException.class, () -> StrictKubernetes.parse(doc),
                () -> "accepted: " + Json.describe(doc));
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }
}
