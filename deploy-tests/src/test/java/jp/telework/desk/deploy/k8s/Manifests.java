package jp.telework.desk.deploy.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Secret;

import jp.telework.desk.deploy.k8s.StrictKubernetes.Parsed;
import jp.telework.desk.deploy.support.Overlays;

/** One rendered overlay as typed objects, with lookups. */
public final class Manifests {

    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();

    private final String overlay;
    private final List<Parsed> parsed;

    private Manifests(String overlay, List<Parsed> parsed) {
        this.overlay = overlay;
        this.parsed = parsed;
    }

    public static Manifests of(String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> new Manifests(o, StrictKubernetes.parseAll(Overlays.render(o))));
    }

    public String overlay() {
        return overlay;
    }

    public boolean isProd() {
        return "prod".equals(overlay);
    }

    public List<Parsed> all() {
        return parsed;
    }

    public <T> List<T> of(Class<T> type) {
        return parsed.stream().map(Parsed::typed).filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return of(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** Schema-checked operator resources (CloudNativePG, Keycloak) by kind. */
    public List<JsonNode> raw(String kind) {
        return parsed.stream().filter(p -> kind.equals(p.kind())).map(Parsed::raw).toList();
    }

    public Optional<ConfigMap> configMap(String name) {
        return named(ConfigMap.class, name);
    }

    public Optional<Secret> secret(String name) {
        return named(Secret.class, name);
    }

    /** Whether a label selector selects a pod with these labels (matchLabels and matchExpressions). */
    public static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> labels.containsKey(r.getKey());
                    case "DoesNotExist" -> !labels.containsKey(r.getKey());
                    default -> throw new IllegalArgumentException("operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Equality selector of a Service or a map-form selector. */
    public static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
