package jp.telework.desk.contactpoint.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.telework.desk.common.vocabulary.Region;

/**
 * Adds up offered slots, capacity and bookings per contact point, per region and per ISO week.
 * Utilization = booked / capacity (0 when nothing was offered); it can exceed 1 where a slot was
 * shrunk below its bookings.
 */
public final class UtilizationStats {
    /** Open slots of one contact point on one day. */
    public record DayRow(String code, LocalDate date, long slots, long capacity, long booked) {
    }

    public record Figures(long slotsOffered, long capacity, long booked, double utilization) {
        static final Figures ZERO = new Figures(0, 0, 0, 0);

        Figures plus(long slots, long cap, long book) {
            long c = capacity + cap;
            long b = booked + book;
            return new Figures(slotsOffered + slots, c, b, UtilizationStats.utilization(b, c));
        }
    }

    public record Week(String isoWeek, LocalDate weekStart) {
    }

    public record Result(Figures totals, Map<String, Figures> byCode, Map<Region, Figures> byRegion, Map<Week, Figures> byWeek) {
    }

    private UtilizationStats() {
    }

    /**
     * @param regionOf every contact point (code → region), in the order the answer should list them;
     *                 contact points without rows are listed with zeros
     */
    public static Result compute(List<DayRow> rows, Map<String, Region> regionOf) {
        Figures totals = Figures.ZERO;
        Map<String, Figures> byCode = new LinkedHashMap<>();
        regionOf.keySet().forEach(code -> byCode.put(code, Figures.ZERO));
        Map<Region, Figures> byRegion = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            byRegion.put(r, Figures.ZERO);
        }
        Map<Week, Figures> byWeek = new TreeMap<>(java.util.Comparator.comparing(Week::weekStart));
        for (DayRow row : rows) {
            totals = totals.plus(row.slots(), row.capacity(), row.booked());
            byCode.merge(row.code(), Figures.ZERO.plus(row.slots(), row.capacity(), row.booked()),
                    (a, b) -> a.plus(b.slotsOffered(), b.capacity(), b.booked()));
            Region region = regionOf.get(row.code());
            if (region != null) {
                byRegion.put(region, byRegion.get(region).plus(row.slots(), row.capacity(), row.booked()));
            }
            Week week = week(row.date());
            byWeek.put(week, byWeek.getOrDefault(week, Figures.ZERO).plus(row.slots(), row.capacity(), row.booked()));
        }
        return new Result(totals, byCode, byRegion, byWeek);
    }

    public static Week week(LocalDate date) {
        int year = date.get(IsoFields.WEEK_BASED_YEAR);
        int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return new Week(String.format("%d-W%02d", year, week), date.with(DayOfWeek.MONDAY));
    }

    public static double utilization(long booked, long capacity) {
        return capacity == 0 ? 0.0 : Math.round(booked * 1000.0 / capacity) / 1000.0;
    }
}
