package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.json;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.telework.desk.seminar.mapping.Ical4j;
import jp.telework.desk.seminar.mapping.SeminarCalendar;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The public feed read back by ical4j: a cancelled seminar stays, CANCELLED with a higher SEQUENCE and a later
 * LAST-MODIFIED, until it would have left the feed had it gone ahead; drafts never appear; several events with
 * Japanese text folded at 75 octets come back unchanged. Each test uses a prefecture of its own (the feed's
 * filter) so that the other tests' seminars do not matter.
 */
@QuarkusTest
class CalendarFeedTest {

    @Inject
    EntityManager em;

    private static Map<String, Object> in(String prefecture, String address) {
        Map<String, Object> body = seminar();
        body.put("host", prefecture);
        body.put("venue", new LinkedHashMap<>(Map.of("prefecture", prefecture, "name", "会議室", "address", address)));
        return body;
    }

    private static String draft(Map<String, Object> body) {
        return as("secretariat").contentType("application/json").body(json(body)).when().post("/api/v1/seminars")
                .then().statusCode(201).extract().path("id");
    }

    private static Response cancel(String id, String reason) {
        Response r = as("secretariat").header("If-Match", "*").contentType("application/json")
                .body(json(reason == null ? Map.of() : Map.of("reason", reason)))
                .when().post("/api/v1/seminars/" + id + "/cancel");
        r.then().statusCode(200);
        return r;
    }

    private static Calendar feed(String prefecture) {
        Response r = as(null).queryParam("prefecture", prefecture).when().get("/api/v1/seminars/calendar.ics");
        r.then().statusCode(200);
        return Ical4j.parse(r.asByteArray());
    }

    private static String uid(String id) {
        return id + SeminarCalendar.UID_SUFFIX;
    }

