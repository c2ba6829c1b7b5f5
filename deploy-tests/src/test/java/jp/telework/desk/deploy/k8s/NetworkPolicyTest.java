package jp.telework.desk.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;

import jp.telework.desk.deploy.support.Json;

/**
 * The NetworkPolicies, evaluated: a small model of the namespace (our pods from the Deployments' pod
 * labels, the operator-run pods with the labels their operators give them, the Gateway API controller,
 * cluster DNS, the Kubernetes API) and the Kubernetes semantics (a pod selected by any policy of a
 * type allows only what some such policy allows; peers by podSelector, namespaceSelector or both, or
 * ipBlock; ports). Strimzi's own policy for the Kafka listeners is modelled from the Kafka resource,
 * as the operator generates it. Then: every path the system needs is open, and the ones it must not
 * have are closed.
 */
class NetworkPolicyTest {

    record Pod(String name, String namespace, Map<String, String> labels) {
    }

    static final String EXTERNAL = "<outside the cluster>";

    /** The pods of the namespace and around it, for one overlay. */
    static Map<String, Pod> pods(Manifests m) {
        String ns = m.of(Namespace.class).get(0).getMetadata().getName();
        Map<String, Pod> pods = new HashMap<>();
        for (Deployment d : m.of(Deployment.class)) {
            pods.put(d.getMetadata().getName(),
                    new Pod(d.getMetadata().getName(), ns, d.getSpec().getTemplate().getMetadata().getLabels()));
        }
        String pg = Json.text(m.raw("Cluster").get(0), "metadata/name");
        String kafka = m.of(Kafka.class).get(0).getMetadata().getName();
        String keycloak = Json.text(m.raw("Keycloak").get(0), "metadata/name");
        // labels as CloudNativePG, Strimzi and the Keycloak Operator set them on their pods
        pods.put("postgres", new Pod("postgres", ns, Map.of("cnpg.io/cluster", pg, "cnpg.io/podRole", "instance")));
        pods.put("kafka-broker", new Pod("kafka-broker", ns, Map.of("strimzi.io/cluster", kafka,
                "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true", "strimzi.io/controller-role", "true")));
        pods.put("entity-operator", new Pod("entity-operator", ns, Map.of("strimzi.io/cluster", kafka,
                "strimzi.io/kind", "Kafka", "strimzi.io/name", kafka + "-entity-operator")));
        pods.put("keycloak", new Pod("keycloak", ns, Map.of("app", "keycloak",
                "app.kubernetes.io/instance", keycloak, "app.kubernetes.io/managed-by", "keycloak-operator")));
        pods.put("realm-import-job", new Pod("realm-import-job", ns, Map.of("app", "keycloak-realm-import",
                "app.kubernetes.io/instance", keycloak, "app.kubernetes.io/managed-by", "keycloak-operator")));
        pods.put("gateway-controller", new Pod("gateway-controller", "gateway-system", Map.of("app", "envoy")));
        pods.put("kube-dns", new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns")));
        pods.put("cnpg-operator", new Pod("cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg")));
        pods.put("other-namespace", new Pod("other-namespace", "someone-else", Map.of("app", "curious")));
        pods.put("stray-pod", new Pod("stray-pod", ns, Map.of("app", "debug")));
        pods.put(EXTERNAL, new Pod(EXTERNAL, null, Map.of()));
        return pods;
    }

