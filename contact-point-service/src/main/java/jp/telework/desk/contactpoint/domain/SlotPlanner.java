package jp.telework.desk.contactpoint.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a weekly plan plus dated exceptions into the concrete slots of a date range (Asia/Tokyo
 * local dates and times). Rules, per day:
 * <ol>
 * <li>an inactive contact point has no slots; a {@code CLOSED} exception closes the whole day;</li>
 * <li>national holidays and Dec 29 – Jan 3 have no plan slots unless the contact point opts in
 * ({@code openOnHolidays}) or an {@code OPEN} exception opens the day;</li>
 * <li>each plan window of the weekday is cut into slots of its length;</li>
 * <li>{@code EXTRA_WINDOW} exceptions add slots (also on closed calendar days); they replace plan slots
 * of the same mode that overlap them;</li>
 * <li>{@code CAPACITY} exceptions set the capacity of that day's slots (optionally only one mode and/or
 * slots inside a time range), later exceptions winning;</li>
 * <li>modes the contact point no longer offers are dropped.</li>
 * </ol>
 */
public final class SlotPlanner {
    public record Window(DayOfWeek weekday, LocalTime start, LocalTime end, int slotMinutes, int capacity, Mode mode) {
    }

    public record DayException(LocalDate date, ExceptionKind kind, LocalTime start, LocalTime end, Integer slotMinutes,
            Integer capacity, Mode mode) {
        public static DayException closed(LocalDate date) {
            return new DayException(date, ExceptionKind.CLOSED, null, null, null, null, null);
        }

        public static DayException open(LocalDate date) {
            return new DayException(date, ExceptionKind.OPEN, null, null, null, null, null);
        }

        public static DayException extra(LocalDate date, LocalTime start, LocalTime end, int slotMinutes, int capacity, Mode mode) {
            return new DayException(date, ExceptionKind.EXTRA_WINDOW, start, end, slotMinutes, capacity, mode);
        }

        public static DayException capacity(LocalDate date, int capacity, Mode mode, LocalTime start, LocalTime end) {
            return new DayException(date, ExceptionKind.CAPACITY, start, end, null, capacity, mode);
        }
    }

    /** What the contact point itself says: active, which modes, whether it works on holidays. */
    public record Settings(boolean active, Set<Mode> modesOffered, boolean openOnHolidays) {
    }

    public record PlannedSlot(LocalDate date, LocalTime start, LocalTime end, Mode mode, int capacity) {
        public SlotKey key() {
            return new SlotKey(date, start, mode);
        }
    }

    /** A slot's identity within one contact point. */
    public record SlotKey(LocalDate date, LocalTime start, Mode mode) {
    }

    public static final Comparator<PlannedSlot> ORDER = Comparator.comparing(PlannedSlot::date)
            .thenComparing(PlannedSlot::start).thenComparing(PlannedSlot::mode);

    private final HolidayCalendar calendar;

    public SlotPlanner(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The slots of {@code from}..{@code to} (both inclusive), ordered by date, start and mode.
     * {@code exceptions} must be in creation order (later ones win).
     */
    public List<PlannedSlot> plan(Settings settings, List<Window> windows, List<DayException> exceptions, LocalDate from,
            LocalDate to) {
        List<PlannedSlot> result = new ArrayList<>();
        if (!settings.active() || to.isBefore(from)) {
            return result;
        }
        Map<LocalDate, List<DayException>> byDate = exceptions.stream()
                .filter(e -> !e.date().isBefore(from) && !e.date().isAfter(to))
                .collect(Collectors.groupingBy(DayException::date));
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            result.addAll(day(settings, windows, byDate.getOrDefault(day, List.of()), day));
        }
        return result;
    }

    private List<PlannedSlot> day(Settings settings, List<Window> windows, List<DayException> exceptions, LocalDate day) {
        if (exceptions.stream().anyMatch(e -> e.kind() == ExceptionKind.CLOSED)) {
            return List.of();
        }
        boolean opened = settings.openOnHolidays() || exceptions.stream().anyMatch(e -> e.kind() == ExceptionKind.OPEN);
        List<PlannedSlot> slots = new ArrayList<>();
        if (opened || !calendar.isClosedDay(day)) {
            for (Window w : windows) {
                if (w.weekday() == day.getDayOfWeek()) {
                    slots.addAll(cut(day, w.start(), w.end(), w.slotMinutes(), w.capacity(), w.mode()));
                }
            }
        }
        for (DayException e : exceptions) {
            if (e.kind() != ExceptionKind.EXTRA_WINDOW) {
                continue;
            }
            // the extra window replaces plan (and earlier extra) slots of its mode that overlap it
            slots.removeIf(s -> s.mode() == e.mode() && s.start().isBefore(e.end()) && e.start().isBefore(s.end()));
            slots.addAll(cut(day, e.start(), e.end(), e.slotMinutes(), e.capacity(), e.mode()));
        }
        for (DayException e : exceptions) {
            if (e.kind() != ExceptionKind.CAPACITY) {
                continue;
            }
            slots.replaceAll(s -> appliesTo(e, s) ? new PlannedSlot(s.date(), s.start(), s.end(), s.mode(), e.capacity()) : s);
        }
        slots.removeIf(s -> !settings.modesOffered().contains(s.mode()));
        slots.sort(ORDER);
        return slots;
    }

    private static boolean appliesTo(DayException e, PlannedSlot s) {
        return (e.mode() == null || e.mode() == s.mode())
                && (e.start() == null || !s.start().isBefore(e.start()))
                && (e.end() == null || !s.end().isAfter(e.end()));
    }

    /** Cuts [start, end) into consecutive slots of {@code minutes}; a remainder shorter than a slot is not offered. */
    static List<PlannedSlot> cut(LocalDate day, LocalTime start, LocalTime end, int minutes, int capacity, Mode mode) {
        List<PlannedSlot> slots = new ArrayList<>();
        if (minutes <= 0) {
            return slots;
        }
        int endMinute = end.toSecondOfDay() / 60;
        for (int m = start.toSecondOfDay() / 60; m + minutes <= endMinute; m += minutes) {
            slots.add(new PlannedSlot(day, LocalTime.ofSecondOfDay(m * 60L), LocalTime.ofSecondOfDay((m + minutes) * 60L % 86400),
                    mode, capacity));
        }
        return slots;
    }
}
