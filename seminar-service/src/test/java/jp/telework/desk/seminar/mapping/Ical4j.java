package jp.telework.desk.seminar.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Reads a feed back with ical4j, the way a calendar application would: strict parsing (ical4j's default,
 * see ical4j.properties), every component validated against RFC 5545. The calendar as a whole is not put
 * through {@code Calendar.validate()}: for METHOD:PUBLISH that applies the iTIP rules of RFC 5546, which
 * want an ORGANIZER the feed does not have.
 */
public final class Ical4j {
    private Ical4j() {
    }

    /** Parses {@code bytes} (UTF-8) after checking the framing a parser may forgive: CRLF only, 75 octets a line. */
    public static Calendar parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "ends with CRLF");
        assertFalse(text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"), "only CRLF line ends");
        String[] lines = text.split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            int octets = lines[i].getBytes(StandardCharsets.UTF_8).length;
            assertTrue(octets <= 75, "line " + (i + 1) + " has " + octets + " octets: " + lines[i]);
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException e) {
            throw new AssertionError("the feed does not parse: " + e.getMessage(), e);
        }
        assertEquals("2.0", calendar.getRequiredProperty(Property.VERSION).getValue());
        assertTrue(calendar.getProperty(Property.PRODID).isPresent(), "PRODID");
        for (Component component : calendar.getComponentList().getAll()) {
            ValidationResult result = component.validate();
            if (result.hasErrors()) {
                fail(component.getName() + " is not valid: " + result.getEntries() + "\n" + component);
            }
        }
        return calendar;
    }

    public static Calendar parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    public static Optional<VEvent> event(Calendar calendar, String uid) {
        List<VEvent> matches = events(calendar).stream()
                .filter(e -> e.getProperty(Property.UID).map(p -> p.getValue().equals(uid)).orElse(false)).toList();
        assertTrue(matches.size() <= 1, "UID " + uid + " appears " + matches.size() + " times");
        return matches.stream().findFirst();
    }

    /** The unescaped value of a property that must be there. */
    public static String value(VEvent event, String property) {
        return event.getRequiredProperty(property).getValue();
    }

    public static int sequence(VEvent event) {
        return Integer.parseInt(value(event, Property.SEQUENCE));
    }

    public static Instant lastModified(VEvent event) {
        return event.<LastModified>getRequiredProperty(Property.LAST_MODIFIED).getDate();
    }

    public static Instant stamp(VEvent event) {
        return event.<DtStamp>getRequiredProperty(Property.DTSTAMP).getDate();
    }

    /** DTSTART as an instant, resolved through the feed's own VTIMEZONE. */
    public static Instant start(VEvent event) {
        return Instant.from(event.getStartDate().orElseThrow().getDate());
    }
}
