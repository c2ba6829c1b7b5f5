package jp.telework.desk.seminar.mapping;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jp.telework.desk.common.rest.Locations;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.seminar.domain.SeminarStatus;

/**
 * The public calendar feed's content: one VEVENT per seminar, with a UID that never changes, so a
 * subscribed calendar updates its copy instead of adding a second one. Which seminars go in is the
 * service's choice ({@code SeminarService.calendarFeed}); this class only says how each one looks.
 * <ul>
 *   <li>A published seminar is {@code STATUS:CONFIRMED}; a cancelled one {@code STATUS:CANCELLED}, its summary
 *   marked 【中止 / Cancelled】 for applications that show the status poorly, its description giving the
 *   reason instead of free seats. A draft is never written (it was never public).</li>
 *   <li>{@code SEQUENCE} is the seminar's row version. It grows with every change of the seminar itself
 *   (update, publish, cancel — each one writes the row) and never with a registration (the seat counters are
 *   excluded from the optimistic version), so a cancelled seminar's SEQUENCE is above any it had while
 *   confirmed.</li>
 *   <li>{@code LAST-MODIFIED} and {@code DTSTAMP} are the seminar's last change ({@code updatedAt}, set by the
 *   cancellation too). DTSTAMP could instead be the time the feed was written (RFC 5545 allows that reading for
 *   a METHOD:PUBLISH object); the last change keeps the feed's bytes the same until a seminar changes and keeps
 *   DTSTAMP meaningful for ordering two copies with the same SEQUENCE.</li>
 * </ul>
 */
public final class SeminarCalendar {
    /** The right-hand side of every UID: seminar ids are UUIDs, unique on their own; this says whose. */
    public static final String UID_SUFFIX = "@seminar-service.telework-desk";
    static final String CANCELLED_MARK = "【中止 / Cancelled】";

    private SeminarCalendar() {
    }

    /** The feed for {@code seminars} (in the order given); {@code region} only names the calendar. */
    public static String write(List<Seminar> seminars, Region region, URI publicBase) {
        String name = "テレワーク・サポートネットワーク セミナー / Telework seminars" + (region != null ? " (" + region + ")" : "");
        return ICalendar.write(name, seminars.stream().map(s -> event(s, publicBase)).toList());
    }

    public static ICalendar.Event event(Seminar s, URI publicBase) {
        String status = status(s.status);
        boolean cancelled = s.status == SeminarStatus.CANCELLED;
        String title = s.titleEn != null ? s.titleJa + " / " + s.titleEn : s.titleJa;
        String summary = cancelled ? CANCELLED_MARK + title : title;
        StringBuilder description = new StringBuilder();
        if (s.descriptionJa != null) {
            description.append(s.descriptionJa);
        }
        if (s.descriptionEn != null) {
            description.append(description.isEmpty() ? "" : "\n\n").append(s.descriptionEn);
        }
        description.append(description.isEmpty() ? "" : "\n\n").append(s.kind).append(" · ").append(s.format).append(" · ");
        if (cancelled) {
            // the seats were all released by the cancellation: "20 seats free" would invite people to come
            description.append("中止 / Cancelled");
            if (s.cancelReason != null && !s.cancelReason.isBlank()) {
                description.append(": ").append(s.cancelReason.strip());
            }
        } else {
            description.append(s.totalCapacity() - s.totalConfirmedSeats()).append(" seats free");
        }
        String location = switch (s.format) {
            case ONLINE -> "オンライン / Online";
            case HYBRID -> join(s.venueName, s.venueAddress) + " + オンライン / Online";
            case IN_PERSON -> join(s.venueName, s.venueAddress);
        };
        List<String> categories = new ArrayList<>();
        categories.add(s.kind.name());
        s.topicList().forEach(t -> categories.add(t.name()));
        if (s.campaignTag != null) {
            categories.add(s.campaignTag);
        }
        return new ICalendar.Event(s.id + UID_SUFFIX, s.updatedAt.toInstant(), s.updatedAt.toInstant(), s.startsAt, s.endsAt,
                summary, description.toString(), location, categories, status, s.version,
                Locations.absolute(publicBase, "/api/v1/seminars/" + s.id));
    }

    /** The VEVENT STATUS of a seminar that may be in the public feed; a draft may not. */
    static String status(SeminarStatus status) {
        return switch (status) {
            case PUBLISHED, COMPLETED -> "CONFIRMED";
            case CANCELLED -> "CANCELLED";
            case DRAFT -> throw new IllegalArgumentException("a draft is not public and has no calendar event");
        };
    }

    private static String join(String name, String address) {
        if (name == null) {
            return address == null ? "" : address;
        }
        return address == null ? name : name + ", " + address;
    }
}
