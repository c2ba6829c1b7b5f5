package jp.telework.desk.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Boundary and hostile values derived from an OpenAPI schema: what {@link E2GeneratedEdgeTest}
 * sends for every parameter and every body field of every operation. Parameters get every hostile
 * text (a parameter documented as {@code string} may still be a number or a date parsed by the
 * service) plus the boundaries of its declared type and range; body fields get only values that are
 * invalid for their schema, so that every one of those requests must be refused.
 */
final class EdgeValues {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Already URL-encoded where needed: sent as they are in the query string or path segment. */
    static final List<String> HOSTILE_TEXT = List.of(
            "", "%20", "%00", "%FF", "%C0%AF", "%E2%80%AE", "null", "undefined", "-1", "0", "1.5", "1e400", "NaN",
            "Infinity", "-Infinity", "0x1F", "2147483648", "-2147483649", "9223372036854775808",
            "99999999999999999999999999999", "2026-02-30", "0000-01-01", "-999999999-01-01", "%2B1000000000-01-01",
            "99999-12-31", "2026-12-01T15:00:00Z", "20261201", "13'%20OR%20'1'='1", "..%2F..%2Fetc%2Fpasswd",
            "%3Cscript%3E", "x".repeat(3000), "ATLANTIS", "%E3%81%82");

    private EdgeValues() {
    }

    /** Values for one parameter: the hostile texts and its schema's own boundaries. */
    static List<String> forParameter(JsonNode schema) {
        List<String> values = new ArrayList<>(HOSTILE_TEXT);
        if (schema.has("minimum")) {
            values.add(decrement(schema.path("minimum").asText()));
        }
        if (schema.has("maximum")) {
            values.add(increment(schema.path("maximum").asText()));
            values.add(schema.path("maximum").asText());
        }
        if (schema.has("maxLength")) {
            values.add("y".repeat(schema.path("maxLength").asInt() + 1));
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            values.add(schema.path("enum").get(0).asText().toLowerCase());
        }
        return values;
    }

    /** A plausible value for a parameter that is not under test (required ones only). */
    static String baseParameter(String name, JsonNode schema) {
        if (schema.has("example")) {
            return schema.path("example").asText();
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asText();
        }
        return switch (name) {
            case "code", "prefecture" -> "13";
            case "service" -> "contact-points";
            default -> UUID.randomUUID().toString();
        };
    }

