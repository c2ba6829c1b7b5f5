package jp.telework.desk.contactpoint.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import jp.telework.desk.contactpoint.domain.SlotPlanner.DayException;
import jp.telework.desk.contactpoint.domain.SlotPlanner.PlannedSlot;
import jp.telework.desk.contactpoint.domain.SlotPlanner.Settings;
import jp.telework.desk.contactpoint.domain.SlotPlanner.Window;

class SlotPlannerTest {
    private static final Settings ALL_MODES = new Settings(true, EnumSet.allOf(Mode.class), false);
    private final SlotPlanner planner = new SlotPlanner(HolidayCalendar.computed());

    /** Monday to Saturday 10:00-12:00 in hour slots, two attorneys, face to face; online Tuesday afternoons. */
    private static List<Window> weekly() {
        List<Window> windows = new ArrayList<>();
        for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)) {
            windows.add(new Window(d, LocalTime.of(10, 0), LocalTime.of(12, 0), 60, 2, Mode.IN_PERSON));
        }
        windows.add(new Window(DayOfWeek.TUESDAY, LocalTime.of(13, 0), LocalTime.of(15, 0), 30, 1, Mode.ONLINE));
        return windows;
    }

    private static Map<LocalDate, Long> perDay(List<PlannedSlot> slots) {
        return slots.stream().collect(Collectors.groupingBy(PlannedSlot::date, TreeMap::new, Collectors.counting()));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aWeekWithAHolidayAndASilverWeek() {
        // 2026-09-21 Respect for the Aged Day, 09-22 citizens' holiday, 09-23 Autumnal Equinox Day
        Map<LocalDate, Long> days = perDay(planner.plan(ALL_MODES, weekly(), List.of(), d("2026-09-20"), d("2026-09-27")));
        assertEquals(Map.of(d("2026-09-24"), 2L, d("2026-09-25"), 2L, d("2026-09-26"), 2L), days);

        // 2026-11-23 (Monday) Labor Thanksgiving Day; Tuesday has both modes
        Map<LocalDate, Long> november = perDay(planner.plan(ALL_MODES, weekly(), List.of(), d("2026-11-22"), d("2026-11-24")));
        assertEquals(Map.of(d("2026-11-24"), 6L), november);
    }

    @Test
    void acrossTheYearEnd() {
        List<PlannedSlot> slots = planner.plan(ALL_MODES, weekly(), List.of(), d("2026-12-26"), d("2027-01-12"));
        Map<LocalDate, Long> days = perDay(slots);
        // Dec 26 (Sat) and Dec 28 (Mon) open; Dec 29 – Jan 3 closed; Jan 4 reopens; Jan 11 is Coming of Age Day
        assertEquals(List.of(d("2026-12-26"), d("2026-12-28"), d("2027-01-04"), d("2027-01-05"), d("2027-01-06"), d("2027-01-07"),
                d("2027-01-08"), d("2027-01-09"), d("2027-01-12")), List.copyOf(days.keySet()));
        assertEquals(6L, days.get(d("2027-01-05")), "Tuesday: 2 face-to-face + 4 online");
        assertEquals(slots.stream().sorted(SlotPlanner.ORDER).toList(), slots, "ordered by date, start, mode");
    }

    @Test
    void optingInOrAnOpenExceptionOpensClosedDays() {
        Settings openOnHolidays = new Settings(true, EnumSet.allOf(Mode.class), true);
        assertEquals(6 + 2 + 2, planner.plan(openOnHolidays, weekly(), List.of(), d("2026-12-29"), d("2026-12-31")).size());
        assertEquals(2, planner.plan(openOnHolidays, weekly(), List.of(), d("2026-11-23"), d("2026-11-23")).size());

        List<PlannedSlot> opened = planner.plan(ALL_MODES, weekly(), List.of(DayException.open(d("2026-12-29"))),
                d("2026-12-29"), d("2026-12-31"));
        assertEquals(Set.of(d("2026-12-29")), perDay(opened).keySet(), "only the opened day");
        assertEquals(6, opened.size(), "Tuesday Dec 29 with its full plan");
    }

    @Test
    void closedExceptionWinsOverEverything() {
        List<DayException> exceptions = List.of(
                DayException.extra(d("2026-12-01"), LocalTime.of(18, 0), LocalTime.of(19, 0), 60, 1, Mode.PHONE),
                DayException.closed(d("2026-12-01")),
                DayException.open(d("2026-12-01")));
        assertTrue(planner.plan(new Settings(true, EnumSet.allOf(Mode.class), true), weekly(), exceptions, d("2026-12-01"),
                d("2026-12-01")).isEmpty());
    }

    @Test
    void anExtraWindowAddsSlotsEvenOnAHolidayAndReplacesOverlapsOfItsMode() {
        List<PlannedSlot> holiday = planner.plan(ALL_MODES, weekly(),
                List.of(DayException.extra(d("2026-11-23"), LocalTime.of(13, 0), LocalTime.of(14, 30), 45, 3, Mode.PHONE)),
                d("2026-11-23"), d("2026-11-23"));
        assertEquals(List.of(new PlannedSlot(d("2026-11-23"), LocalTime.of(13, 0), LocalTime.of(13, 45), Mode.PHONE, 3),
                new PlannedSlot(d("2026-11-23"), LocalTime.of(13, 45), LocalTime.of(14, 30), Mode.PHONE, 3)), holiday);

        // Tuesday Dec 1, 2026: 10:30-11:30 face to face in half hours replaces the plan's 10:00 and 11:00 hour slots
        List<PlannedSlot> tuesday = planner.plan(ALL_MODES, weekly(),
                List.of(DayException.extra(d("2026-12-01"), LocalTime.of(10, 30), LocalTime.of(11, 30), 30, 4, Mode.IN_PERSON)),
                d("2026-12-01"), d("2026-12-01"));
        List<PlannedSlot> inPerson = tuesday.stream().filter(s -> s.mode() == Mode.IN_PERSON).toList();
        assertEquals(List.of(LocalTime.of(10, 30), LocalTime.of(11, 0)), inPerson.stream().map(PlannedSlot::start).toList());
        assertEquals(4, tuesday.stream().filter(s -> s.mode() == Mode.ONLINE).count(), "other modes untouched");
    }

    @Test
    void capacityExceptionsByModeAndTimeRangeLaterWins() {
        List<DayException> exceptions = List.of(
                DayException.capacity(d("2026-12-01"), 5, null, null, null),
                DayException.capacity(d("2026-12-01"), 1, Mode.IN_PERSON, LocalTime.of(11, 0), LocalTime.of(12, 0)));
        List<PlannedSlot> slots = planner.plan(ALL_MODES, weekly(), exceptions, d("2026-12-01"), d("2026-12-02"));
        Map<String, Integer> capacity = slots.stream().collect(Collectors.toMap(
                s -> s.date() + " " + s.start() + " " + s.mode(), PlannedSlot::capacity));
        assertEquals(5, capacity.get("2026-12-01 10:00 IN_PERSON"));
        assertEquals(1, capacity.get("2026-12-01 11:00 IN_PERSON"));
        assertEquals(5, capacity.get("2026-12-01 14:30 ONLINE"));
        assertEquals(2, capacity.get("2026-12-02 10:00 IN_PERSON"), "only that day");
    }

    @Test
    void inactiveContactPointsAndModesNoLongerOfferedHaveNoSlots() {
        assertTrue(planner.plan(new Settings(false, EnumSet.allOf(Mode.class), false), weekly(), List.of(), d("2026-12-01"),
                d("2026-12-07")).isEmpty());
        List<PlannedSlot> onlineOnly = planner.plan(new Settings(true, EnumSet.of(Mode.ONLINE), false), weekly(), List.of(),
                d("2026-11-30"), d("2026-12-06"));
        assertEquals(4, onlineOnly.size());
        assertTrue(onlineOnly.stream().allMatch(s -> s.mode() == Mode.ONLINE));
    }

    @Test
    void windowsAreCutIntoWholeSlots() {
        assertEquals(3, SlotPlanner.cut(d("2026-12-01"), LocalTime.of(9, 0), LocalTime.of(10, 40), 30, 1, Mode.PHONE).size());
        assertEquals(LocalTime.of(23, 59), SlotPlanner.cut(d("2026-12-01"), LocalTime.of(23, 0), LocalTime.of(23, 59), 59, 1,
                Mode.PHONE).get(0).end());
    }

    @Test
    void windowRules() {
        assertEquals("must be after startTime", PlanRules.windowEndProblem(LocalTime.of(10, 0), LocalTime.of(9, 0), 30).orElseThrow());
        assertTrue(PlanRules.windowEndProblem(LocalTime.of(10, 0), LocalTime.of(10, 0), 30).isPresent());
        assertTrue(PlanRules.windowEndProblem(LocalTime.of(10, 0), LocalTime.of(11, 0), 45).orElseThrow().contains("45-minute"));
        assertTrue(PlanRules.windowEndProblem(LocalTime.of(10, 0), LocalTime.of(11, 30), 45).isEmpty());

        List<Window> windows = List.of(
                new Window(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(12, 0), 60, 1, Mode.PHONE),
                new Window(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(12, 0), 60, 1, Mode.ONLINE),
                new Window(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(13, 0), 60, 1, Mode.PHONE),
                new Window(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0), 60, 1, Mode.PHONE));
        List<PlanRules.Violation> violations = PlanRules.overlaps(windows, "windows");
        assertEquals(1, violations.size());
        assertEquals("windows[3]", violations.get(0).field());
    }
}
