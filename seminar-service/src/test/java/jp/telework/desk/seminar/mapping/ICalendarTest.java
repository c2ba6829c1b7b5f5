package jp.telework.desk.seminar.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ICalendarTest {

    @Test
    void escapesTextValues() {
        assertEquals("a\\, b\\; c\\\\d\\ne\\nf", ICalendar.escape("a, b; c\\d\r\ne\nf"));
        assertEquals("bell", ICalendar.escape("be\u0007ll"));
    }

    @Test
    void foldsLongLinesAtSeventyFiveOctetsWithoutSplittingCharacters() {
        String line = "SUMMARY:" + "テレワーク導入セミナー".repeat(6);
        String folded = ICalendar.fold(line);
        String[] parts = folded.split("\r\n", -1);
        assertTrue(parts.length > 1);
        for (int i = 0; i < parts.length; i++) {
            assertTrue(parts[i].getBytes(StandardCharsets.UTF_8).length <= 75, "line " + i + " too long");
            if (i > 0) {
                assertTrue(parts[i].startsWith(" "), "continuation starts with a space");
            }
        }
        // unfolding gives the original back, so no character was cut
        assertEquals(line, folded.replace("\r\n ", ""));
        assertEquals("SHORT:x", ICalendar.fold("SHORT:x"));
    }

    @Test
    void writesAValidCalendar() {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-10T05:00:00Z");
        String ics = ICalendar.write("Telework, KANTO", List.of(new ICalendar.Event("abc@x", Instant.parse("2026-10-01T00:00:00Z"),
                start, start.plusHours(2), "労務管理; basics, part 1", "line1\nline2", "千代田区, 東京", List.of("SEMINAR", "SECURITY"),
                "CONFIRMED", 3, "http://127.0.0.1/api/v1/seminars/abc")));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "only CRLF line ends");
        assertTrue(ics.contains("X-WR-CALNAME:Telework\\, KANTO\r\n"));
        assertTrue(ics.contains("UID:abc@x\r\n"));
        assertTrue(ics.contains("DTSTAMP:20261001T000000Z\r\n"));
        assertTrue(ics.contains("DTSTART;TZID=Asia/Tokyo:20261110T140000\r\n"), ics);
        assertTrue(ics.contains("DTEND;TZID=Asia/Tokyo:20261110T160000\r\n"));
        assertTrue(ics.contains("SUMMARY:労務管理\\; basics\\, part 1\r\n"));
        assertTrue(ics.contains("DESCRIPTION:line1\\nline2\r\n"));
        assertTrue(ics.contains("LOCATION:千代田区\\, 東京\r\n"));
        assertTrue(ics.contains("CATEGORIES:SEMINAR,SECURITY\r\n"));
        assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"));
        assertTrue(ics.contains("SEQUENCE:3\r\n"));
        assertEquals(count(ics, "BEGIN:VEVENT"), count(ics, "END:VEVENT"));
    }

    private static int count(String s, String what) {
        return s.split(what, -1).length - 1;
    }
}
