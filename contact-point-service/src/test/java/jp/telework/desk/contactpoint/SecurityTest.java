package jp.telework.desk.contactpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.telework.desk.infra.test.Jwt;
import jp.telework.desk.infra.test.TestInfra;

/** Real Keycloak tokens against the service's own token validation. */
@QuarkusTest
class SecurityTest {
    private static final String BODY = """
            {"modes":["IN_PERSON","PHONE","ONLINE"],"languages":["ja"],"active":true,"openOnHolidays":false}""";

    @Test
    void demoUsersCarryTheirRolesAndClaims() {
        var tokens = TestInfra.tokens();
        assertUser(tokens.password("sme-a"), "sme", null, "org-sme-a");
        assertUser(tokens.password("sme-b"), "sme", null, "org-sme-b");
        assertUser(tokens.password("assoc-tokyo"), "association", "13", null);
        assertUser(tokens.password("assoc-osaka"), "association", "27", null);
        assertUser(tokens.password("secretariat"), "secretariat", null, null);
        JsonNode dashboard = Jwt.claims(tokens.clientCredentials());
        assertTrue(roles(dashboard).contains("dashboard"), dashboard.toString());
        assertFalse(roles(dashboard).contains("secretariat"));
    }

    private static void assertUser(String token, String role, String prefecture, String organization) {
        JsonNode claims = Jwt.claims(token);
        assertTrue(roles(claims).contains(role), claims.toString());
        assertTrue(claims.get("aud").toString().contains("telework-api"), "audience: " + claims.get("aud"));
        if (prefecture != null) {
            assertEquals(prefecture, claims.get("prefecture").asText());
        }
        if (organization != null) {
            assertEquals(organization, claims.get("organization").asText());
        }
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    @Test
    void noTokenIs401ProblemJson() {
        given().contentType("application/json").body(BODY)
                .when().put("/api/v1/contact-points/13")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", startsWith("urn:telework:problem:"));
    }

    @Test
    void forgedSignatureIs401() {
        String forged = Jwt.forgedSignature(TestInfra.tokens().password("assoc-tokyo"));
        given().auth().oauth2(forged).contentType("application/json").body(BODY)
                .when().put("/api/v1/contact-points/13")
                .then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * A well-formed RS256 token from a key the realm never published. With JWT introspection allowed,
     * Quarkus would ask Keycloak about every such token; it must be refused here, by this service alone.
     */
    @Test
    void aTokenSignedWithAnUnknownKeyIs401WithoutAskingKeycloak() throws Exception {
        String real = TestInfra.tokens().password("secretariat");
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair key = generator.generateKeyPair();
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"not-a-realm-key\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String signingInput = header + "." + real.split("\\.")[1];
        java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
        rs256.initSign(key.getPrivate());
        rs256.update(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String foreign = signingInput + "." + b64.encodeToString(rs256.sign());

        int before = OidcCalls.INTROSPECTIONS.get();
        given().auth().oauth2(foreign).contentType("application/json").body(BODY)
                .when().put("/api/v1/contact-points/13")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        assertEquals(before, OidcCalls.INTROSPECTIONS.get(), "the service asked Keycloak to introspect a token it could not verify");
    }

    @Test
    void algNoneIs401() {
        String none = Jwt.algNone(TestInfra.tokens().password("secretariat"));
        given().auth().oauth2(none).contentType("application/json").body(BODY)
                .when().put("/api/v1/contact-points/13")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tamperedPrefectureClaimIs401() {
        String token = TestInfra.tokens().password("assoc-tokyo");
        String claims = Jwt.claims(token).toString().replace("\"prefecture\":\"13\"", "\"prefecture\":\"27\"");
        given().auth().oauth2(Jwt.withClaims(token, claims)).contentType("application/json").body(BODY)
                .when().put("/api/v1/contact-points/27")
                .then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() throws InterruptedException {
        String shortLived = TestInfra.tokens().password(jp.telework.desk.infra.KeycloakTokens.SHORT_LIVED_CLIENT, "assoc-tokyo");
        long exp = Jwt.claims(shortLived).get("exp").asLong();
        // the token is valid now ...
        given().auth().oauth2(shortLived).when().get("/api/v1/contact-points/13").then().statusCode(200);
        while (System.currentTimeMillis() / 1000 <= exp + 1) {
            Thread.sleep(250);
        }
        // ... and refused once expired
        given().auth().oauth2(shortLived).contentType("application/json").body(BODY)
                .when().put("/api/v1/contact-points/13")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void validTokenWithoutTheRoleIs403() {
        given().auth().oauth2(TestInfra.tokens().password("sme-a")).contentType("application/json").body(BODY)
                .when().put("/api/v1/contact-points/13")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherPrefecturesAssociationIs403() {
        given().auth().oauth2(TestInfra.tokens().password("assoc-tokyo")).contentType("application/json").body(BODY)
                .when().put("/api/v1/contact-points/27")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("27"));
    }
}
