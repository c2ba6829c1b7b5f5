package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service runs in a JVM whose default zone is America/Los_Angeles (the build sets it for every test
 * JVM): a seminar at 00:30 Tokyo time on the first of a month is still on the first, in that month, in the
 * feed and in the statistics — 17 hours earlier, Los Angeles is still in the previous month.
 */
@QuarkusTest
class TokyoTimeTest {

    @Test
    void aSeminarJustAfterMidnightInTokyoStaysOnItsTokyoDate() {
        assertEquals("America/Los_Angeles", TimeZone.getDefault().getID(), "the test must run far from Tokyo to prove anything");
        LocalDate first = LocalDate.now(ZoneOffset.ofHours(9)).plusMonths(3).withDayOfMonth(1);
        OffsetDateTime start = first.atTime(LocalTime.of(0, 30)).atOffset(ZoneOffset.ofHours(9));
        Map<String, Object> body = seminar();
        body.put("host", "47");
        body.put("venue", Map.of("prefecture", "47", "address", "那覇市泉崎1-2-2"));
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusHours(2).toString());
        body.put("registrationClosesAt", start.minusDays(1).toString());
        String id = Fixtures.published(body);

        as(null).when().get("/api/v1/seminars/" + id).then().statusCode(200)
                .body("startsAt", containsString(first + "T00:30:00+09:00"));
        String day = first.toString().replace("-", "");
        as(null).queryParam("region", "KYUSHU_OKINAWA").when().get("/api/v1/seminars/calendar.ics").then().statusCode(200)
                .body(containsString("DTSTART;TZID=Asia/Tokyo:" + day + "T003000"));

        List<Map<String, Object>> months = as("secretariat").queryParam("from", first.toString()).queryParam("to", first.toString())
                .when().get("/api/v1/seminars/statistics").then().statusCode(200).extract().jsonPath().getList("byRegionMonth");
        String month = first.toString().substring(0, 7);
        assertEquals(List.of(month), months.stream().filter(m -> "KYUSHU_OKINAWA".equals(m.get("region")))
                .map(m -> (String) m.get("month")).toList(), "counted in its Tokyo month, on its Tokyo date");
    }
}
