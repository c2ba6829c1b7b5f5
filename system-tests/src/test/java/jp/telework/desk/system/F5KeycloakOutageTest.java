package jp.telework.desk.system;

import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.assertProblem;
import static jp.telework.desk.system.Api.eventually;
import static jp.telework.desk.system.Api.json;
import static jp.telework.desk.system.Api.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jp.telework.desk.infra.InfraException;
import jp.telework.desk.infra.KeycloakTokens;
import jp.telework.desk.infra.test.Jwt;

/**
 * Fault: Keycloak stopped. Tokens issued before keep working until they expire (the gateway and the
 * services verify signatures with keys they already hold); new logins fail cleanly (the token
 * endpoint refuses the connection). Runs last; Keycloak is started again afterwards.
 */
@SuiteClock.SystemTest
@Order(11)
class F5KeycloakOutageTest {

    @Test
    void issuedTokensKeepWorkingAndNewLoginsFailWhileKeycloakIsDown() {
        Fixtures.ensureTokyoPlan();
        LocalDate day = Fixtures.claimDay("13", "ONLINE");
        String slot = Fixtures.slotId(Fixtures.slotsOn("13", "ONLINE", day, 2).get(0));
        KeycloakTokens tokens = SystemStack.tokens();
        String sme = tokens.password("sme-a");
        String secretariat = tokens.password("secretariat");
        String dashboard = tokens.clientCredentials();
        String shortLived = tokens.password(KeycloakTokens.SHORT_LIVED_CLIENT, "sme-a");

        SystemStack.stop(SystemStack.Server.KEYCLOAK);
        try {
            // issued tokens keep working, through the gateway and in the services behind it
            withToken(sme).get("/api/v1/consultations").then().statusCode(200);
            Response booked = json(withToken(sme).header("Idempotency-Key", UUID.randomUUID().toString()), Bodies.booking(slot, "sme-a"))
                    .post("/api/v1/consultations");
            assertEquals(201, booked.statusCode(), booked::asString);
            String id = booked.path("id");
            json(withToken(sme), Map.of()).post("/api/v1/consultations/{id}/cancel", id).then().statusCode(200);
            withToken(sme).get("/api/v1/seminars/my-registrations").then().statusCode(200);
            withToken(secretariat).get("/api/v1/dashboard/overview").then().statusCode(200);
            withToken(dashboard).get("/api/v1/contact-points/statistics").then().statusCode(200);

            // a new login fails cleanly: the token endpoint is not there
            InfraException refused = assertThrows(InfraException.class, () -> SystemStack.tokens().password("sme-b"));
            assertTrue(refused.getMessage().contains("unreachable"), refused.getMessage());

            // what must fail still fails, without asking Keycloak: expired and forged tokens
            eventually().untilAsserted(() -> assertProblem(withToken(shortLived).get("/api/v1/consultations"), 401));
            assertProblem(withToken(Jwt.forgedSignature(sme)).get("/api/v1/consultations"), 401);
            assertProblem(withToken(Jwt.algNone(sme)).get("/api/v1/consultations"), 401);
        } finally {
            SystemStack.restart(SystemStack.Server.KEYCLOAK);
            SystemStack.forgetTokens();
        }
        // back with its data (realm, users, signing keys): logins work again and their tokens are accepted,
        // and so is a token issued before the outage
        eventually().untilAsserted(() -> as("sme-b").get("/api/v1/consultations").then().statusCode(200));
        withToken(sme).get("/api/v1/consultations").then().statusCode(200);
    }
}