    private void sql(String statement, String id) {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1,
                em.createNativeQuery(statement).setParameter("id", UUID.fromString(id)).executeUpdate()));
    }

    @Test
    void aCancelledSeminarStaysInTheFeedAsCancelledWithAHigherSequence() {
        String id = Fixtures.published(in("32", "島根県松江市殿町1"));
        String draft = draft(in("32", "島根県松江市殿町2"));
        String cancelledDraft = draft(in("32", "島根県松江市殿町3"));
        cancel(cancelledDraft, null);
        // as if it had been published yesterday, so that "the cancellation's LAST-MODIFIED is later" does not
        // depend on the two requests falling into different seconds (the row version is left alone)
        sql("UPDATE seminar SET updated_at = updated_at - INTERVAL '1 day' WHERE id = :id", id);

        Calendar before = feed("32");
        VEvent confirmed = Ical4j.event(before, uid(id)).orElseThrow(() -> new AssertionError("the published seminar is in the feed"));
        assertEquals("CONFIRMED", Ical4j.value(confirmed, Property.STATUS));
        assertTrue(Ical4j.event(before, uid(draft)).isEmpty(), "a draft is not in the feed");
        assertTrue(Ical4j.event(before, uid(cancelledDraft)).isEmpty(), "nor a draft that was cancelled: it was never public");
        int sequenceBefore = Ical4j.sequence(confirmed);
        Instant modifiedBefore = Ical4j.lastModified(confirmed);

        Response cancelled = cancel(id, "講師の体調不良のため中止します / Cancelled: the speaker is ill");
        // as stored (read back, not the answer's in-memory value), to the second as iCalendar writes it
        String storedUpdatedAt = as(null).when().get("/api/v1/seminars/" + id).then().statusCode(200).extract().path("updatedAt");
        Instant cancelledAt = OffsetDateTime.parse(storedUpdatedAt).toInstant().truncatedTo(ChronoUnit.SECONDS);

        Calendar after = feed("32");
        VEvent event = Ical4j.event(after, uid(id)).orElseThrow(() -> new AssertionError("the cancelled seminar stays in the feed"));
        assertEquals("CANCELLED", Ical4j.value(event, Property.STATUS));
        int sequenceAfter = Ical4j.sequence(event);
        assertTrue(sequenceAfter > sequenceBefore, "SEQUENCE " + sequenceAfter + " must be above " + sequenceBefore);
        assertEquals(((Number) cancelled.path("version")).intValue(), sequenceAfter, "SEQUENCE is the version (the ETag)");
        Instant modifiedAfter = Ical4j.lastModified(event);
        assertTrue(modifiedAfter.isAfter(modifiedBefore), modifiedAfter + " after " + modifiedBefore);
        assertEquals(cancelledAt, modifiedAfter, "LAST-MODIFIED is the cancellation");
        assertEquals(cancelledAt, Ical4j.stamp(event), "and so is DTSTAMP");
        assertTrue(Ical4j.value(event, Property.SUMMARY).startsWith("【中止 / Cancelled】テレワーク導入セミナー"));
        assertTrue(Ical4j.value(event, Property.DESCRIPTION).endsWith("中止 / Cancelled: 講師の体調不良のため中止します / Cancelled: the speaker is ill"),
                Ical4j.value(event, Property.DESCRIPTION));
        assertTrue(Ical4j.event(after, uid(draft)).isEmpty(), "still no draft");
    }

    @Test
    void aCancelledSeminarLeavesTheFeedWhenItWouldHaveHadItGoneAhead() {
        // a published seminar is completed (and leaves the feed) seminar.schedule.auto-complete-after (24 h) past its end
        String endedRecently = Fixtures.published(in("31", "鳥取県鳥取市東町1"));
        String endedLongAgo = Fixtures.published(in("31", "鳥取県鳥取市東町2"));
        String upcoming = Fixtures.published(in("31", "鳥取県鳥取市東町3"));
        for (String id : List.of(endedRecently, endedLongAgo, upcoming)) {
            cancel(id, null);
        }
        // into the past behind the API's back (it only schedules seminars in the future); the CHECKs still hold
        String moveBack = "UPDATE seminar SET ends_at = now() - INTERVAL '%1$s', starts_at = now() - INTERVAL '%1$s' - INTERVAL '2 hours',"
                + " registration_closes_at = now() - INTERVAL '%1$s' - INTERVAL '1 day',"
                + " registration_opens_at = now() - INTERVAL '%1$s' - INTERVAL '10 days' WHERE id = :id";
        sql(moveBack.formatted("2 hours"), endedRecently);
        sql(moveBack.formatted("3 days"), endedLongAgo);

        Calendar calendar = feed("31");
        assertEquals("CANCELLED", Ical4j.value(Ical4j.event(calendar, uid(upcoming)).orElseThrow(), Property.STATUS));
        assertEquals("CANCELLED", Ical4j.value(Ical4j.event(calendar, uid(endedRecently)).orElseThrow(
                () -> new AssertionError("ended 2 hours ago: a published one would still be in the feed")), Property.STATUS));
        assertTrue(Ical4j.event(calendar, uid(endedLongAgo)).isEmpty(), "ended 3 days ago: gone, as a published one would be");
        // the public listing of cancelled seminars is not limited that way
        as(null).queryParam("status", "CANCELLED").queryParam("prefecture", "31").queryParam("size", "100")
                .when().get("/api/v1/seminars").then().statusCode(200)
                .body("items.id", hasItem(endedLongAgo));
    }

    @Test
    void severalEventsWithJapaneseTextFoldedAt75OctetsReadBackUnchanged() {
        String[] titles = { "テレワーク導入セミナー（情報セキュリティ編）：中小企業のためのクラウド活用と端末管理の基本",
                "オンライン相談会；就業規則・労働時間管理, 在宅勤務手当の設計まで 𠮷田先生が解説😀",
                "テレワーク体験イベント\\サテライトオフィス見学ツアー（高知）" };
        String descriptionJa = "社会保険労務士がテレワーク時の労務管理を解説します。\n第1部：制度設計、第2部：質疑応答；"
                + "参加費無料。".repeat(8);
        List<String> ids = new ArrayList<>();
        List<OffsetDateTime> starts = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            OffsetDateTime start = Fixtures.inDays(20 + i);
            starts.add(start);
            Map<String, Object> body = in("39", "高知県高知市丸ノ内" + (i + 1) + "丁目　高知県社会保険労務士会　大会議室");
            body.put("titleJa", titles[i]);
            body.put("titleEn", "Telework seminar no. " + (i + 1) + ", Kochi; part " + (i + 1));
            body.put("descriptionJa", descriptionJa);
            body.put("descriptionEn", "Free of charge.");
            body.put("startsAt", start.toString());
            body.put("endsAt", start.plusHours(2).toString());
            body.put("registrationClosesAt", start.minusDays(1).toString());
            ids.add(Fixtures.published(body));
        }
        cancel(ids.get(1), "会場の都合により中止します。");

        Calendar calendar = feed("39");
        for (int i = 0; i < titles.length; i++) {
            VEvent e = Ical4j.event(calendar, uid(ids.get(i))).orElseThrow();
            String title = titles[i] + " / Telework seminar no. " + (i + 1) + ", Kochi; part " + (i + 1);
            assertEquals(i == 1 ? "【中止 / Cancelled】" + title : title, Ical4j.value(e, Property.SUMMARY));
            assertTrue(Ical4j.value(e, Property.DESCRIPTION).startsWith(descriptionJa + "\n\nFree of charge.\n\nSEMINAR · IN_PERSON · "),
                    Ical4j.value(e, Property.DESCRIPTION));
            assertEquals("会議室, 高知県高知市丸ノ内" + (i + 1) + "丁目　高知県社会保険労務士会　大会議室", Ical4j.value(e, Property.LOCATION));
            assertEquals(starts.get(i).toInstant(), Ical4j.start(e));
            assertEquals(i == 1 ? "CANCELLED" : "CONFIRMED", Ical4j.value(e, Property.STATUS));
            assertEquals("https://api.test.telework.example.jp/api/v1/seminars/" + ids.get(i), Ical4j.value(e, Property.URL));
        }
    }
}
