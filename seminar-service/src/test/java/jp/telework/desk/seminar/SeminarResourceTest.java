package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.json;
import static jp.telework.desk.seminar.Fixtures.published;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static jp.telework.desk.seminar.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.common.vocabulary.Tokyo;
import java.nio.charset.StandardCharsets;

@QuarkusTest
class SeminarResourceTest {

    @Test
    void draftPublishUpdateWithETags() {
        Map<String, Object> body = seminar();
        body.remove("host"); // an association hosts in its own prefecture by default
        Response created = as("assoc-tokyo").contentType("application/json").body(json(body)).when().post("/api/v1/seminars");
        created.then().statusCode(201).header("Location", containsString("/api/v1/seminars/"))
                .body("status", equalTo("DRAFT")).body("host", equalTo("13")).body("region", equalTo("KANTO"))
                .body("startsAt", org.hamcrest.Matchers.endsWith("+09:00")).body("seatsAvailable", equalTo(20));
        String id = created.path("id");
        String etag = created.header("ETag");

        // a draft is the host's business only
        as(null).when().get("/api/v1/seminars/" + id).then().statusCode(404).contentType("application/problem+json");
        as("assoc-osaka").when().get("/api/v1/seminars/" + id).then().statusCode(404);
        as("assoc-tokyo").queryParam("status", "DRAFT").when().get("/api/v1/seminars")
                .then().statusCode(200).body("items.id", hasItem(id));
        as("assoc-osaka").queryParam("status", "DRAFT").when().get("/api/v1/seminars")
                .then().statusCode(200).body("items.id", not(hasItem(id)));

        String published = as("assoc-tokyo").header("If-Match", etag).when().post("/api/v1/seminars/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("registrationOpen", equalTo(true))
                .extract().header("ETag");
        assertNotEquals(etag, published);
        as(null).when().get("/api/v1/seminars/" + id).then().statusCode(200).body("titleJa", equalTo(body.get("titleJa")));
        // publishing twice is a conflict
        as("assoc-tokyo").header("If-Match", "*").when().post("/api/v1/seminars/" + id + "/publish").then().statusCode(409)
                .body("type", equalTo("urn:telework:problem:invalid-transition"));

        body.put("capacity", 25);
        body.put("descriptionEn", "Updated");
        // every write of the seminar and its transitions needs If-Match: 428 without, 412 stale
        as("assoc-tokyo").contentType("application/json").body(json(body)).when().put("/api/v1/seminars/" + id).then()
                .statusCode(428).contentType("application/problem+json").body("type", equalTo("urn:telework:problem:precondition-required"))
                .body("errors[0].field", equalTo("If-Match"));
        for (String transition : new String[] { "publish", "cancel", "complete" }) {
            as("assoc-tokyo").when().post("/api/v1/seminars/" + id + "/" + transition).then().statusCode(428)
                    .body("type", equalTo("urn:telework:problem:precondition-required"));
        }
        // ... and a stranger hears 403, not 428: the precondition is checked after access
        as("assoc-osaka").when().post("/api/v1/seminars/" + id + "/cancel").then().statusCode(403);
        as("assoc-tokyo").header("If-Match", etag).when().post("/api/v1/seminars/" + id + "/cancel").then().statusCode(412)
                .body("type", equalTo("urn:telework:problem:stale-version"));
        as("assoc-tokyo").header("If-Match", etag).contentType("application/json").body(json(body))
                .when().put("/api/v1/seminars/" + id).then().statusCode(412).contentType("application/problem+json");
        String updated = as("assoc-tokyo").header("If-Match", published).contentType("application/json").body(json(body))
                .when().put("/api/v1/seminars/" + id).then().statusCode(200).body("capacity", equalTo(25))
                .body("descriptionEn", equalTo("Updated")).extract().header("ETag");
        assertNotEquals(published, updated);
        // registrations do not change the seminar's version: the host's ETag stays valid
        Fixtures.register("sme-a", id, Fixtures.registration(2, null));
        as(null).when().get("/api/v1/seminars/" + id).then().header("ETag", equalTo(updated)).body("seatsAvailable", equalTo(23));
    }

    @Test
    void openApiAndHealthAreServed() {
        as(null).queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/seminars/{seminarId}/registrations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/seminars/calendar.ics"))
                .body("components.schemas.SeminarRequest.properties.startsAt.examples[0]", equalTo("2026-11-10T14:00:00+09:00"));
        as(null).when().get(management.toString().replaceFirst("/*$", "/") + "health/ready").then().statusCode(200);
        as(null).when().get("/q/health/ready").then().statusCode(404);
    }

    /** The management interface's root ({@code /q/} on its own port). */
    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void badInputIsA400NamingTheField() {
        long before = seminarCount();
        OffsetDateTime start = Fixtures.inDays(20);

        Map<String, Object> endBeforeStart = seminar();
        endBeforeStart.put("endsAt", start.minusHours(1).toString());
        endBeforeStart.put("startsAt", start.toString());
        endBeforeStart.put("registrationClosesAt", start.minusDays(1).toString());
        expect400(endBeforeStart, "endsAt");

        Map<String, Object> zero = seminar();
        zero.put("capacity", 0);
        expect400(zero, "capacity");
        Map<String, Object> negative = seminar();
        negative.put("capacity", -5);
        expect400(negative, "capacity");

        Map<String, Object> windowAfterStart = seminar();
        windowAfterStart.put("registrationClosesAt", OffsetDateTime.parse((String) windowAfterStart.get("startsAt")).plusHours(1).toString());
        expect400(windowAfterStart, "registrationClosesAt");

        Map<String, Object> unknownPrefecture = seminar();
        unknownPrefecture.put("venue", Map.of("prefecture", "48", "address", "どこか"));
        expect400(unknownPrefecture, "venue.prefecture");
        Map<String, Object> unknownHost = seminar();
        unknownHost.put("host", "99");
        expect400(unknownHost, "host");

        Map<String, Object> hybridWithoutOnlineSeats = Fixtures.hybrid(10, 10);
        hybridWithoutOnlineSeats.remove("onlineCapacity");
        expect400(hybridWithoutOnlineSeats, "onlineCapacity");

        Map<String, Object> unknownKind = seminar();
        unknownKind.put("kind", "PARTY");
        expect400(unknownKind, "kind");

        Map<String, Object> missingTitle = seminar();
        missingTitle.remove("titleJa");
        expect400(missingTitle, "titleJa");

        Map<String, Object> extra = seminar();
        extra.put("colour", "red");
        expect400(extra, "colour");

        Map<String, Object> past = seminar();
        OffsetDateTime yesterday = OffsetDateTime.now(Fixtures.JST).minusDays(1);
        past.put("startsAt", yesterday.toString());
        past.put("endsAt", yesterday.plusHours(1).toString());
        past.put("registrationOpensAt", yesterday.minusDays(5).toString());
        past.put("registrationClosesAt", yesterday.minusDays(1).toString());
        expect400(past, "startsAt");

        as("secretariat").contentType("application/json").body("{\"kind\":\"SEMINAR\",\"titleJa\":")
                .when().post("/api/v1/seminars").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON")).body("status", equalTo(400));
        as("secretariat").contentType("application/json").body("{\"kind\":\"SEMINAR\" \"titleJa\":\"x\"}")
                .when().post("/api/v1/seminars").then().statusCode(400).contentType("application/problem+json");

        assertEquals(before, seminarCount(), "nothing written by refused requests");

        // filters are checked too
        as(null).queryParam("region", "ATLANTIS").when().get("/api/v1/seminars").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        as(null).queryParam("from", "2026-13-01").when().get("/api/v1/seminars").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(null).queryParam("size", "0").when().get("/api/v1/seminars").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        as(null).queryParam("page", "abc").when().get("/api/v1/seminars").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        as(null).queryParam("page", "2147483647").queryParam("size", "100").when().get("/api/v1/seminars").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        // a malformed id names no seminar: the same 404 as an unknown one, naming the resource
        as(null).when().get("/api/v1/seminars/not-a-uuid").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("seminar does not exist or is not visible to you"));
        as(null).when().get("/api/v1/seminars/" + java.util.UUID.randomUUID() + "/registrations/not-a-uuid").then().statusCode(401);
        as("secretariat").when().get("/api/v1/seminars/" + java.util.UUID.randomUUID() + "/registrations/not-a-uuid").then()
                .statusCode(404).body("detail", equalTo("registration does not exist or is not visible to you"));
        // a known path with a method it does not take
        as(null).when().delete("/api/v1/seminars").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", org.hamcrest.Matchers.containsString("GET"));
    }

