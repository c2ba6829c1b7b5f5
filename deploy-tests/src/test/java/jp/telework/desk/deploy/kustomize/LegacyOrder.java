package jp.telework.desk.deploy.kustomize;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jp.telework.desk.deploy.support.Json;

/**
 * kustomize's default ("legacy") output order: kinds that must exist first (namespaces, accounts,
 * configuration, services, workloads), then everything else, webhooks last; ties by group, version and
 * kind, then namespace and name.
 */
final class LegacyOrder {

    private static final List<String> FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
            "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole",
            "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange",
            "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob",
            "PodDisruptionBudget");
    private static final List<String> LAST = List.of("MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration");
    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < FIRST.size(); i++) {
            RANK.put(FIRST.get(i), i - FIRST.size());
        }
        for (int i = 0; i < LAST.size(); i++) {
            RANK.put(LAST.get(i), i + 1);
        }
    }

    static final Comparator<JsonNode> COMPARATOR = Comparator
            .comparingInt((JsonNode n) -> RANK.getOrDefault(n.path("kind").asText(), 0))
            .thenComparing(LegacyOrder::gvk)
            .thenComparing(n -> nullToEmpty(Json.text(n, "metadata/namespace")))
            .thenComparing(n -> nullToEmpty(Json.text(n, "metadata/name")));

    private LegacyOrder() {
    }

    private static String gvk(JsonNode n) {
        String apiVersion = n.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        return (group.isEmpty() ? "~G" : group) + "_" + (version.isEmpty() ? "~V" : version) + "_"
                + n.path("kind").asText();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
