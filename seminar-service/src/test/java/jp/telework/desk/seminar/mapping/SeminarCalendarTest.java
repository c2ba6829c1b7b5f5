package jp.telework.desk.seminar.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.seminar.domain.SeminarFormat;
import jp.telework.desk.seminar.domain.SeminarKind;
import jp.telework.desk.seminar.domain.SeminarStatus;

class SeminarCalendarTest {
    private static final URI BASE = URI.create("https://api.example.jp/desk");
    private static final OffsetDateTime CHANGED = OffsetDateTime.parse("2026-10-02T09:15:30+09:00");

    private static Seminar seminar(SeminarStatus status, long version) {
        Seminar s = new Seminar();
        s.id = UUID.randomUUID();
        s.kind = SeminarKind.SEMINAR;
        s.titleJa = "テレワーク導入セミナー（労務管理編）";
        s.titleEn = "Introducing telework";
        s.descriptionJa = "社会保険労務士が解説します。";
        s.topics = new String[] { "LABOR_MANAGEMENT" };
        s.format = SeminarFormat.IN_PERSON;
        s.venueName = "会議室A";
        s.venueAddress = "東京都千代田区1-1";
        s.startsAt = OffsetDateTime.parse("2026-11-10T14:00:00+09:00");
        s.endsAt = s.startsAt.plusHours(2);
        s.inPersonCapacity = 20;
        s.inPersonConfirmedSeats = 5;
        s.status = status;
        s.updatedAt = CHANGED;
        s.version = version;
        return s;
    }

    @Test
    void aPublishedSeminarIsConfirmed() {
        Seminar s = seminar(SeminarStatus.PUBLISHED, 2);
        ICalendar.Event e = SeminarCalendar.event(s, BASE);
        assertEquals("CONFIRMED", e.status());
        assertEquals(s.id + "@seminar-service.telework-desk", e.uid());
        assertEquals(2, e.sequence());
        assertEquals(CHANGED.toInstant(), e.stamp());
        assertEquals(CHANGED.toInstant(), e.lastModified());
        assertEquals("テレワーク導入セミナー（労務管理編） / Introducing telework", e.summary());
        assertTrue(e.description().endsWith("SEMINAR · IN_PERSON · 15 seats free"), e.description());
        assertEquals("会議室A, 東京都千代田区1-1", e.location());
        assertEquals("https://api.example.jp/desk/api/v1/seminars/" + s.id, e.url());
    }

    @Test
    void aCancelledSeminarIsCancelledSaysWhyAndOffersNoSeats() {
        Seminar s = seminar(SeminarStatus.CANCELLED, 3);
        s.inPersonConfirmedSeats = 0; // the cancellation released them all
        s.cancelReason = "講師の体調不良のため / the speaker is ill";
        ICalendar.Event e = SeminarCalendar.event(s, BASE);
        assertEquals("CANCELLED", e.status());
        assertEquals(3, e.sequence());
        assertEquals("【中止 / Cancelled】テレワーク導入セミナー（労務管理編） / Introducing telework", e.summary());
        assertTrue(e.description().endsWith("SEMINAR · IN_PERSON · 中止 / Cancelled: 講師の体調不良のため / the speaker is ill"),
                e.description());
        assertFalse(e.description().contains("seats free"));
        assertEquals(s.id + "@seminar-service.telework-desk", e.uid(), "the same UID as while it was confirmed");
    }

    @Test
    void aDraftHasNoCalendarEvent() {
        assertThrows(IllegalArgumentException.class, () -> SeminarCalendar.event(seminar(SeminarStatus.DRAFT, 0), BASE));
    }

    @Test
    void theFeedReadsBackWithBothStatuses() {
        Seminar published = seminar(SeminarStatus.PUBLISHED, 1);
        Seminar cancelled = seminar(SeminarStatus.CANCELLED, 4);
        cancelled.format = SeminarFormat.ONLINE;
        cancelled.onlineCapacity = 100;
        cancelled.inPersonCapacity = 0;
        cancelled.inPersonConfirmedSeats = 0;
        Calendar calendar = Ical4j.parse(SeminarCalendar.write(List.of(published, cancelled), Region.KANTO, BASE));
        assertEquals("テレワーク・サポートネットワーク セミナー / Telework seminars (KANTO)",
                calendar.getRequiredProperty("X-WR-CALNAME").getValue());
        VEvent p = Ical4j.event(calendar, published.id + SeminarCalendar.UID_SUFFIX).orElseThrow();
        VEvent c = Ical4j.event(calendar, cancelled.id + SeminarCalendar.UID_SUFFIX).orElseThrow();
        assertEquals("CONFIRMED", Ical4j.value(p, Property.STATUS));
        assertEquals("CANCELLED", Ical4j.value(c, Property.STATUS));
        assertEquals(4, Ical4j.sequence(c));
        assertEquals(CHANGED.toInstant(), Ical4j.lastModified(c));
        assertEquals(CHANGED.toInstant(), Ical4j.stamp(c));
        assertEquals("オンライン / Online", Ical4j.value(c, Property.LOCATION));
        assertEquals(published.startsAt.toInstant(), Ical4j.start(p));
    }
}
