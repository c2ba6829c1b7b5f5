package jp.telework.desk.deploy.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers over Jackson trees. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Numbers compare by value (an int 2 equals a long 2), everything else by Jackson's equality. */
    public static final Comparator<JsonNode> NUMERIC_EQUALITY = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private Json() {
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return a.equals(NUMERIC_EQUALITY, b);
    }

    /** The node at a slash-separated path ("spec/template/spec"), if every step exists. */
    public static Optional<JsonNode> at(JsonNode node, String path) {
        JsonNode current = node;
        for (String step : path.split("/")) {
            if (current == null || !current.isObject()) {
                return Optional.empty();
            }
            current = current.get(step);
        }
        return Optional.ofNullable(current).filter(n -> !n.isNull() && !n.isMissingNode());
    }

    public static String text(JsonNode node, String path) {
        return at(node, path).map(JsonNode::asText).orElse(null);
    }

    /** The object at the path, created (with every missing parent) when absent. */
    public static ObjectNode objectAt(ObjectNode node, String path) {
        ObjectNode current = node;
        for (String step : path.split("/")) {
            JsonNode next = current.get(step);
            if (next == null || next.isNull()) {
                current = current.putObject(step);
            } else if (next.isObject()) {
                current = (ObjectNode) next;
            } else {
                throw new IllegalArgumentException(path + ": '" + step + "' is not an object");
            }
        }
        return current;
    }

    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    public static String describe(JsonNode resource) {
        String ns = text(resource, "metadata/namespace");
        return resource.path("kind").asText() + " " + (ns == null ? "" : ns + "/") + text(resource, "metadata/name");
    }
}
