package jp.telework.desk.contactpoint.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.telework.desk.contactpoint.domain.UtilizationStats.DayRow;
import jp.telework.desk.contactpoint.domain.UtilizationStats.Figures;
import jp.telework.desk.contactpoint.domain.UtilizationStats.Result;
import jp.telework.desk.contactpoint.domain.UtilizationStats.Week;
import jp.telework.desk.common.vocabulary.Region;

class UtilizationStatsTest {
    @Test
    void perContactPointRegionAndIsoWeek() {
        Map<String, Region> regions = new LinkedHashMap<>();
        regions.put("11", Region.KANTO);
        regions.put("13", Region.KANTO);
        regions.put("27", Region.KINKI);
        List<DayRow> rows = List.of(
                new DayRow("13", LocalDate.of(2026, 12, 27), 4, 8, 2), // Sunday of ISO week 52
                new DayRow("13", LocalDate.of(2026, 12, 28), 4, 8, 6), // Monday of week 53
                new DayRow("27", LocalDate.of(2027, 1, 4), 2, 2, 1)); // 2027-W01
        Result r = UtilizationStats.compute(rows, regions);

        assertEquals(new Figures(10, 18, 9, 0.5), r.totals());
        assertEquals(new Figures(8, 16, 8, 0.5), r.byCode().get("13"));
        assertEquals(new Figures(0, 0, 0, 0.0), r.byCode().get("11"), "listed with zeros");
        assertEquals(List.of("11", "13", "27"), List.copyOf(r.byCode().keySet()));
        assertEquals(new Figures(8, 16, 8, 0.5), r.byRegion().get(Region.KANTO));
        assertEquals(new Figures(0, 0, 0, 0.0), r.byRegion().get(Region.HOKKAIDO));
        assertEquals(List.of(new Week("2026-W52", LocalDate.of(2026, 12, 21)), new Week("2026-W53", LocalDate.of(2026, 12, 28)),
                new Week("2027-W01", LocalDate.of(2027, 1, 4))), List.copyOf(r.byWeek().keySet()));
        assertEquals(0.75, r.byWeek().get(new Week("2026-W53", LocalDate.of(2026, 12, 28))).utilization());
    }

    @Test
    void utilizationIsRoundedAndSafe() {
        assertEquals(0.0, UtilizationStats.utilization(0, 0));
        assertEquals(0.333, UtilizationStats.utilization(1, 3));
        assertEquals(1.5, UtilizationStats.utilization(3, 2), "shrunk below bookings");
    }
}
