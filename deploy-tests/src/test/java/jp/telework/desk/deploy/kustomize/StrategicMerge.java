package jp.telework.desk.deploy.kustomize;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Strategic merge patches as kustomize applies them: maps merge recursively, {@code null} deletes a
 * field, scalars replace. Lists: in custom resources (no schema known to kustomize) a list in the patch
 * replaces the list; in built-in kinds the lists with a patch merge key used in pod specs merge by that
 * key (containers, initContainers, env, volumes by name; volumeMounts by mountPath; ports by
 * containerPort). Other lists of built-in kinds and {@code $patch} directives are refused.
 */
final class StrategicMerge {

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch, boolean builtIn, String source) {
        merge(target, patch, builtIn, source, "");
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean builtIn, String source, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            String here = path + "/" + key;
            if (key.startsWith("$")) {
                throw new UnsupportedOperationException(source + ": strategic merge directive " + here);
            }
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && target.get(key) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value, builtIn, source, here);
            } else if (value.isArray() && builtIn && target.get(key) instanceof ArrayNode existing) {
                String mergeKey = mergeKey(key);
                if (mergeKey == null) {
                    throw new UnsupportedOperationException(source + ": strategic merge of list " + here
                            + " of a built-in kind (no merge key known to this renderer)");
                }
                mergeList(existing, (ArrayNode) value, mergeKey, source, here);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String mergeKey, String source, String path) {
        for (JsonNode item : patch) {
            if (!item.isObject() || !item.has(mergeKey)) {
                throw new IllegalArgumentException(source + ": " + path + " items need " + mergeKey);
            }
            ObjectNode match = null;
            for (JsonNode existing : target) {
                if (existing.path(mergeKey).equals(item.get(mergeKey))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                target.add(item.deepCopy());
            } else {
                merge(match, (ObjectNode) item, true, source, path + "[" + item.get(mergeKey).asText() + "]");
            }
        }
    }

    private static String mergeKey(String field) {
        return switch (field) {
            case "containers", "initContainers", "ephemeralContainers", "env", "volumes" -> "name";
            case "volumeMounts" -> "mountPath";
            case "ports" -> "containerPort";
            default -> null;
        };
    }
}