    /** A body that satisfies the schema as far as its examples, enums and ranges tell. */
    static JsonNode base(JsonNode schema, Map<String, JsonNode> components, int depth) {
        schema = resolve(schema, components);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.path("examples").isArray() && schema.path("examples").size() > 0) {
            return schema.path("examples").get(0);
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                if (depth < 5) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> p = it.next();
                        o.set(p.getKey(), base(p.getValue(), components, depth + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                if (depth < 5 && schema.has("items")) {
                    a.add(base(schema.get("items"), components, depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return F.numberNode(schema.has("minimum") ? schema.path("minimum").asLong() : 1);
            }
            case "number" -> {
                return F.numberNode(schema.has("minimum") ? schema.path("minimum").asDouble() : 1.0);
            }
            case "boolean" -> {
                return F.booleanNode(false);
            }
            default -> {
                String format = schema.path("format").asText();
                return F.textNode(switch (format) {
                    case "date" -> Api.today().plusDays(30).toString();
                    case "date-time" -> Api.today().plusDays(30).atTime(10, 0).atZone(Api.TOKYO).toOffsetDateTime().toString();
                    case "uuid" -> UUID.randomUUID().toString();
                    case "email" -> "edge@example.jp";
                    default -> "edge";
                });
            }
        }
    }

    /** One field of a body under test: where it is (JSON pointer) and the invalid values it gets. */
    record FieldCase(String pointer, List<JsonNode> invalid) {
    }

    /** Every field at any depth (first element of lists) with values its schema forbids. */
    static List<FieldCase> fieldCases(JsonNode schema, Map<String, JsonNode> components) {
        List<FieldCase> cases = new ArrayList<>();
        collect(resolve(schema, components), components, "", cases, 0);
        return cases;
    }

    private static void collect(JsonNode schema, Map<String, JsonNode> components, String pointer, List<FieldCase> cases, int depth) {
        if (depth > 4) {
            return;
        }
        String type = type(schema);
        if ("object".equals(type)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> p = it.next();
                JsonNode field = resolve(p.getValue(), components);
                String at = pointer + "/" + p.getKey();
                cases.add(new FieldCase(at, invalid(field, components)));
                collect(field, components, at, cases, depth + 1);
            }
        } else if ("array".equals(type) && schema.has("items")) {
            collect(resolve(schema.get("items"), components), components, pointer + "/0", cases, depth + 1);
        }
    }

    /** Values the schema forbids, for a field of this type. */
    static List<JsonNode> invalid(JsonNode schema, Map<String, JsonNode> components) {
        List<JsonNode> v = new ArrayList<>();
        String type = type(schema);
        ObjectNode object = F.objectNode().put("nested", "object");
        switch (type) {
            case "object" -> {
                v.add(F.textNode("not an object"));
                v.add(F.arrayNode().add(1));
            }
            case "array" -> {
                v.add(object);
                v.add(F.textNode("not a list"));
                ArrayNode huge = F.arrayNode();
                for (int i = 0; i < 5000; i++) {
                    huge.add(i);
                }
                v.add(huge);
            }
            case "integer", "number" -> {
                v.add(F.textNode("abc"));
                v.add(object);
                v.add(F.textNode("NaN"));
                v.add(new com.fasterxml.jackson.databind.node.DecimalNode(new java.math.BigDecimal("1e400")));
                v.add(F.numberNode(new java.math.BigInteger("99999999999999999999999999999")));
                if ("integer".equals(type)) {
                    v.add(F.numberNode(1.5));
                }
                if (schema.has("minimum")) {
                    v.add(F.numberNode(new java.math.BigDecimal(schema.path("minimum").asText()).subtract(java.math.BigDecimal.ONE)));
                }
                if (schema.has("maximum")) {
                    v.add(F.numberNode(new java.math.BigDecimal(schema.path("maximum").asText()).add(java.math.BigDecimal.ONE)));
                }
            }
            case "boolean" -> {
                v.add(F.textNode("yes"));
                v.add(F.numberNode(2));
                v.add(object);
            }
            default -> {
                v.add(object);
                v.add(F.arrayNode().add("x"));
                v.add(F.textNode("x".repeat(100_000)));
                v.add(F.textNode("nul\u0000char"));
                v.add(F.textNode("lone\ud800surrogate"));
                if (schema.has("maxLength")) {
                    v.add(F.textNode("y".repeat(schema.path("maxLength").asInt() + 1)));
                }
                if (schema.has("enum")) {
                    v.add(F.textNode("ATLANTIS"));
                }
                if (schema.has("pattern") || schema.has("format") || schema.has("enum")) {
                    v.add(F.textNode("13' OR '1'='1"));
                    v.add(F.textNode("2026-12-01T15:00:00Z"));
                    v.add(F.textNode("2026-02-30"));
                }
            }
        }
        return v;
    }

    static JsonNode resolve(JsonNode schema, Map<String, JsonNode> components) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.path("$ref").asText();
            schema = components.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), F.objectNode());
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0), components);
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    static Map<String, JsonNode> components(JsonNode document) {
        Map<String, JsonNode> c = new LinkedHashMap<>();
        document.path("components").path("schemas").fields().forEachRemaining(e -> c.put(e.getKey(), e.getValue()));
        return c;
    }

    private static String decrement(String n) {
        return new java.math.BigDecimal(n).subtract(java.math.BigDecimal.ONE).toPlainString();
    }

    private static String increment(String n) {
        return new java.math.BigDecimal(n).add(java.math.BigDecimal.ONE).toPlainString();
    }
}
