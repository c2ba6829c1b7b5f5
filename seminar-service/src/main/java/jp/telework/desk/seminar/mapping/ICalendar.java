package jp.telework.desk.seminar.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.telework.desk.common.vocabulary.Tokyo;
import java.util.stream.Collectors;

/**
 * Writes an RFC 5545 iCalendar document: CRLF line ends, TEXT values escaped (backslash,
 * semicolon, comma, newline), content lines folded at 75 octets without splitting a UTF-8
 * character, local times in Asia/Tokyo with a VTIMEZONE, one stable UID per seminar.
 */
public final class ICalendar {
    public static final String MEDIA_TYPE = "text/calendar";
    static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /**
     * One VEVENT. {@code status} is CONFIRMED, TENTATIVE or CANCELLED; {@code sequence} must grow with every
     * significant revision (RFC 5545 section 3.8.7.4), a cancellation included, or clients keep the old copy.
     * {@code stamp} is written as DTSTAMP and {@code lastModified} (if not null) as LAST-MODIFIED.
     */
    public record Event(String uid, Instant stamp, Instant lastModified, OffsetDateTime start, OffsetDateTime end,
            String summary, String description, String location, List<String> categories, String status, long sequence,
            String url) {
    }

    public static String write(String calendarName, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Telework Support Network//seminar-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        line(out, "X-WR-TIMEZONE:" + Tokyo.ZONE_ID);
        // Japan has no daylight saving time: one STANDARD observance describes the zone completely
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + Tokyo.ZONE_ID);
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:+0900");
        line(out, "TZOFFSETTO:+0900");
        line(out, "TZNAME:JST");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + UTC.format(e.stamp()));
            if (e.lastModified() != null) {
                line(out, "LAST-MODIFIED:" + UTC.format(e.lastModified()));
            }
            line(out, "DTSTART;TZID=" + Tokyo.ZONE_ID + ":" + LOCAL.format(e.start().atZoneSameInstant(Tokyo.ZONE)));
            line(out, "DTEND;TZID=" + Tokyo.ZONE_ID + ":" + LOCAL.format(e.end().atZoneSameInstant(Tokyo.ZONE)));
            line(out, "SUMMARY:" + escape(e.summary()));
            if (e.description() != null && !e.description().isBlank()) {
                line(out, "DESCRIPTION:" + escape(e.description()));
            }
            if (e.location() != null && !e.location().isBlank()) {
                line(out, "LOCATION:" + escape(e.location()));
            }
            if (e.categories() != null && !e.categories().isEmpty()) {
                line(out, "CATEGORIES:" + e.categories().stream().map(ICalendar::escape).collect(Collectors.joining(",")));
            }
            line(out, "STATUS:" + e.status());
            line(out, "SEQUENCE:" + e.sequence());
            if (e.url() != null) {
                line(out, "URL:" + e.url());
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT value escaping of RFC 5545 section 3.3.11; other control characters are dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder out, String content) {
        out.append(fold(content)).append(CRLF);
    }

    /**
     * Splits a content line into lines of at most 75 octets (UTF-8), continuation lines starting
     * with one space (which counts toward their 75), never inside a character or surrogate pair.
     */
    static String fold(String content) {
        if (content.getBytes(StandardCharsets.UTF_8).length <= MAX_OCTETS) {
            return content;
        }
        StringBuilder out = new StringBuilder(content.length() + 16);
        int octets = 0;
        int limit = MAX_OCTETS;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int chars = Character.charCount(cp);
            int size = utf8Length(cp);
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_OCTETS - 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += chars;
        }
        return out.toString();
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }
}
