package jp.telework.desk.seminar.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;

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
                Instant.parse("2026-09-30T01:02:03Z"), start, start.plusHours(2), "労務管理; basics, part 1", "line1\nline2", "千代田区, 東京", List.of("SEMINAR", "SECURITY"),
                "CONFIRMED", 3, "http://127.0.0.1/api/v1/seminars/abc")));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "only CRLF line ends");
        assertTrue(ics.contains("X-WR-CALNAME:Telework\\, KANTO\r\n"));
        assertTrue(ics.contains("UID:abc@x\r\n"));
        assertTrue(ics.contains("DTSTAMP:20261001T000000Z\r\n"));
        assertTrue(ics.contains("LAST-MODIFIED:20260930T010203Z\r\n"));
        assertTrue(ics.contains("DTSTART;TZID=Asia/Tokyo:20261110T140000\r\n"), ics);
        assertTrue(ics.contains("DTEND;TZID=Asia/Tokyo:20261110T160000\r\n"));
        assertTrue(ics.contains("SUMMARY:労務管理\\; basics\\, part 1\r\n"));
        assertTrue(ics.contains("DESCRIPTION:line1\\nline2\r\n"));
        assertTrue(ics.contains("LOCATION:千代田区\\, 東京\r\n"));
        assertTrue(ics.contains("CATEGORIES:SEMINAR,SECURITY\r\n"));
        assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"));
        assertTrue(ics.contains("SEQUENCE:3\r\n"));
        assertEquals(count(ics, "BEGIN:VEVENT"), count(ics, "END:VEVENT"));
        Ical4j.parse(ics);
    }

    /**
     * Folding counts octets, not characters: 2-, 3- and 4-byte characters (a surrogate pair in Java) and escapes
     * are shifted across every fold position (the prefix grows one octet at a time), and a real parser must
     * unfold and unescape each value back to exactly the text that went in.
     */
    @Test
    void aParserReadsEveryFoldedValueBackUnchanged() {
        String mixed = "テレワーク導入セミナー（労務管理編）, Café; 𠮷野家😀 a\\b\n改行\tタブ";
        List<ICalendar.Event> events = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.parse("2026-11-10T14:00:00+09:00");
        for (int shift = 0; shift < 80; shift++) {
            String summary = "x".repeat(shift) + mixed;
            String description = "説明".repeat(shift % 7) + mixed.repeat(4) + "\n\n" + "ü".repeat(shift);
            summaries.add(summary);
            descriptions.add(description);
            events.add(new ICalendar.Event("e" + shift + "@x", Instant.parse("2026-10-01T00:00:00Z"), null, start.plusDays(shift),
                    start.plusDays(shift).plusHours(2), summary, description, "東京都千代田区, 会議室" + "A".repeat(shift),
                    List.of("SEMINAR", "カテゴリ," + shift), "CONFIRMED", shift, null));
        }
        String ics = ICalendar.write("テレワーク・サポートネットワーク セミナー / Telework seminars", events);
        assertTrue(ics.split("\r\n ", -1).length > 80, "long values were folded");

        Calendar calendar = Ical4j.parse(ics);
        assertEquals("テレワーク・サポートネットワーク セミナー / Telework seminars",
                calendar.getRequiredProperty("X-WR-CALNAME").getValue());
        List<VEvent> parsed = Ical4j.events(calendar);
        assertEquals(80, parsed.size());
        for (int shift = 0; shift < 80; shift++) {
            VEvent e = Ical4j.event(calendar, "e" + shift + "@x").orElseThrow();
            assertEquals(summaries.get(shift), Ical4j.value(e, Property.SUMMARY), "SUMMARY of " + shift);
            assertEquals(descriptions.get(shift), Ical4j.value(e, Property.DESCRIPTION), "DESCRIPTION of " + shift);
            assertEquals("東京都千代田区, 会議室" + "A".repeat(shift), Ical4j.value(e, Property.LOCATION));
            assertEquals(Set.of("SEMINAR", "カテゴリ," + shift),
                    Set.copyOf(e.<Categories>getRequiredProperty(Property.CATEGORIES).getCategories().getTexts()));
            assertEquals(shift, Ical4j.sequence(e));
            assertEquals(start.plusDays(shift).toInstant(), Ical4j.start(e));
        }
    }

    private static int count(String s, String what) {
        return s.split(what, -1).length - 1;
    }
}
