package jp.telework.desk.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Gets real tokens from the realm's token endpoint, as a portal or a dashboard would. */
public final class KeycloakTokens {
    /** Local demo credentials only; the realm file marks them as such. */
    public static final String DEMO_PASSWORD = "demo";
    public static final String PORTAL_CLIENT = "telework-portal";
    public static final String DASHBOARD_CLIENT = "telework-dashboard";
    public static final String DASHBOARD_SECRET = "local-demo-dashboard-secret";
    public static final String SHORT_LIVED_CLIENT = "telework-short-lived";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;

    public KeycloakTokens(String issuer) {
        this.issuer = issuer;
    }

    public String password(String username) {
        return password(PORTAL_CLIENT, username);
    }

    public String password(String client, String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        form.put("username", username);
        form.put("password", DEMO_PASSWORD);
        form.put("scope", "openid");
        return request(form).get("access_token").asText();
    }

    public String clientCredentials() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", DASHBOARD_CLIENT);
        form.put("client_secret", DASHBOARD_SECRET);
        return request(form).get("access_token").asText();
    }

    private JsonNode request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InfraException("token request for " + form.getOrDefault("username", form.get("client_id"))
                        + " failed with " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new InfraException("token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted");
        }
    }
}
