package jp.telework.desk.deploy.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;

import jp.telework.desk.deploy.support.Repo;

/**
 * The environment a container gets: its {@code env} (values, ConfigMap and Secret keys) and
 * {@code envFrom} ConfigMaps and Secrets, resolved against the rendered overlay. A Secret that is not
 * rendered must be one of the externally created Secrets listed, with its keys, in the "Secrets" section
 * of k8s/README.md; its values are unknown here. Every problem (a missing ConfigMap, Secret or key) is
 * collected in {@link #problems()}.
 */
public final class ContainerEnvironment {

    /** A variable's value, or empty when it comes from a Secret. */
    public record Variable(String name, Optional<String> value, String source) {
    }

    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> secretsUsed = new TreeSet<>();

    private ContainerEnvironment() {
    }

    public static ContainerEnvironment of(Container container, Manifests manifests) {
        ContainerEnvironment env = new ContainerEnvironment();
        Map<String, Set<String>> external = externalSecrets();
        for (EnvFromSource from : nullToEmpty(container.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                Optional<ConfigMap> cm = manifests.configMap(name);
                if (cm.isEmpty()) {
                    env.problems.add("envFrom ConfigMap " + name + " is not rendered");
                } else {
                    cm.get().getData().forEach((k, v) -> env.put(k, Optional.of(v), "ConfigMap " + name));
                }
            }
            if (from.getSecretRef() != null) {
                String name = from.getSecretRef().getName();
                env.secretsUsed.add(name);
                Optional<Secret> secret = manifests.secret(name);
                if (secret.isPresent()) {
                    secret.get().getData().keySet().forEach(k -> env.put(k, Optional.empty(), "Secret " + name));
                } else if (external.containsKey(name)) {
                    external.get(name).forEach(k -> env.put(k, Optional.empty(), "external Secret " + name));
                } else {
                    env.problems.add("envFrom Secret " + name + " is neither rendered nor documented in k8s/README.md");
                }
            }
        }
        for (EnvVar var : nullToEmpty(container.getEnv())) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), Optional.ofNullable(var.getValue()), "value");
            } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                String name = var.getValueFrom().getConfigMapKeyRef().getName();
                String key = var.getValueFrom().getConfigMapKeyRef().getKey();
                Optional<String> value = manifests.configMap(name).map(cm -> cm.getData().get(key));
                if (value.isEmpty()) {
                    env.problems.add(var.getName() + ": ConfigMap " + name + " has no key " + key);
                }
                env.put(var.getName(), value, "ConfigMap " + name);
            } else if (var.getValueFrom().getSecretKeyRef() != null) {
                String name = var.getValueFrom().getSecretKeyRef().getName();
                String key = var.getValueFrom().getSecretKeyRef().getKey();
                env.secretsUsed.add(name);
                Optional<Secret> secret = manifests.secret(name);
                boolean known = secret.map(s -> s.getData().containsKey(key))
                        .orElseGet(() -> external.getOrDefault(name, Set.of()).contains(key));
                if (!known) {
                    env.problems.add(var.getName() + ": Secret " + name + " key " + key
                            + " is neither rendered nor documented in k8s/README.md");
                }
                env.put(var.getName(), Optional.empty(), "Secret " + name);
            } else {
                env.put(var.getName(), Optional.empty(), "fieldRef/resourceFieldRef");
            }
        }
        return env;
    }

    private void put(String name, Optional<String> value, String source) {
        variables.put(name, new Variable(name, value, source));
    }

    public Map<String, Variable> variables() {
        return variables;
    }

    public Optional<String> value(String name) {
        Variable v = variables.get(name);
        return v == null ? Optional.empty() : v.value();
    }

    public List<String> problems() {
        return problems;
    }

    public Set<String> secretsUsed() {
        return secretsUsed;
    }

    /**
     * The Secrets an operator of the cluster creates before the first apply (k8s/README.md, section
     * "Secrets"): table rows {@code | `name` | `key`, `key` | ... |}.
     */
    public static Map<String, Set<String>> externalSecrets() {
        String readme = Repo.read("k8s/README.md");
        int start = readme.indexOf("\n## Secrets");
        if (start < 0) {
            return Map.of();
        }
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\|\\s*`([a-z0-9.-]+)`\\s*\\|([^|]*)\\|").matcher(section);
        while (row.find()) {
            Set<String> keys = new TreeSet<>();
            Matcher key = Pattern.compile("`([^`]+)`").matcher(row.group(2));
            while (key.find()) {
                keys.add(key.group(1));
            }
            out.put(row.group(1), keys);
        }
        return out;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