    /** The policies in force: ours plus the one Strimzi generates for the Kafka listeners. */
    static List<NetworkPolicy> policies(Manifests m) {
        List<NetworkPolicy> policies = new ArrayList<>(m.of(NetworkPolicy.class));
        String ns = m.of(Namespace.class).get(0).getMetadata().getName();
        Kafka kafka = m.of(Kafka.class).get(0);
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        // replication and control plane: between the cluster's own pods
        rules.add(new NetworkPolicyIngressRuleBuilder()
                .addNewFrom().withNewPodSelector()
                .addToMatchLabels("strimzi.io/cluster", kafka.getMetadata().getName()).endPodSelector().endFrom()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(9090)).endPort()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(9091)).endPort()
                .build());
        // each listener: from its networkPolicyPeers (everyone when there are none)
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(listener.getNetworkPolicyPeers() == null ? List.of() : listener.getNetworkPolicyPeers())
                    .addNewPort().withProtocol("TCP").withPort(new IntOrString(listener.getPort())).endPort()
                    .build());
        }
        NetworkPolicy strimzi = new NetworkPolicyBuilder()
                .withNewMetadata().withName(kafka.getMetadata().getName() + "-network-policy-kafka").withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector().addToMatchLabels("strimzi.io/cluster", kafka.getMetadata().getName())
                .addToMatchLabels("strimzi.io/kind", "Kafka").endPodSelector()
                .withPolicyTypes("Ingress")
                .withIngress(rules)
                .endSpec()
                .build();
        policies.add(strimzi);
        return policies;
    }

    static boolean allowed(Manifests m, String from, String to, int port, String protocol) {
        return allowed(policies(m), pods(m), from, to, port, protocol);
    }

    static boolean allowed(List<NetworkPolicy> policies, Map<String, Pod> pods, String from, String to, int port,
            String protocol) {
        Pod src = pods.get(from);
        Pod dst = pods.get(to);
        if (src == null || dst == null) {
            throw new IllegalArgumentException("unknown pod " + from + " or " + to);
        }
        return direction(policies, src, dst, port, protocol, "Egress")
                && direction(policies, dst, src, port, protocol, "Ingress");
    }

    /** Whether the policies selecting {@code self} for this direction allow traffic with {@code peer}. */
    private static boolean direction(List<NetworkPolicy> policies, Pod self, Pod peer, int port, String protocol,
            String type) {
        if (self.namespace() == null) {
            return true; // outside the cluster: no policy applies
        }
        boolean selected = false;
        for (NetworkPolicy p : policies) {
            if (!p.getMetadata().getNamespace().equals(self.namespace())
                    || !p.getSpec().getPolicyTypes().contains(type)
                    || !selects(p.getSpec().getPodSelector(), self.labels())) {
                continue;
            }
            selected = true;
            if ("Egress".equals(type)) {
                for (var rule : nullToEmpty(p.getSpec().getEgress())) {
                    if (peersMatch(rule.getTo(), peer, p) && portsMatch(rule.getPorts(), port, protocol)) {
                        return true;
                    }
                }
            } else {
                for (var rule : nullToEmpty(p.getSpec().getIngress())) {
                    if (peersMatch(rule.getFrom(), peer, p) && portsMatch(rule.getPorts(), port, protocol)) {
                        return true;
                    }
                }
            }
        }
        return !selected;
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Pod peer, NetworkPolicy policy) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer p : peers) {
            if (p.getIpBlock() != null) {
                // an ipBlock stands for addresses outside the pod network (the API server, the internet)
                if (peer.namespace() == null && "0.0.0.0/0".equals(p.getIpBlock().getCidr())) {
                    return true;
                }
                continue;
            }
            if (peer.namespace() == null) {
                continue;
            }
            boolean namespaceOk = p.getNamespaceSelector() == null
                    ? peer.namespace().equals(policy.getMetadata().getNamespace())
                    : selects(p.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", peer.namespace()));
            boolean podOk = p.getPodSelector() == null || selects(p.getPodSelector(), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            if (p.getPort().getIntVal() == null) {
                throw new IllegalArgumentException("named ports are not modelled: " + p.getPort());
            }
            int end = p.getEndPort() == null ? p.getPort().getIntVal() : p.getEndPort();
            if (port >= p.getPort().getIntVal() && port <= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        boolean empty = (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
        return empty || Manifests.selects(selector, labels);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---- the paths -------------------------------------------------------------------------------------------

    private static final String[] SERVICES = {"contact-point-service", "consultation-service", "seminar-service"};

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingIsDeniedByDefault(String overlay) {
        Manifests m = Manifests.of(overlay);
        NetworkPolicy deny = m.named(NetworkPolicy.class, "default-deny-all").orElseThrow();
        assertTrue(selects(deny.getSpec().getPodSelector(), Map.of()), "selects every pod");
        assertEquals(List.of("Ingress", "Egress"), deny.getSpec().getPolicyTypes());
        assertTrue(nullToEmpty(deny.getSpec().getIngress()).isEmpty() && nullToEmpty(deny.getSpec().getEgress()).isEmpty());
        assertBlocked(m, "stray-pod", "gateway", 8080);
        assertBlocked(m, "stray-pod", EXTERNAL, 443);
        assertBlocked(m, "other-namespace", "gateway", 8080);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePathsTheSystemNeedsAreOpen(String overlay) {
        Manifests m = Manifests.of(overlay);
        assertOpen(m, "gateway-controller", "gateway", 8080);
        assertOpen(m, "gateway-controller", "keycloak", 8080);
        assertOpen(m, "gateway", "keycloak", 8080);
        for (String service : SERVICES) {
            assertOpen(m, "gateway", service, 8080);
            assertOpen(m, service, "postgres", 5432);
            assertOpen(m, service, "kafka-broker", 9092);
            assertOpen(m, service, "keycloak", 8080);
        }
        assertOpen(m, "keycloak", "postgres", 5432);
        assertOpen(m, "realm-import-job", "postgres", 5432);
        assertOpen(m, "keycloak", "keycloak", 7800);
        assertOpen(m, "postgres", "postgres", 5432);
        assertOpen(m, "cnpg-operator", "postgres", 8000);
        assertOpen(m, "postgres", EXTERNAL, 443);
        assertOpen(m, "kafka-broker", "kafka-broker", 9091);
        assertOpen(m, "entity-operator", "kafka-broker", 9091);
        assertOpen(m, "entity-operator", EXTERNAL, 443);
        for (String pod : List.of("gateway", "contact-point-service", "postgres", "keycloak", "kafka-broker")) {
            assertTrue(allowed(m, pod, "kube-dns", 53, "UDP"), pod + " -> DNS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePathsTheSystemMustNotHaveAreClosed(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String service : SERVICES) {
            assertBlocked(m, "gateway-controller", service, 8080); // only through the gateway
            assertBlocked(m, service, "gateway", 8080);
            assertBlocked(m, service, EXTERNAL, 443);
            assertBlocked(m, service, "postgres", 8000);
            assertBlocked(m, service, "kafka-broker", 9091);
            for (String other : SERVICES) {
                if (!other.equals(service)) {
                    assertBlocked(m, service, other, 8080); // they talk through Kafka, not to each other
                }
            }
        }
        assertBlocked(m, "gateway", "postgres", 5432);
        assertBlocked(m, "gateway", "kafka-broker", 9092);
        assertBlocked(m, "gateway", EXTERNAL, 443);
        assertBlocked(m, "gateway-controller", "postgres", 5432);
        assertBlocked(m, "gateway-controller", "kafka-broker", 9092);
        assertBlocked(m, "keycloak", "kafka-broker", 9092);
        assertBlocked(m, "keycloak", EXTERNAL, 443);
        assertBlocked(m, "stray-pod", "postgres", 5432);
        assertBlocked(m, "stray-pod", "kafka-broker", 9092);
        assertBlocked(m, "other-namespace", "postgres", 5432);
        assertBlocked(m, "other-namespace", "keycloak", 8080);
    }

    @Test
    void theEvaluatorCanSayNo() {
        Manifests m = Manifests.of("dev");
        assertTrue(allowed(m, "gateway", "contact-point-service", 8080, "TCP"));
        assertTrue(!allowed(m, "gateway", "contact-point-service", 8081, "TCP"));
        assertTrue(!allowed(m, "gateway", "contact-point-service", 8080, "UDP"));

        // without the services' policy, default deny cuts them off from their database
        List<NetworkPolicy> withoutServices = policies(m).stream()
                .filter(p -> !"services".equals(p.getMetadata().getName())).toList();
        assertTrue(allowed(policies(m), pods(m), "seminar-service", "postgres", 5432, "TCP"));
        assertTrue(!allowed(withoutServices, pods(m), "seminar-service", "postgres", 5432, "TCP"));
        // even a pod free to send anywhere is refused by the Kafka listener, which admits the services only
        List<NetworkPolicy> withoutDefaultDeny = policies(m).stream()
                .filter(p -> !"default-deny-all".equals(p.getMetadata().getName())).toList();
        assertTrue(!allowed(withoutDefaultDeny, pods(m), "stray-pod", "kafka-broker", 9092, "TCP"));
        // (the DNS policy selects every pod for egress as well, so even then the stray pod gets DNS only)
        assertTrue(!allowed(withoutDefaultDeny, pods(m), "stray-pod", EXTERNAL, 443, "TCP"));
        assertTrue(allowed(withoutDefaultDeny, pods(m), "stray-pod", "kube-dns", 53, "UDP"));
    }

    private static void assertOpen(Manifests m, String from, String to, int port) {
        assertTrue(allowed(m, from, to, port, "TCP"), m.overlay() + ": " + from + " -> " + to + ":" + port + " is blocked");
    }

    private static void assertBlocked(Manifests m, String from, String to, int port) {
        assertTrue(!allowed(m, from, to, port, "TCP"), m.overlay() + ": " + from + " -> " + to + ":" + port + " is open");
    }
}
