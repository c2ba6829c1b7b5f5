package jp.telework.desk.system;

import static jp.telework.desk.system.Api.as;
import static jp.telework.desk.system.Api.assertProblem;
import static jp.telework.desk.system.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jp.telework.desk.events.Topics;
import jp.telework.desk.infra.test.TopicProbe;

/**
 * Journey 5: an SME sends an inquiry; the association of its prefecture answers; the SME reads the
 * answer; another SME (and another prefecture's association) cannot see or touch it.
 */
@SuiteClock.SystemTest
@Order(5)
class J5InquiryJourneyTest {

    @Test
    void theTokyoAssociationAnswersAndOnlyTheAskingSmeReadsIt() {
        String question = "Which security rules should we set before letting staff use their own PCs at home? " + UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(SystemStack.kafka(), Topics.CONSULTATIONS)) {
            Response sent = json(as("sme-a").header("Idempotency-Key", UUID.randomUUID().toString()), Bodies.inquiry("13", question))
                    .post("/api/v1/inquiries");
            assertEquals(201, sent.statusCode(), sent::asString);
            String id = sent.path("id");
            assertEquals("OPEN", sent.path("status"));
            assertEquals("org-sme-a", sent.path("organizationId"));

            // another prefecture's association can neither see nor answer it
            assertProblem(as("assoc-osaka").get("/api/v1/inquiries/{id}", id), 404);
            assertProblem(json(as("assoc-osaka"), Map.of("answer", "Not ours")).post("/api/v1/inquiries/{id}/answer", id), 404);

            // the Tokyo association finds it in its backlog and answers
            List<String> backlog = as("assoc-tokyo").queryParam("status", "OPEN").queryParam("size", 100)
                    .get("/api/v1/inquiries").then().statusCode(200).extract().path("items.id");
            assertTrue(backlog.contains(id), "in Tokyo's open inquiries");
            String answer = "Start with the MIC telework security guidelines; we can go through them in a consultation.";
            Response answered = json(as("assoc-tokyo"), Map.of("answer", answer)).post("/api/v1/inquiries/{id}/answer", id);
            assertEquals(200, answered.statusCode(), answered::asString);
            assertEquals("ANSWERED", answered.path("status"));

            // the SME reads the answer
            Response read = as("sme-a").get("/api/v1/inquiries/{id}", id);
            read.then().statusCode(200);
            assertEquals(answer, read.path("answer"));
            assertEquals(question, read.path("question"));

            // another SME cannot: not by id, not in its list, not by answering or closing it
            assertProblem(as("sme-b").get("/api/v1/inquiries/{id}", id), 404);
            List<String> others = as("sme-b").queryParam("size", 100).get("/api/v1/inquiries").then().statusCode(200)
                    .extract().path("items.id");
            assertFalse(others.contains(id), "not in sme-b's list");
            assertProblem(json(as("sme-b"), Map.of()).post("/api/v1/inquiries/{id}/close", id), 404);
            Response foreignAnswer = json(as("sme-b"), Map.of("answer", "x")).post("/api/v1/inquiries/{id}/answer", id);
            assertTrue(foreignAnswer.statusCode() == 403 || foreignAnswer.statusCode() == 404, foreignAnswer::asString);
            Api.assertProblemShape(foreignAnswer);

            // the SME closes it
            Response closed = json(as("sme-a"), Map.of()).post("/api/v1/inquiries/{id}/close", id);
            assertEquals(200, closed.statusCode(), closed::asString);
            assertEquals("CLOSED", closed.path("status"));

            // events: submitted and answered, with ids, codes and statuses only
            probe.await(e -> "inquiry.answered.v1".equals(e.type()) && id.equals(e.key()), Duration.ofSeconds(60));
            List<TopicProbe.Event> mine = probe.drain(Duration.ZERO).stream().filter(e -> id.equals(e.key())).toList();
            assertTrue(mine.stream().anyMatch(e -> "inquiry.submitted.v1".equals(e.type())), () -> "events: " + mine);
            assertTrue(mine.stream().noneMatch(e -> e.data().contains("PCs at home") || e.data().contains("example.co.jp")
                    || e.data().contains("MIC telework")), () -> "no question, answer or contact details in events: " + mine);
        }
    }
}
