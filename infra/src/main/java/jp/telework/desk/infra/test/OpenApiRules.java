package jp.telework.desk.infra.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules every module's OpenAPI document follows, checked the same way in each module's tests:
 * every 4xx/5xx answer is documented as {@code application/problem+json} with the {@code Problem}
 * schema, every operation documents at least one error and has a unique {@code operationId}, every
 * response header has a schema, {@code servers} is set, and the secured operations (and only those)
 * name the bearer scheme and document 401 and 403.
 */
public final class OpenApiRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiRules() {
    }

    /**
     * @param document the module's {@code /q/openapi?format=json}
     * @param publicOperations operations anyone may call, as {@code "GET /api/v1/slots"}: they must not name a
     *        security requirement; every other operation must
     * @return nothing; throws an AssertionError listing every breach
     */
    public static void check(String document, Set<String> publicOperations) {
        JsonNode doc;
        try {
            doc = JSON.readTree(document);
        } catch (Exception e) {
            throw new AssertionError("not a JSON document", e);
        }
        List<String> breaches = new ArrayList<>();
        if (!doc.path("components").path("schemas").has("Problem")) {
            breaches.add("components.schemas has no Problem");
        }
        if (doc.path("servers").isEmpty()) {
            breaches.add("servers is not set");
        }
        Set<String> operationIds = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                String operationId = op.getValue().path("operationId").asText("");
                if (operationId.isEmpty()) {
                    breaches.add(name + " has no operationId");
                } else if (!operationIds.add(operationId)) {
                    breaches.add(name + " repeats the operationId " + operationId);
                }
                JsonNode responses = op.getValue().path("responses");
                boolean anyError = false;
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext();) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    for (Iterator<Map.Entry<String, JsonNode>> hs = r.getValue().path("headers").fields(); hs.hasNext();) {
                        Map.Entry<String, JsonNode> h = hs.next();
                        if (!h.getValue().has("schema") && !h.getValue().has("content") && !h.getValue().has("$ref")) {
                            breaches.add(name + " " + r.getKey() + " header " + h.getKey() + " has no schema");
                        }
                    }
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        anyError = true;
                        String ref = r.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asText();
                        if (!ref.endsWith("/Problem")) {
                            breaches.add(name + " " + r.getKey() + " is not documented as a Problem");
                        }
                    }
                }
                if (!anyError) {
                    breaches.add(name + " documents no error answer");
                }
                boolean secured = op.getValue().path("security").size() > 0;
                boolean isPublic = publicOperations.contains(name);
                if (isPublic && secured) {
                    breaches.add(name + " is public but names a security requirement");
                }
                if (!isPublic && !secured) {
                    breaches.add(name + " is secured but names no security requirement");
                }
                if (secured && !(responses.has("401") && responses.has("403"))) {
                    breaches.add(name + " is secured but does not document 401 and 403");
                }
            }
        }
        if (!breaches.isEmpty()) {
            throw new AssertionError(breaches.size() + " OpenAPI rule(s) broken:\n  " + String.join("\n  ", breaches));
        }
    }
}
