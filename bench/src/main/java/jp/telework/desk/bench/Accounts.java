package jp.telework.desk.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.telework.desk.infra.KeycloakTokens;

/**
 * Real tokens from the stack's Keycloak. The realm has three SME organizations; a load of many
 * organizations needs more, so the benchmark adds SME users {@code bench-sme-NN} (organization
 * {@code org-bench-NN}, role {@code sme}) to its own Keycloak through the admin API — the same
 * kind of user the realm file declares, in the benchmark's throw-away Keycloak only.
 */
final class Accounts {
    static final int SME_USERS = 50;
    private static final long REFRESH_AFTER_NANOS = 200_000_000_000L; // tokens live 300 s

    private final BenchStack stack;
    private final KeycloakTokens tokens;
    private List<String> smeTokens = List.of();
    private long smeFetched;

    Accounts(BenchStack stack) {
        this.stack = stack;
        this.tokens = new KeycloakTokens(stack.issuer());
    }

    static String organization(int i) {
        return String.format("org-bench-%02d", i);
    }

    void createSmeUsers() {
        String admin = adminToken();
        ArrayNode users = Http.JSON.createArrayNode();
        for (int i = 1; i <= SME_USERS; i++) {
            ObjectNode u = users.addObject();
            u.put("username", String.format("bench-sme-%02d", i));
            u.put("enabled", true);
            u.put("emailVerified", true);
            u.put("firstName", "Bench");
            u.put("lastName", String.format("User%02d", i));
            u.put("email", String.format("bench-sme-%02d@demo.telework.invalid", i));
            ObjectNode attributes = u.putObject("attributes");
            attributes.putArray("organization").add(organization(i));
            attributes.putArray("prefecture").add(String.format("%02d", 1 + (i - 1) % 47));
            u.putArray("credentials").addObject().put("type", "password").put("value", KeycloakTokens.DEMO_PASSWORD)
                    .put("temporary", false);
            u.putArray("realmRoles").add("sme");
        }
        ObjectNode body = Http.object();
        body.put("ifResourceExists", "SKIP");
        body.set("users", users);
        Http.expect(200, "POST", stack.keycloakBase() + "/admin/realms/telework/partialImport", admin, body, Map.of());
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        Http.Response r = Http.send("POST", stack.keycloakBase() + "/realms/master/protocol/openid-connect/token", null,
                form, Map.of("Content-Type", "application/x-www-form-urlencoded"));
        if (r.status() != 200) {
            throw new BenchException("Keycloak admin token refused (" + r.status() + "): " + r.body());
        }
        return r.json().get("access_token").asText();
    }

    /** One token per bench SME user (fetched again when older than 200 s; they live 300 s). */
    synchronized List<String> smeTokens() {
        if (System.nanoTime() - smeFetched > REFRESH_AFTER_NANOS || smeTokens.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (int i = 1; i <= SME_USERS; i++) {
                    String user = String.format("bench-sme-%02d", i);
                    futures.add(pool.submit(() -> tokens.password(user)));
                }
                List<String> result = new ArrayList<>();
                for (Future<String> f : futures) {
                    result.add(f.get());
                }
                smeTokens = List.copyOf(result);
                smeFetched = System.nanoTime();
            } catch (Exception e) {
                throw new BenchException("cannot get SME tokens: " + e.getMessage(), e);
            } finally {
                pool.shutdownNow();
            }
        }
        return smeTokens;
    }

    String password(String user) {
        return tokens.password(user);
    }

    static String form(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
