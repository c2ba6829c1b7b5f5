package jp.telework.desk.deploy.kustomize;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.telework.desk.deploy.support.Json;

/** RFC 6902 JSON Patch (add, remove, replace, move, copy, test) with RFC 6901 pointers. */
public final class JsonPatch {

    private JsonPatch() {
    }

    public static JsonNode apply(JsonNode document, ArrayNode operations, String source) {
        JsonNode doc = document.deepCopy();
        int index = 0;
        for (JsonNode op : operations) {
            String name = op.path("op").asText();
            String path = op.path("path").asText(null);
            if (path == null) {
                throw new IllegalArgumentException(source + ": operation " + index + " has no path");
            }
            try {
                doc = switch (name) {
                    case "add" -> add(doc, path, value(op));
                    case "remove" -> {
                        get(doc, path);
                        yield remove(doc, path);
                    }
                    case "replace" -> {
                        get(doc, path);
                        yield add(remove(doc, path), path, value(op));
                    }
                    case "move" -> {
                        JsonNode moved = get(doc, op.path("from").asText());
                        yield add(remove(doc, op.path("from").asText()), path, moved);
                    }
                    case "copy" -> add(doc, path, get(doc, op.path("from").asText()).deepCopy());
                    case "test" -> {
                        JsonNode actual = get(doc, path);
                        if (!Json.same(actual, value(op))) {
                            throw new IllegalArgumentException("test failed: " + path + " is " + actual
                                    + ", not " + value(op));
                        }
                        yield doc;
                    }
                    default -> throw new IllegalArgumentException("unknown op '" + name + "'");
                };
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": operation " + index + " (" + name + " " + path
                        + "): " + e.getMessage(), e);
            }
            index++;
        }
        return doc;
    }

    private static JsonNode value(JsonNode op) {
        if (!op.has("value")) {
            throw new IllegalArgumentException("no value");
        }
        return op.get("value").deepCopy();
    }

    static List<String> tokens(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("pointer must start with '/': " + pointer);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            out.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    static JsonNode get(JsonNode doc, String pointer) {
        JsonNode current = doc;
        for (String token : tokens(pointer)) {
            if (current.isObject()) {
                if (!current.has(token)) {
                    throw new IllegalArgumentException("no member '" + token + "'");
                }
                current = current.get(token);
            } else if (current.isArray()) {
                current = current.get(arrayIndex(token, current.size(), false));
            } else {
                throw new IllegalArgumentException("cannot descend into a scalar at '" + token + "'");
            }
        }
        return current;
    }

    private static JsonNode add(JsonNode doc, String pointer, JsonNode value) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            return value;
        }
        JsonNode parent = get(doc, parentOf(pointer));
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if ("-".equals(last)) {
                array.add(value);
            } else {
                array.insert(arrayIndex(last, array.size(), true), value);
            }
        } else {
            throw new IllegalArgumentException("parent of " + pointer + " is a scalar");
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String pointer) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("cannot remove the whole document");
        }
        JsonNode parent = get(doc, parentOf(pointer));
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (object.remove(last) == null) {
                throw new IllegalArgumentException("no member '" + last + "'");
            }
        } else if (parent instanceof ArrayNode array) {
            array.remove(arrayIndex(last, array.size(), false));
        } else {
            throw new IllegalArgumentException("parent of " + pointer + " is a scalar");
        }
        return doc;
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static int arrayIndex(String token, int size, boolean forInsert) {
        if (!token.matches("0|[1-9][0-9]*")) {
            throw new IllegalArgumentException("'" + token + "' is not an array index");
        }
        int i = Integer.parseInt(token);
        if (i > size || (!forInsert && i == size)) {
            throw new IllegalArgumentException("index " + i + " out of bounds (size " + size + ")");
        }
        return i;
    }
}
