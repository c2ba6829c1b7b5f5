package jp.telework.desk.seminar;

import static jp.telework.desk.seminar.Fixtures.as;
import static jp.telework.desk.seminar.Fixtures.published;
import static jp.telework.desk.seminar.Fixtures.register;
import static jp.telework.desk.seminar.Fixtures.registration;
import static jp.telework.desk.seminar.Fixtures.seminar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;

@QuarkusTest
class StatisticsTest {

    private static JsonPath stats(String user, LocalDate from, LocalDate to) {
        return as(user).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/api/v1/seminars/statistics").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> at(OffsetDateTime start, String prefecture, int capacity) {
        Map<String, Object> m = seminar();
        m.put("host", prefecture);
        m.put("venue", Map.of("prefecture", prefecture, "address", "会場"));
        m.put("startsAt", start.toString());
        m.put("endsAt", start.plusHours(2).toString());
        m.put("registrationClosesAt", start.minusDays(1).toString());
        m.put("capacity", capacity);
        return m;
    }

    @Test
    void perRegionAndMonthWithFillRateWaitlistPromotionsAndAttendance() {
        // a month nobody else uses: three years ahead
        OffsetDateTime start = OffsetDateTime.now(Fixtures.JST).plusYears(3).withDayOfMonth(10).withHour(14).withMinute(0)
                .withSecond(0).withNano(0);
        LocalDate monthStart = start.toLocalDate().withDayOfMonth(1);
        LocalDate monthEnd = monthStart.plusMonths(1).minusDays(1);
        String month = monthStart.toString().substring(0, 7);

        String tokyo = published(at(start, "13", 4));
        String a = register("sme-a", tokyo, registration(2, null));
        register("secretariat", tokyo, registration(2, "stats-x"));
        register("secretariat", tokyo, registration(1, "stats-y")); // waits
        register("secretariat", tokyo, registration(2, "stats-z")); // waits
        as("sme-a").when().post("/api/v1/seminars/" + tokyo + "/registrations/" + a + "/cancel").then().statusCode(200);
        // 2 seats freed: stats-y (1) is promoted; then 1 seat is free and stats-z (2) keeps waiting

        String osaka = published(at(start.plusDays(5), "27", 10));
        register("secretariat", osaka, registration(5, "stats-w"));
        String cancelled = published(at(start.plusDays(6), "27", 10));
        as("secretariat").header("If-Match", "*").when().post("/api/v1/seminars/" + cancelled + "/cancel").then().statusCode(200);
        Map<String, Object> online = at(start.plusDays(2), "13", 6); // nationwide online seminar of the secretariat
        online.put("host", "SECRETARIAT");
        online.put("format", "ONLINE");
        online.remove("venue");
        online.put("onlineJoin", Map.of("url", "https://meet.example.jp/j/stats"));
        published(online);

        JsonPath s = stats("secretariat", monthStart, monthEnd);
        assertEquals(monthStart.toString(), s.getString("from"));
        assertEquals(3, s.getInt("totals.seminars"));
        assertEquals(1, s.getInt("totals.cancelled"));
        assertEquals(20, s.getInt("totals.capacity"));
        assertEquals(8, s.getInt("totals.confirmedSeats"));
        assertEquals(0.4, s.getDouble("totals.fillRate"), 0.0001);
        assertEquals(1, s.getInt("totals.waitlisted"));
        assertEquals(2, s.getInt("totals.waitlistedSeats"));
        assertEquals(1, s.getInt("totals.promotions"));
        List<Map<String, Object>> buckets = s.getList("byRegionMonth");
        assertEquals(List.of("KANTO", "KINKI", "NATIONWIDE"), buckets.stream().map(b -> b.get("region")).toList());
        assertEquals(List.of(month, month, month), buckets.stream().map(b -> b.get("month")).toList());
        assertEquals(0.0, s.getDouble("byRegionMonth[2].figures.fillRate"), 0.0001);
        assertEquals(0.75, s.getDouble("byRegionMonth[0].figures.fillRate"), 0.0001);
        assertEquals(0.5, s.getDouble("byRegionMonth[1].figures.fillRate"), 0.0001);
        assertEquals(1, s.getInt("byRegionMonth[1].figures.cancelled"));
        // the dashboard client reads the same figures
        assertEquals(3, stats(Fixtures.DASHBOARD, monthStart, monthEnd).getInt("totals.seminars"));

        // attendance rate: a seminar that has started today
        LocalDate today = LocalDate.now(Fixtures.JST);
        JsonPath before = stats("secretariat", today.minusDays(1), today);
        String held = published(at(Fixtures.inDays(10), "27", 10));
        String r1 = register("secretariat", held, registration(1, "stats-att-1"));
        String r2 = register("secretariat", held, registration(1, "stats-att-2"));
        String r3 = register("secretariat", held, registration(1, "stats-att-3"));
        OffsetDateTime now = OffsetDateTime.now();
        RegistrationLifecycleTest.shift(held, x -> {
            x.registrationOpensAt = now.minusDays(2);
            x.registrationClosesAt = now.minusHours(2);
            x.startsAt = now.minusMinutes(30);
            x.endsAt = now.plusHours(1);
        });
        for (var r : Map.of(r1, "ATTENDED", r2, "ATTENDED", r3, "NO_SHOW").entrySet()) {
            as("assoc-osaka").contentType("application/json").body("{\"attendance\":\"" + r.getValue() + "\"}")
                    .when().put("/api/v1/seminars/" + held + "/registrations/" + r.getKey() + "/attendance").then().statusCode(200);
        }
        JsonPath after = stats("secretariat", today.minusDays(1), today);
        assertEquals(2, after.getInt("totals.attended") - before.getInt("totals.attended"));
        assertEquals(1, after.getInt("totals.noShow") - before.getInt("totals.noShow"));
        assertEquals(3, after.getInt("totals.confirmedSeats") - before.getInt("totals.confirmedSeats"));

        as("secretariat").queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .when().get("/api/v1/seminars/statistics").then().statusCode(400);
    }
}
