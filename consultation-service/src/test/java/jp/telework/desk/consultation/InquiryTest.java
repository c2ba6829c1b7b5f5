package jp.telework.desk.consultation;

import static io.restassured.RestAssured.given;
import static jp.telework.desk.consultation.Fixtures.as;
import static jp.telework.desk.consultation.Fixtures.inquiryBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.consultation.domain.Inquiry;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TestInfra;
import jp.telework.desk.infra.test.TopicProbe;

@QuarkusTest
class InquiryTest {

    @Test
    void anAnonymousInquiryIsAnsweredAndClosedWithItsAccessKey() {
        try (TopicProbe probe = TestInfra.probe(Topics.CONSULTATIONS)) {
            Response submitted = given().contentType("application/json").body(inquiryBody("27", "taro@example.co.jp"))
                    .post("/api/v1/inquiries");
            submitted.then().statusCode(201).body("status", equalTo("OPEN")).body("organizationId", nullValue())
                    .body("accessKey", notNullValue()).body("email", equalTo("taro@example.co.jp"));
            String id = submitted.path("id");
            String key = submitted.path("accessKey");
            assertEquals("/api/v1/inquiries/" + id, submitted.header("Location"));

            given().header("X-Inquiry-Access-Key", key).get("/api/v1/inquiries/" + id).then().statusCode(200)
                    .body("question", equalTo("Which rules should we set before staff use home PCs?"))
                    .body("accessKey", nullValue());
            given().header("X-Inquiry-Access-Key", "wrong").get("/api/v1/inquiries/" + id).then().statusCode(404);
            given().get("/api/v1/inquiries/" + id).then().statusCode(401).contentType("application/problem+json");
            // not answered yet: cannot be closed
            given().header("X-Inquiry-Access-Key", key).post("/api/v1/inquiries/" + id + "/close").then().statusCode(409)
                    .body("type", equalTo("urn:telework:problem:invalid-transition"));

            as("assoc-osaka").contentType("application/json").body("{\"answer\":\"Start with the MIC guidelines.\"}")
                    .post("/api/v1/inquiries/" + id + "/answer")
                    .then().statusCode(200).body("status", equalTo("ANSWERED")).body("answeredAt", notNullValue());
            as("secretariat").contentType("application/json").body("{\"answer\":\"Again\"}")
                    .post("/api/v1/inquiries/" + id + "/answer")
                    .then().statusCode(409).body("type", equalTo("urn:telework:problem:invalid-transition"));
            given().header("X-Inquiry-Access-Key", key).get("/api/v1/inquiries/" + id).then().statusCode(200)
                    .body("answer", equalTo("Start with the MIC guidelines."));
            given().header("X-Inquiry-Access-Key", key).post("/api/v1/inquiries/" + id + "/close").then().statusCode(200)
                    .body("status", equalTo("CLOSED"));

            var submittedEvent = probe.await(e -> id.equals(e.key()) && EventTypes.INQUIRY_SUBMITTED.is(e.type()),
                    Duration.ofSeconds(30));
            var answeredEvent = probe.await(e -> id.equals(e.key()) && EventTypes.INQUIRY_ANSWERED.is(e.type()),
                    Duration.ofSeconds(30));
            for (var e : new TopicProbe.Event[] { submittedEvent, answeredEvent }) {
                assertTrue(e.data().contains("\"prefecture\":\"27\""), e.data());
                assertFalse(e.data().contains("taro"), "no contact details in events: " + e.data());
                assertFalse(e.data().contains("home PCs"), "no question text in events: " + e.data());
                assertFalse(e.data().contains("guidelines"), "no answer text in events: " + e.data());
            }
        }
    }

    @Test
    void smeInquiriesAreTheirOrganizationsAndIdempotent() {
        String key = UUID.randomUUID().toString();
        Response first = as("sme-b").header("Idempotency-Key", key).contentType("application/json").body(inquiryBody("27", null))
                .post("/api/v1/inquiries");
        first.then().statusCode(201).body("organizationId", equalTo("org-sme-b")).body("accessKey", nullValue());
        Response again = as("sme-b").header("Idempotency-Key", key).contentType("application/json").body(inquiryBody("27", null))
                .post("/api/v1/inquiries");
        assertEquals(201, again.statusCode());
        assertEquals(first.asString(), again.asString());
        assertEquals(null, first.header("Idempotent-Replayed"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        String id = first.path("id");
        as("sme-b").queryParam("size", "100").get("/api/v1/inquiries").then().statusCode(200).body("items.id", hasItem(id));
        as("sme-a").queryParam("size", "100").get("/api/v1/inquiries").then().statusCode(200).body("items.id", not(hasItem(id)));
        as("assoc-osaka").queryParam("status", "OPEN").queryParam("category", "SECURITY").queryParam("size", "100")
                .get("/api/v1/inquiries").then().statusCode(200).body("items.id", hasItem(id));
        as("assoc-tokyo").queryParam("size", "100").get("/api/v1/inquiries").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        long stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Inquiry.count("organizationId = ?1 and id = ?2", "org-sme-b", UUID.fromString(id)));
        assertEquals(1, stored);
    }

    @Test
    void badInquiriesAreNamed() {
        given().contentType("application/json").body(inquiryBody("13", null)).post("/api/v1/inquiries")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        given().contentType("application/json").body(inquiryBody("13", "nope")).post("/api/v1/inquiries")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().contentType("application/json").body(inquiryBody("99", "a@example.jp")).post("/api/v1/inquiries")
                .then().statusCode(400).body("errors[0].field", equalTo("prefecture"));
        given().contentType("application/json").body(inquiryBody("13", "a@example.jp").replace("SECURITY", "GOSSIP"))
                .post("/api/v1/inquiries").then().statusCode(400).body("errors[0].field", equalTo("category"));
        given().contentType("application/json")
                .body("{\"category\":\"OTHER\",\"prefecture\":\"13\",\"question\":\"" + "q".repeat(4001) + "\",\"email\":\"a@example.jp\"}")
                .post("/api/v1/inquiries").then().statusCode(400).body("errors[0].field", equalTo("question"));
        given().header("Idempotency-Key", "k1").contentType("application/json").body(inquiryBody("13", "a@example.jp"))
                .post("/api/v1/inquiries").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        as("secretariat").contentType("application/json").body("{\"answer\":\"\"}")
                .post("/api/v1/inquiries/" + UUID.randomUUID() + "/answer").then().statusCode(400)
                .body("errors[0].field", equalTo("answer"));
        as("secretariat").queryParam("status", "PENDING").get("/api/v1/inquiries").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
