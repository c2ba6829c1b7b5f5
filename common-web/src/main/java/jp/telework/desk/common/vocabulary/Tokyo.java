package jp.telework.desk.common.vocabulary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * Japan Standard Time, the desk's one clock: slot dates, seminar times and statistics months are
 * local to Asia/Tokyo whatever the host's zone. UTC+09:00 all year (no daylight saving). Every module
 * injects the {@link Clock} produced here instead of calling {@code now()} on the host's clock.
 */
@ApplicationScoped
public class Tokyo {
    /** The zone's name, for annotations ({@code @Scheduled(timeZone = ...)}) and iCalendar TZIDs. */
    public static final String ZONE_ID = "Asia/Tokyo";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(9);

    /** The system clock in Tokyo; a test may provide its own {@code Clock} bean instead. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(ZONE);
    }

    /** The current time with the +09:00 offset. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(OFFSET);
    }

    /** Today in Tokyo. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** A Tokyo-local date and time as an instant with the +09:00 offset. */
    public static OffsetDateTime at(LocalDate date, LocalTime time) {
        return date.atTime(time).atOffset(OFFSET);
    }
}
