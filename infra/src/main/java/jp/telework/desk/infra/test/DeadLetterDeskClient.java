package jp.telework.desk.infra.test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.restassured.response.Response;

/** A service's dead-letter desk as the secretariat uses it (REST Assured against the service under test). */
public final class DeadLetterDeskClient {
    private final String path;
    private final Supplier<String> secretariat;

    /** {@code path}: the desk's path, e.g. {@code /api/v1/consultations/dead-letters}; a supplier of secretariat tokens. */
    public DeadLetterDeskClient(String path, Supplier<String> secretariat) {
        this.path = path;
        this.secretariat = secretariat;
    }

    public String path() {
        return path;
    }

    /** The waiting letter of {@code eventId} of {@code consumer}, once it is listed. */
    public Map<String, Object> awaitWaiting(String consumer, String eventId) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] found = new Map[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(secretariat.get()).queryParam("consumer", consumer)
                    .queryParam("status", "WAITING").queryParam("size", 100).get(path).then().statusCode(200)
                    .extract().jsonPath().getList("items");
            found[0] = items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    public Response get(Object id) {
        return given().auth().oauth2(secretariat.get()).get(path + "/" + id);
    }

    public Response replay(Object id) {
        return given().auth().oauth2(secretariat.get()).post(path + "/" + id + "/replay");
    }

    public Response replayAll(String consumer) {
        return given().auth().oauth2(secretariat.get()).queryParam("consumer", consumer).post(path + "/replay");
    }

    public Response discard(Object id, String reason) {
        return given().auth().oauth2(secretariat.get()).contentType("application/json")
                .body(reason == null ? "{}" : "{\"reason\":\"" + reason.replace("\"", "\\\"") + "\"}").post(path + "/" + id + "/discard");
    }
}
