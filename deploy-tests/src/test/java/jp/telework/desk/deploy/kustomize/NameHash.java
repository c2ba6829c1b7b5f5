package jp.telework.desk.deploy.kustomize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kustomize's content hash of a generated ConfigMap or Secret (api/hasher): sha256 over the Go
 * {@code json.Marshal} of {"kind", "name", "data"[, "binaryData"]} (ConfigMap) or {"kind", "type",
 * "name", "data"[, "stringData"]} (Secret), first ten hex digits with 0,1,3,a,e replaced by g,h,k,m,t.
 * kustomize looks the name up with the path "metadata/name" as one field, which never exists, so the
 * name it hashes is always the empty string; this class does the same.
 */
public final class NameHash {

    private NameHash() {
    }

    public static String of(JsonNode resource) {
        String kind = resource.path("kind").asText();
        Map<String, Object> m = new TreeMap<>();
        m.put("kind", kind);
        m.put("name", "");
        m.put("data", mapOrEmpty(resource.get("data")));
        if ("ConfigMap".equals(kind)) {
            if (resource.path("binaryData").isObject()) {
                m.put("binaryData", mapOrEmpty(resource.get("binaryData")));
            }
        } else if ("Secret".equals(kind)) {
            m.put("type", resource.path("type").asText(""));
            if (resource.path("stringData").isObject()) {
                m.put("stringData", mapOrEmpty(resource.get("stringData")));
            }
        } else {
            throw new IllegalArgumentException("only ConfigMaps and Secrets get a name hash: " + kind);
        }
        return encode(sha256Hex(GoJson.marshal(m)));
    }

    private static Object mapOrEmpty(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "";
        }
        Map<String, Object> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static String encode(String hex) {
        StringBuilder out = new StringBuilder(10);
        for (char c : hex.substring(0, 10).toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
