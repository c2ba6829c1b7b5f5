package jp.telework.desk.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonTest {
    record Body(String name, int count) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    @Test
    void acceptsOrdinaryText() throws Exception {
        assertEquals(new Body("東京 🗼", 2), json.readValue("{\"name\":\"東京 🗼\",\"count\":2}", Body.class));
    }

    record Listing(java.util.List<String> names) {
    }

    @Test
    void stopsHugeListsInTheParser() throws Exception {
        assertEquals(1_000, json.readValue("{\"names\":[" + "\"a\",".repeat(999) + "\"a\"]}", Listing.class).names().size());
        StrictJson.TooManyElements tooMany = assertThrows(StrictJson.TooManyElements.class,
                () -> json.readValue("{\"names\":[" + "\"a\",".repeat(1_000) + "\"a\"]}", Listing.class));
        assertEquals("names", tooMany.getPath().get(0).getFieldName());
        assertThrows(StrictJson.TooManyElements.class, () -> json.readValue("[" + "1,".repeat(1_500) + "1]", int[].class));
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"names\":[" + "null,".repeat(99_999) + "null]}", Listing.class));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Token count"), e.getMessage());
    }

    @Test
    void refusesWhatALenientReaderWouldTake() {
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\",\"count\":1} trailing", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\",\"name\":\"b\",\"count\":1}", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":42,\"count\":1}", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\",\"count\":1.5}", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\\u0000b\",\"count\":1}", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\\ud800b\",\"count\":1}", Body.class));
    }

    record Dated(java.time.LocalDate date, java.time.OffsetDateTime at) {
    }

    @Test
    void aLocalDateIsYearMonthDayAndNothingElse() throws Exception {
        assertEquals(java.time.LocalDate.of(2026, 12, 1), json.readValue("{\"date\":\"2026-12-01\"}", Dated.class).date());
        // Jackson's own reader keeps the UTC date of an instant: the 1st, while it is already the 2nd in Tokyo
        for (String bad : new String[] { "\"2026-12-01T15:00:00Z\"", "\"2026-12-01T15:00:00\"", "\"2026-12-01T15:00:00+09:00\"",
                "[2026,12,1]", "20788", "\"2026-12-1\"", "\"2026-02-30\"", "\"+2026-12-01\"", "\" 2026-12-01\"" }) {
            StrictJson.BadValue e = assertThrows(StrictJson.BadValue.class, () -> json.readValue("{\"date\":" + bad + "}", Dated.class), bad);
            assertEquals("date", e.getPath().get(0).getFieldName());
        }
        StrictJson.BadValue outside = assertThrows(StrictJson.BadValue.class, () -> json.readValue("{\"date\":\"1999-12-31\"}", Dated.class));
        assertEquals(jp.telework.desk.common.rest.DateWindow.MESSAGE, outside.getOriginalMessage());
        assertThrows(StrictJson.BadValue.class, () -> json.readValue("{\"date\":\"2101-01-01\"}", Dated.class));
    }

    @Test
    void anInstantCarriesItsOffsetAndStaysInTheWindow() throws Exception {
        ObjectMapper tokyo = strict().setTimeZone(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
        assertEquals(java.time.OffsetDateTime.parse("2026-12-02T00:00:00+09:00"),
                tokyo.readValue("{\"at\":\"2026-12-01T15:00:00Z\"}", Dated.class).at());
        for (String bad : new String[] { "1764601200", "\"2026-12-01T15:00:00\"", "\"2026-12-01\"", "\"+999999999-12-31T23:59:59Z\"",
                "\"1970-01-01T00:00:00Z\"" }) {
            StrictJson.BadValue e = assertThrows(StrictJson.BadValue.class, () -> tokyo.readValue("{\"at\":" + bad + "}", Dated.class), bad);
            assertEquals("at", e.getPath().get(0).getFieldName());
        }
    }

    record Timed(java.time.LocalTime start) {
    }

    @Test
    void aTimeOfDayIsHoursAndMinutes() throws Exception {
        assertEquals(java.time.LocalTime.of(10, 0), json.readValue("{\"start\":\"10:00\"}", Timed.class).start());
        assertEquals(java.time.LocalTime.of(23, 59, 30), json.readValue("{\"start\":\"23:59:30\"}", Timed.class).start());
        for (String bad : new String[] { "\"24:00\"", "\"10:00:00.5\"", "\"T10:00\"", "\"10:00Z\"", "\"10:00+09:00\"", "[10,0]",
                "36000", "\"9:00\"", "\"10:60\"", "\" 10:00\"", "\"\"" }) {
            StrictJson.BadValue e = assertThrows(StrictJson.BadValue.class, () -> json.readValue("{\"start\":" + bad + "}", Timed.class), bad);
            assertEquals("start", e.getPath().get(0).getFieldName());
        }
    }
}
