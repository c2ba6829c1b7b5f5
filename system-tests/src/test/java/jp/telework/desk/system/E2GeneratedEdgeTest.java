package jp.telework.desk.system;

import static jp.telework.desk.system.Api.anonymous;
import static jp.telework.desk.system.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * A test generated from the API documents: every operation of the four OpenAPI documents (the
 * gateway's and the three services', as the gateway serves them) gets boundary and hostile values
 * ({@link EdgeValues}) for each of its parameters, one parameter at a time, and values its schema
 * forbids for each field of its body, one field at a time — through the gateway and directly at the
 * service. It fails on any 5xx, any error answer that is not problem+json (or shows internals), any
 * write request that is not refused, anything written (totals and resources read before and after),
 * and any stack trace the services or the gateway log meanwhile. It prints how many requests each
 * operation got.
 */
@SuiteClock.SystemTest
@Order(6)
class E2GeneratedEdgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** The services' documents as the gateway serves them, and the service behind each. */
    private static final Map<String, String> DOCUMENTS = Map.of(
            "contact-points", "contact-point-service", "consultations", "consultation-service", "seminars", "seminar-service");
    /** Which demo user plays a role; the secretariat first, as it may go furthest. */
    private static final List<Map.Entry<String, String>> USERS = List.of(Map.entry("secretariat", "secretariat"),
            Map.entry("association", "assoc-tokyo"), Map.entry("sme", "sme-a"), Map.entry("dashboard", "dashboard"));
    private static final Pattern LEAK = Pattern.compile("(\\bat [a-z0-9_.$]+\\([A-Za-z0-9_]+\\.java:\\d+\\)|java\\.lang\\.|"
            + "org\\.hibernate|org\\.postgresql|io\\.vertx|jdbc:|SQLState|127\\.0\\.0\\.1|localhost:)");
    /** A stack frame or a cause line: an exception a service did not expect got as far as its log. */
    private static final Pattern LOGGED_TRACE = Pattern.compile("^\\s+at [a-zA-Z0-9_.$]+\\(|^Caused by: ");

    private record Operation(String document, String service, String method, String path, List<JsonNode> parameters,
            JsonNode body, String user) {
        String name() {
            return method + " " + path;
        }
    }

    private record Sent(String what, String method, String url, int status, String contentType, String body) {
    }

    private final List<String> failures = new ArrayList<>();
    private final Map<String, int[]> counts = new TreeMap<>();
    private int requests;

    @Test
    void everyOperationRefusesEdgeValuesCleanlyAndNothingIsWritten() throws Exception {
        List<Operation> operations = operations();
        Map<String, Object> before = snapshot();
        Map<String, Long> logSizes = logSizes();

        for (Operation op : operations) {
            List<String> targets = new ArrayList<>(List.of(SystemStack.gateway()));
            if (op.service() != null) {
                targets.add(SystemStack.get().url(op.service()));
            }
            for (String base : targets) {
                String where = base.equals(SystemStack.gateway()) ? "gateway" : "direct";
                parameters(op, base, where);
                bodies(op, base, where);
            }
        }

        Map<String, Object> after = snapshot();
        before.forEach((k, v) -> {
            if (!java.util.Objects.equals(v, after.get(k))) {
                failures.add("WRITTEN " + k + ": before " + Api.abbreviate(String.valueOf(v)) + " after "
                        + Api.abbreviate(String.valueOf(after.get(k))));
            }
        });
        loggedTraces(logSizes);

        counts.forEach((op, c) -> System.out.printf("[edge] %-70s %5d requests (gateway %d, direct %d)%n", op, c[0] + c[1], c[0], c[1]));
        System.out.println("[edge] " + requests + " requests to " + operations.size() + " operations, " + failures.size() + " failures");
        failures.stream().limit(100).forEach(f -> System.out.println("[edge] " + f));
        assertTrue(operations.size() >= 40, "the documents list " + operations.size() + " operations");
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + requests + " generated requests were not answered cleanly:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    /** Each parameter in turn gets every edge value; the others keep their base values. */
    private void parameters(Operation op, String base, String where) {
        boolean write = WRITES.contains(op.method());
        for (JsonNode parameter : op.parameters()) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            for (String value : EdgeValues.forParameter(parameter.path("schema"))) {
                if ("header".equals(in) && !headerSafe(value)) {
                    continue;
                }
                Map<String, String> path = basePath(op);
                Map<String, String> query = baseQuery(op);
                Map<String, String> headers = new LinkedHashMap<>();
                switch (in) {
                    case "path" -> path.put(name, value);
                    case "query" -> query.put(name, value);
                    case "header" -> headers.put(name, value);
                    default -> {
                        continue;
                    }
                }
                if (!"Idempotency-Key".equals(name) && documentsHeader(op, "Idempotency-Key")) {
                    headers.put("Idempotency-Key", UUID.randomUUID().toString());
                }
                // a write's parameters are tried with an empty object and no If-Match: refused either way, never written
                Sent sent = send(op, base, path, query, headers, write && op.body() != null ? "{}" : null,
                        op.name() + " [" + where + "] " + in + " " + name + "=" + shortened(value));
                check(sent, write, where, op);
            }
        }
    }

    /** Each body field in turn gets every value its schema forbids; the rest of the body is plausible. */
    private void bodies(Operation op, String base, String where) {
        if (op.body() == null) {
            return;
        }
        Map<String, JsonNode> components = components(op.document());
        JsonNode template = EdgeValues.base(op.body(), components, 0);
        List<EdgeValues.FieldCase> cases = EdgeValues.fieldCases(op.body(), components);
        for (EdgeValues.FieldCase field : cases) {
            for (JsonNode value : field.invalid()) {
                JsonNode body = replace(template.deepCopy(), field.pointer(), value);
                Map<String, String> headers = new LinkedHashMap<>();
                if (documentsHeader(op, "Idempotency-Key")) {
                    headers.put("Idempotency-Key", UUID.randomUUID().toString());
                }
                if (documentsHeader(op, "If-Match")) {
                    headers.put("If-Match", currentEtag(op));
                }
                String text = body.toString();
                Sent sent = send(op, base, basePath(op), baseQuery(op), headers, text,
                        op.name() + " [" + where + "] body " + field.pointer() + "=" + shortened(value.toString()));
                check(sent, true, where, op);
            }
        }
    }

    private void check(Sent sent, boolean mustRefuse, String where, Operation op) {
        requests++;
        counts.computeIfAbsent(op.name(), k -> new int[2])["gateway".equals(where) ? 0 : 1]++;
        if (sent.status() < 0) {
            failures.add(sent.what() + " -> no answer: " + sent.body());
            return;
        }
        if (sent.status() >= 500) {
            failures.add(sent.what() + " -> " + sent.status() + ": " + Api.abbreviate(sent.body()));
            return;
        }
        if (sent.status() >= 400) {
            if (sent.contentType() == null || !sent.contentType().startsWith(Api.PROBLEM)) {
                failures.add(sent.what() + " -> " + sent.status() + " as " + sent.contentType() + ": " + Api.abbreviate(sent.body()));
            } else if (LEAK.matcher(sent.body()).find()) {
                failures.add(sent.what() + " -> " + sent.status() + " shows internals: " + Api.abbreviate(sent.body()));
            }
        } else if (mustRefuse) {
            failures.add(sent.what() + " -> " + sent.status() + ": a write was accepted: " + Api.abbreviate(sent.body()));
        }
    }

    private Sent send(Operation op, String base, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
            String body, String what) {
        String target = op.path();
        for (Map.Entry<String, String> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", p.getValue().isEmpty() ? "%20" : p.getValue().replace("/", "%2F"));
        }
        StringBuilder url = new StringBuilder(base).append(target);
        String sep = "?";
        for (Map.Entry<String, String> q : query.entrySet()) {
            url.append(sep).append(q.getKey()).append('=').append(q.getValue());
            sep = "&";
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (op.user() != null) {
                request.header("Authorization", "Bearer " + SystemStack.token(op.user()));
            }
            headers.forEach(request::header);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(op.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(op.method(), HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Sent(what, op.method(), url.toString(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IllegalArgumentException e) {
            // not even a URI the client can send: nothing for the server to answer
            return new Sent(what, op.method(), url.toString(), 400, Api.PROBLEM, "{}");
        } catch (IOException e) {
            return new Sent(what, op.method(), url.toString(), -1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** What an HTTP client can put into a header at all (visible ASCII and spaces). */
    private static boolean headerSafe(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 20) + "...(" + value.length() + " chars)";
    }

    private static Map<String, String> basePath(Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode p : op.parameters()) {
            if ("path".equals(p.path("in").asText())) {
                values.put(p.path("name").asText(), EdgeValues.baseParameter(p.path("name").asText(), p.path("schema")));
            }
        }
        return values;
    }

    private static Map<String, String> baseQuery(Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode p : op.parameters()) {
            if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
                values.put(p.path("name").asText(), EdgeValues.baseParameter(p.path("name").asText(), p.path("schema")));
            }
        }
        return values;
    }

    private static boolean documentsHeader(Operation op, String header) {
        return op.parameters().stream().anyMatch(p -> "header".equals(p.path("in").asText())
                && header.equalsIgnoreCase(p.path("name").asText()));
    }

    /** The ETag a GET of the same resource answers, so that a write gets past If-Match to its body. */
    private static String currentEtag(Operation op) {
        String target = op.path();
        for (Map.Entry<String, String> p : basePath(op).entrySet()) {
            target = target.replace("{" + p.getKey() + "}", p.getValue());
        }
        Response r = as("secretariat").get(target);
        String etag = r.statusCode() == 200 ? r.header("ETag") : null;
        return etag == null ? "\"0\"" : etag;
    }

    private static JsonNode replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String key = pointer.substring(slash + 1);
        JsonNode container = parent.isEmpty() ? root : root.at(parent);
        if (container instanceof ObjectNode o) {
            o.set(key, value);
        } else if (container instanceof com.fasterxml.jackson.databind.node.ArrayNode a && key.matches("\\d+") && a.size() > Integer.parseInt(key)) {
            a.set(Integer.parseInt(key), value);
        }
        return root;
    }

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();

    private Map<String, JsonNode> components(String document) {
        return EdgeValues.components(documents.get(document));
    }

    /** Every operation of the four documents, with the user who may call it (null: public). */
    private List<Operation> operations() throws IOException {
        documents.put("gateway", JSON.readTree(anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString()));
        for (String slug : DOCUMENTS.keySet()) {
            documents.put(slug, JSON.readTree(anonymous().queryParam("format", "json").get("/api/v1/openapi/{s}", slug)
                    .then().statusCode(200).extract().asString()));
        }
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> doc : documents.entrySet()) {
            JsonNode parameters = doc.getValue().path("components").path("parameters");
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.getValue().path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> m = it.next();
                    if (!METHODS.contains(m.getKey())) {
                        continue;
                    }
                    JsonNode op = m.getValue();
                    List<JsonNode> params = new ArrayList<>();
                    for (JsonNode p : op.path("parameters")) {
                        if (p.has("$ref")) {
                            String ref = p.path("$ref").asText();
                            p = parameters.path(ref.substring(ref.lastIndexOf('/') + 1));
                        }
                        params.add(p);
                    }
                    JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
                    ops.add(new Operation(doc.getKey(), DOCUMENTS.get(doc.getKey()), m.getKey().toUpperCase(), path.getKey(), params,
                            body.isMissingNode() ? null : body, user(op)));
                }
            }
        }
        return ops;
    }

    private static String user(JsonNode op) {
        if (op.path("security").isEmpty()) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        op.path("x-roles").forEach(r -> roles.add(r.asText()));
        for (Map.Entry<String, String> u : USERS) {
            if (roles.isEmpty() || roles.contains(u.getKey())) {
                return u.getValue();
            }
        }
        return "secretariat";
    }

    /** Totals and resources a write would change, read through the gateway. */
    private static Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("consultations", as("secretariat").queryParam("size", 1).get("/api/v1/consultations").path("total"));
        s.put("inquiries", as("secretariat").queryParam("size", 1).get("/api/v1/inquiries").path("total"));
        s.put("seminars", as("secretariat").queryParam("size", 1).get("/api/v1/seminars").path("total"));
        s.put("draft seminars", as("secretariat").queryParam("size", 1).queryParam("status", "DRAFT").get("/api/v1/seminars").path("total"));
        s.put("my registrations", as("sme-a").queryParam("size", 1).get("/api/v1/seminars/my-registrations").path("total"));
        for (String code : List.of("13", "27")) {
            s.put("contact point " + code, anonymous().get("/api/v1/contact-points/" + code).header("ETag"));
            s.put("plan " + code, anonymous().get("/api/v1/contact-points/" + code + "/availability/plan").header("ETag"));
            s.put("exceptions " + code, anonymous().queryParam("size", 1).get("/api/v1/contact-points/" + code + "/availability/exceptions")
                    .header("X-Total-Count"));
        }
        return s;
    }

    private static Map<String, Long> logSizes() throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String service : List.of("contact-point-service", "consultation-service", "seminar-service", "gateway")) {
            Path log = SystemStack.get().logOf(service);
            sizes.put(service, Files.exists(log) ? Files.size(log) : 0L);
        }
        return sizes;
    }

    /** Lines the services and the gateway logged during the test that are stack traces or errors. */
    private void loggedTraces(Map<String, Long> sizes) throws IOException {
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            Path log = SystemStack.get().logOf(e.getKey());
            byte[] all = Files.readAllBytes(log);
            String added = new String(all, (int) Math.min(all.length, e.getValue()), (int) Math.max(0, all.length - e.getValue()),
                    StandardCharsets.UTF_8);
            added.lines().filter(l -> LOGGED_TRACE.matcher(l).find()).limit(10)
                    .forEach(l -> failures.add("LOGGED by " + e.getKey() + ": " + Api.abbreviate(l)));
        }
    }
}
