package jp.telework.desk.contactpoint.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Slot dates and times are Asia/Tokyo local; the clock is a bean so that nothing reads the host's zone. */
@ApplicationScoped
public class Tokyo {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ZONE);
    }

    public static OffsetDateTime at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(ZONE).toOffsetDateTime();
    }
}