    private static void expect400(Map<String, Object> body, String field) {
        as("secretariat").contentType("application/json").body(json(body)).when().post("/api/v1/seminars")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("urn:telework:problem:"))
                .body("errors.field", hasItem(field));
    }

    private static long seminarCount() {
        return QuarkusTransaction.requiringNew().call(() -> Seminar.count());
    }

    @Test
    void publicListingFiltersAndPages() {
        String tag = unique("LIST");
        Map<String, Object> tokyo = seminar();
        tokyo.put("campaignTag", tag);
        tokyo.put("topics", List.of("SECURITY", "ICT_ENVIRONMENT"));
        String tokyoId = published(tokyo);

        Map<String, Object> mie = seminar(); // Mie (24) belongs to Kinki
        mie.put("campaignTag", tag);
        mie.put("host", "24");
        mie.put("kind", "CONSULTATION_MEETING");
        mie.put("venue", Map.of("prefecture", "24", "address", "三重県津市"));
        OffsetDateTime later = Fixtures.inDays(45);
        mie.put("startsAt", later.toString());
        mie.put("endsAt", later.plusHours(3).toString());
        mie.put("registrationClosesAt", later.minusDays(2).toString());
        String mieId = published(mie);

        Map<String, Object> online = seminar(); // nationwide, online, by the secretariat
        online.put("campaignTag", tag);
        online.put("host", "SECRETARIAT");
        online.put("format", "ONLINE");
        online.remove("venue");
        online.put("capacity", 1);
        online.put("onlineJoin", Map.of("url", "https://meet.example.jp/j/1"));
        OffsetDateTime onlineStart = Fixtures.inDays(35);
        online.put("startsAt", onlineStart.toString());
        online.put("endsAt", onlineStart.plusHours(1).toString());
        online.put("registrationClosesAt", onlineStart.minusDays(1).toString());
        String onlineId = published(online);
        Fixtures.register("sme-c", onlineId, Fixtures.registration(1, null)); // now full

        Map<String, Object> draft = seminar();
        draft.put("campaignTag", tag);
        as("secretariat").contentType("application/json").body(json(draft)).when().post("/api/v1/seminars").then().statusCode(201);

        as(null).queryParam("campaignTag", tag).when().get("/api/v1/seminars").then().statusCode(200)
                .header("X-Total-Count", "3").body("total", equalTo(3)).body("items", hasSize(3))
                .body("items[0].id", equalTo(tokyoId)) // sorted by start
                .body("items.onlineJoin", not(hasItem(notNullValue())));
        as(null).queryParam("campaignTag", tag).queryParam("region", "KINKI").when().get("/api/v1/seminars")
                .then().statusCode(200).body("items.id", equalTo(List.of(mieId))).body("items[0].region", equalTo("KINKI"));
        as(null).queryParam("campaignTag", tag).queryParam("prefecture", "13").when().get("/api/v1/seminars")
                .then().body("items.id", equalTo(List.of(tokyoId)));
        as(null).queryParam("campaignTag", tag).queryParam("kind", "CONSULTATION_MEETING").when().get("/api/v1/seminars")
                .then().body("items.id", equalTo(List.of(mieId)));
        as(null).queryParam("campaignTag", tag).queryParam("topic", "SECURITY").when().get("/api/v1/seminars")
                .then().body("items.id", equalTo(List.of(tokyoId)));
        as(null).queryParam("campaignTag", tag).queryParam("format", "ONLINE").when().get("/api/v1/seminars")
                .then().body("items.id", equalTo(List.of(onlineId))).body("items[0].region", nullValue());
        as(null).queryParam("campaignTag", tag).queryParam("hasSeats", "false").when().get("/api/v1/seminars")
                .then().body("items.id", equalTo(List.of(onlineId)));
        as(null).queryParam("campaignTag", tag).queryParam("hasSeats", "true").when().get("/api/v1/seminars")
                .then().body("total", equalTo(2));
        as(null).queryParam("campaignTag", tag).queryParam("from", later.toLocalDate().toString())
                .queryParam("to", later.toLocalDate().toString()).when().get("/api/v1/seminars")
                .then().body("items.id", equalTo(List.of(mieId)));
        as(null).queryParam("campaignTag", tag).queryParam("size", "1").queryParam("page", "1").when().get("/api/v1/seminars")
                .then().header("X-Total-Count", "3").body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(1));

        // iCalendar per region
        Response ics = as(null).queryParam("region", "KINKI").when().get("/api/v1/seminars/calendar.ics");
        ics.then().statusCode(200).contentType(startsWith("text/calendar"));
        String text = new String(ics.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
        assertTrue(text.contains("UID:" + mieId + "@"), "the Mie seminar is in the Kinki feed");
        assertTrue(!text.contains(tokyoId), "the Tokyo seminar is not");
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
        }
        String unfolded = text.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:テレワーク導入セミナー（労務管理編） / Introducing telework: labor management"));
        assertTrue(unfolded.contains("LOCATION:三重県津市"));
        assertTrue(unfolded.contains("DTSTART;TZID=Asia/Tokyo:" + later.toLocalDate().toString().replace("-", "") + "T140000"));
        as(null).queryParam("region", "NOWHERE").when().get("/api/v1/seminars/calendar.ics").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void capacityBelowConfirmedSeatsIsRefusedUnlessTheChangeSaysHowToResolveIt() {
        Map<String, Object> body = seminar();
        body.put("capacity", 10);
        String id = published(body);
        String a = Fixtures.register("secretariat", id, Fixtures.registration(4, "cap-a"));
        String b = Fixtures.register("secretariat", id, Fixtures.registration(4, "cap-b"));
        String c = Fixtures.register("secretariat", id, Fixtures.registration(2, "cap-c"));
        String d = Fixtures.register("secretariat", id, Fixtures.registration(3, "cap-d")); // waitlisted #1

        body.put("capacity", 7);
        as("secretariat").header("If-Match", "*").contentType("application/json").body(json(body)).when().put("/api/v1/seminars/" + id)
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:capacity-below-confirmed"))
                .body("errors[0].field", equalTo("capacity"));
        as(null).when().get("/api/v1/seminars/" + id).then().body("capacity", equalTo(10)).body("seatsAvailable", equalTo(0));

        // demote the newest confirmed (c: 2 seats, then b: 4 seats) to the front of the waitlist; then 3 seats are
        // free again and first come, first served with skipping gives them to ... b does not fit (4), c (2) does
        as("secretariat").header("If-Match", "*").queryParam("capacityReduction", "DEMOTE_NEWEST_TO_WAITLIST").contentType("application/json")
                .body(json(body)).when().put("/api/v1/seminars/" + id)
                .then().statusCode(200).body("capacity", equalTo(7)).body("seatsAvailable", equalTo(1));
        assertStatus(id, a, "CONFIRMED", null);
        assertStatus(id, b, "WAITLISTED", 1);
        assertStatus(id, c, "CONFIRMED", null);
        assertStatus(id, d, "WAITLISTED", 2);

        // raising the capacity promotes in order: b (4) fits into 5 free seats, d (3) does not fit the last one
        body.put("capacity", 10);
        as("secretariat").header("If-Match", "*").contentType("application/json").body(json(body)).when().put("/api/v1/seminars/" + id)
                .then().statusCode(200).body("seatsAvailable", equalTo(0));
        assertStatus(id, b, "CONFIRMED", null);
        assertStatus(id, d, "WAITLISTED", 1);
    }

    static void assertStatus(String seminarId, String registrationId, String status, Integer position) {
        as("secretariat").when().get("/api/v1/seminars/" + seminarId + "/registrations/" + registrationId)
                .then().statusCode(200).body("status", equalTo(status)).body("waitlistPosition", equalTo(position));
    }

    @Test
    void cancellingASeminarCancelsEveryRegistration() {
        Map<String, Object> body = seminar();
        body.put("capacity", 2);
        String id = published(body);
        String a = Fixtures.register("sme-a", id, Fixtures.registration(2, null));
        String b = Fixtures.register("sme-b", id, Fixtures.registration(1, null));
        as("secretariat").header("If-Match", "*").contentType("application/json").body("{\"reason\":\"講師の体調不良\"}")
                .when().post("/api/v1/seminars/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("講師の体調不良"))
                .body("waitlistLength", equalTo(0)).body("seatsAvailable", equalTo(2));
        as("sme-a").when().get("/api/v1/seminars/" + id + "/registrations/" + a).then().body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("SEMINAR_CANCELLED"));
        as("sme-b").when().get("/api/v1/seminars/" + id + "/registrations/" + b).then().body("status", equalTo("CANCELLED"));
        as("sme-c").contentType("application/json").body(json(Fixtures.registration(1, null)))
                .when().post("/api/v1/seminars/" + id + "/registrations")
                .then().statusCode(409).body("type", equalTo("urn:telework:problem:seminar-not-published"));
        as("secretariat").header("If-Match", "*").when().post("/api/v1/seminars/" + id + "/cancel").then().statusCode(409);
        as(null).queryParam("status", "CANCELLED").queryParam("size", "100").when().get("/api/v1/seminars")
                .then().statusCode(200).body("items.id", hasItem(id));
    }
}
