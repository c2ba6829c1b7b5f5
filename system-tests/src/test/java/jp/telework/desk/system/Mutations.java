package jp.telework.desk.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile variants of a valid JSON request body: the whole body broken in many ways, and every field
 * (at any depth) given a wrong type, an enormous or invalid string, injection fragments, or numbers
 * out of any sane range. Each variant must be refused with a 4xx problem and change nothing.
 */
final class Mutations {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\u0001hostile-marker\u0001";
    static final int HUGE_STRING = 100_000;
    static final int OVER_LIMIT = 1_100_000;

    /** One hostile body; {@code expectedStatus} 0 means any 4xx. */
    record Variant(String name, byte[] body, String contentType, int expectedStatus) {
    }

    private Mutations() {
    }

    /**
     * @param freeText dotted paths of free-text fields (titles, notes, names): SQL and script fragments
     *                 are legitimate content there and are checked separately, stored verbatim
     */
    static List<Variant> of(ObjectNode template, Set<String> freeText) {
        List<Variant> out = new ArrayList<>();
        String valid = template.toString();
        out.add(text("malformed JSON (truncated)", valid.substring(0, valid.length() - 3)));
        out.add(text("malformed JSON (trailing garbage)", valid + "}}"));
        out.add(text("malformed JSON (single quotes)", valid.replace('"', '\'')));
        out.add(text("array instead of object", "[" + valid + "]"));
        out.add(text("a JSON string", "\"" + "hello" + "\""));
        out.add(text("JSON null", "null"));
        out.add(text("empty body", ""));
        out.add(text("deeply nested arrays", "[".repeat(20_000) + "]".repeat(20_000)));
        out.add(text("deeply nested objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        out.add(new Variant("text/plain body", bytes(valid), "text/plain", 0));
        out.add(new Variant("form body", bytes("a=1&b=2"), "application/x-www-form-urlencoded", 0));
        out.add(text("unknown field (mass assignment)", withExtra(template, "organizationId", "org-sme-b")));
        out.add(text("unknown field (role)", withExtra(template, "role", "secretariat")));
        String first = template.fieldNames().next();
        out.add(text("duplicate key " + first, "{\"" + first + "\":" + template.get(first) + "," + valid.substring(1)));
        out.add(new Variant("body over 1 MB", bytes(withExtra(template, "padding", "x".repeat(OVER_LIMIT))), "application/json", 413));
        leaves(template, "", (path) -> out.addAll(forLeaf(template, path, freeText)));
        return out;
    }

    private static Variant text(String name, String body) {
        return new Variant(name, bytes(body), "application/json", 0);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String withExtra(ObjectNode template, String field, String value) {
        ObjectNode copy = template.deepCopy();
        copy.put(field, value);
        return copy.toString();
    }

    /** Calls back with the dotted path of every field and array element 0, depth first (containers too). */
    private static void leaves(JsonNode node, String prefix, Consumer<String> each) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String name = it.next();
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                each.accept(path);
                leaves(node.get(name), path, each);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String path = prefix + "[0]";
            each.accept(path);
            leaves(node.get(0), path, each);
        }
    }

    private static List<Variant> forLeaf(ObjectNode template, String path, Set<String> freeText) {
        JsonNode value = get(template, path);
        List<Variant> out = new ArrayList<>();
        out.add(replaced(template, path, "wrong type (object)", "{\"$gt\":\"\"}"));
        if (value.isTextual()) {
            out.add(replaced(template, path, "huge string", "\"" + "あ".repeat(HUGE_STRING) + "\""));
            out.add(replaced(template, path, "NUL character", "\"a\\u0000b\""));
            out.add(replaced(template, path, "lone surrogate", "\"a\\ud800b\""));
            out.add(invalidUtf8(template, path));
            out.add(replaced(template, path, "number instead of text", "12345678901234567890123"));
            if (!freeText.contains(path)) {
                out.add(replaced(template, path, "SQL fragment", "\"13' OR '1'='1\""));
                out.add(replaced(template, path, "SQL statement", "\"x'); DROP TABLE booking; --\""));
                out.add(replaced(template, path, "script fragment", "\"<script>alert(1)</script>\""));
                out.add(replaced(template, path, "path traversal", "\"../../../../etc/passwd\""));
            }
        } else if (value.isNumber()) {
            out.add(replaced(template, path, "negative number", "-1"));
            out.add(replaced(template, path, "zero", "0"));
            out.add(replaced(template, path, "beyond int", "2147483648"));
            out.add(replaced(template, path, "enormous integer", "123456789012345678901234567890"));
            out.add(replaced(template, path, "1e400", "1e400"));
            out.add(replaced(template, path, "fraction", "1.5"));
            out.add(replaced(template, path, "text instead of number", "\"many\""));
        } else if (value.isBoolean()) {
            out.add(replaced(template, path, "text instead of boolean", "\"maybe\""));
        } else if (value.isArray()) {
            out.add(replaced(template, path, "text instead of array", "\"" + "x" + "\""));
            out.add(replaced(template, path, "array of 100000 elements", "[" + "null,".repeat(99_999) + "null]"));
        } else if (value.isObject()) {
            out.add(replaced(template, path, "text instead of object", "\"x\""));
        }
        return out;
    }

    private static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (part.endsWith("[0]")) {
                node = node.get(part.substring(0, part.length() - 3)).get(0);
            } else {
                node = node.get(part);
            }
        }
        return node;
    }

    /** The template with the field at {@code path} set to raw JSON text (which may be invalid JSON on purpose). */
    private static Variant replaced(ObjectNode template, String path, String what, String rawJson) {
        ObjectNode copy = template.deepCopy();
        String[] parts = path.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parts[i].endsWith("[0]") ? parent.get(parts[i].substring(0, parts[i].length() - 3)).get(0) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("[0]")) {
            ((ArrayNode) parent.get(last.substring(0, last.length() - 3))).set(0, MARK);
        } else {
            ((ObjectNode) parent).put(last, MARK);
        }
        String json = copy.toString().replace("\"" + jsonEscaped(MARK) + "\"", rawJson);
        return new Variant(path + ": " + what, bytes(json), "application/json", 0);
    }

    private static Variant invalidUtf8(ObjectNode template, String path) {
        Variant v = replaced(template, path, "invalid UTF-8", "\"@@INVALID@@\"");
        byte[] marker = bytes("@@INVALID@@");
        byte[] body = v.body();
        int at = indexOf(body, marker);
        byte[] bad = { 'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b' };
        byte[] out = new byte[body.length - marker.length + bad.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(body, at + marker.length, out, at + bad.length, body.length - at - marker.length);
        return new Variant(v.name(), out, v.contentType(), 0);
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer: for (int i = 0; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    private static String jsonEscaped(String s) {
        try {
            String quoted = JSON.writeValueAsString(s);
            return quoted.substring(1, quoted.length() - 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
