package jp.telework.desk.contactpoint.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import jp.telework.desk.contactpoint.domain.CabinetOfficeHolidays;
import jp.telework.desk.contactpoint.domain.HolidayCalendar;
import jp.telework.desk.contactpoint.domain.SlotPlanner;

/** The holiday calendar: computed from the Act, with the Cabinet Office list overriding the years it covers. */
@ApplicationScoped
public class HolidayCalendarProducer {
    private static final Logger LOG = Logger.getLogger(HolidayCalendarProducer.class);

    @Produces
    @Singleton
    HolidayCalendar calendar(AvailabilityConfig config) {
        HolidayCalendar calendar = HolidayCalendar.computed();
        if (config.holidayCsv().isEmpty() || config.holidayCsv().get().isBlank()) {
            return calendar;
        }
        Path csv = Path.of(config.holidayCsv().get());
        try (InputStream in = Files.newInputStream(csv)) {
            List<HolidayCalendar.Holiday> official = CabinetOfficeHolidays.parse(in, Charset.forName(config.holidayCsvCharset()));
            LOG.infof("holiday calendar: %d official holidays loaded from %s", official.size(), csv);
            return calendar.withOfficialList(official);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("telework.availability.holiday-csv: cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    SlotPlanner planner(HolidayCalendar calendar) {
        return new SlotPlanner(calendar);
    }
}
