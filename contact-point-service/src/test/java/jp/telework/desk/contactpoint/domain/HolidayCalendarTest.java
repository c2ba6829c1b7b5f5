package jp.telework.desk.contactpoint.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import jp.telework.desk.contactpoint.domain.HolidayCalendar.Holiday;
import jp.telework.desk.contactpoint.domain.HolidayCalendar.Kind;

/** The computed calendar against the Cabinet Office's published lists (内閣府「国民の祝日について」). */
class HolidayCalendarTest {
    private final HolidayCalendar calendar = HolidayCalendar.computed();

    /** The official lists, date → name as the Cabinet Office CSV spells it. */
    private static final Map<Integer, String> OFFICIAL = Map.of(
            2024, """
                    2024-01-01 元日
                    2024-01-08 成人の日
                    2024-02-11 建国記念の日
                    2024-02-12 休日
                    2024-02-23 天皇誕生日
                    2024-03-20 春分の日
                    2024-04-29 昭和の日
                    2024-05-03 憲法記念日
                    2024-05-04 みどりの日
                    2024-05-05 こどもの日
                    2024-05-06 休日
                    2024-07-15 海の日
                    2024-08-11 山の日
                    2024-08-12 休日
                    2024-09-16 敬老の日
                    2024-09-22 秋分の日
                    2024-09-23 休日
                    2024-10-14 スポーツの日
                    2024-11-03 文化の日
                    2024-11-04 休日
                    2024-11-23 勤労感謝の日
                    """,
            2025, """
                    2025-01-01 元日
                    2025-01-13 成人の日
                    2025-02-11 建国記念の日
                    2025-02-23 天皇誕生日
                    2025-02-24 休日
                    2025-03-20 春分の日
                    2025-04-29 昭和の日
                    2025-05-03 憲法記念日
                    2025-05-04 みどりの日
                    2025-05-05 こどもの日
                    2025-05-06 休日
                    2025-07-21 海の日
                    2025-08-11 山の日
                    2025-09-15 敬老の日
                    2025-09-23 秋分の日
                    2025-10-13 スポーツの日
                    2025-11-03 文化の日
                    2025-11-23 勤労感謝の日
                    2025-11-24 休日
                    """,
            2026, """
                    2026-01-01 元日
                    2026-01-12 成人の日
                    2026-02-11 建国記念の日
                    2026-02-23 天皇誕生日
                    2026-03-20 春分の日
                    2026-04-29 昭和の日
                    2026-05-03 憲法記念日
                    2026-05-04 みどりの日
                    2026-05-05 こどもの日
                    2026-05-06 休日
                    2026-07-20 海の日
                    2026-08-11 山の日
                    2026-09-21 敬老の日
                    2026-09-22 休日
                    2026-09-23 秋分の日
                    2026-10-12 スポーツの日
                    2026-11-03 文化の日
                    2026-11-23 勤労感謝の日
                    """,
            2027, """
                    2027-01-01 元日
                    2027-01-11 成人の日
                    2027-02-11 建国記念の日
                    2027-02-23 天皇誕生日
                    2027-03-21 春分の日
                    2027-03-22 休日
                    2027-04-29 昭和の日
                    2027-05-03 憲法記念日
                    2027-05-04 みどりの日
                    2027-05-05 こどもの日
                    2027-07-19 海の日
                    2027-08-11 山の日
                    2027-09-20 敬老の日
                    2027-09-23 秋分の日
                    2027-10-11 スポーツの日
                    2027-11-03 文化の日
                    2027-11-23 勤労感謝の日
                    """);

    @ParameterizedTest
    @ValueSource(ints = { 2024, 2025, 2026, 2027 })
    void everyHolidayMatchesTheOfficialList(int year) {
        Map<LocalDate, String> expected = new LinkedHashMap<>();
        OFFICIAL.get(year).lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] parts = l.split(" ");
            expected.put(LocalDate.parse(parts[0]), parts[1]);
        });
        Map<LocalDate, String> actual = new LinkedHashMap<>();
        calendar.holidays(year).forEach(h -> actual.put(h.date(), h.nameJa()));
        assertEquals(expected, actual);
    }

    @Test
    void substituteAndBridgeDaysAreTold() {
        assertEquals(Kind.SUBSTITUTE, calendar.holiday(LocalDate.of(2025, 5, 6)).orElseThrow().kind());
        assertEquals(Kind.SUBSTITUTE, calendar.holiday(LocalDate.of(2024, 2, 12)).orElseThrow().kind());
        assertEquals(Kind.SUBSTITUTE, calendar.holiday(LocalDate.of(2027, 3, 22)).orElseThrow().kind());
        // May 3, 2026 is a Sunday; May 4 and 5 are holidays themselves, so the substitute is May 6
        assertEquals(Kind.SUBSTITUTE, calendar.holiday(LocalDate.of(2026, 5, 6)).orElseThrow().kind());
        Holiday bridge = calendar.holiday(LocalDate.of(2026, 9, 22)).orElseThrow();
        assertEquals(Kind.BRIDGE, bridge.kind());
        assertEquals("Citizens' Holiday", bridge.nameEn());
        assertEquals("Vernal Equinox Day", calendar.holiday(LocalDate.of(2027, 3, 21)).orElseThrow().nameEn());
    }

    @Test
    void otherKnownYearsIncludingTheSpecialOnes() {
        // bridge days of 2009 and 2015 (Silver Week)
        assertEquals(Kind.BRIDGE, calendar.holiday(LocalDate.of(2009, 9, 22)).orElseThrow().kind());
        assertEquals(Kind.BRIDGE, calendar.holiday(LocalDate.of(2015, 9, 22)).orElseThrow().kind());
        // 2019: enthronement, with the days around it as citizens' holidays
        for (String d : List.of("2019-04-30", "2019-05-01", "2019-05-02", "2019-10-22", "2019-08-12")) {
            assertTrue(calendar.isHoliday(LocalDate.parse(d)), d);
        }
        assertFalse(calendar.isHoliday(LocalDate.of(2019, 12, 23)), "no Emperor's birthday in 2019");
        assertFalse(calendar.isHoliday(LocalDate.of(2019, 2, 23)));
        // 2020 and 2021: the Olympic moves
        for (String d : List.of("2020-07-23", "2020-07-24", "2020-08-10", "2021-07-22", "2021-07-23", "2021-08-08", "2021-08-09")) {
            assertTrue(calendar.isHoliday(LocalDate.parse(d)), d);
        }
        assertFalse(calendar.isHoliday(LocalDate.of(2020, 10, 12)));
        assertFalse(calendar.isHoliday(LocalDate.of(2021, 8, 11)));
        // the Emperor's birthday moved from Dec 23 to Feb 23
        assertTrue(calendar.isHoliday(LocalDate.of(2018, 12, 23)));
        assertTrue(calendar.isHoliday(LocalDate.of(2018, 12, 24)), "substitute for Sunday Dec 23, 2018");
        assertEquals(16, calendar.holidays(2023).stream().filter(h -> h.kind() == Kind.NATIONAL).count());
    }

    @Test
    void equinoxApproximation() {
        assertEquals(20, HolidayCalendar.vernalEquinoxDay(2024));
        assertEquals(21, HolidayCalendar.vernalEquinoxDay(2027));
        assertEquals(22, HolidayCalendar.autumnalEquinoxDay(2024));
        assertEquals(23, HolidayCalendar.autumnalEquinoxDay(2026));
        assertEquals(22, HolidayCalendar.autumnalEquinoxDay(2028));
    }

    @Test
    void yearEndClosure() {
        for (String d : List.of("2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03")) {
            assertTrue(calendar.isClosedDay(LocalDate.parse(d)), d);
        }
        assertFalse(calendar.isClosedDay(LocalDate.of(2026, 12, 28)));
        assertFalse(calendar.isClosedDay(LocalDate.of(2027, 1, 4)));
        assertFalse(calendar.isHoliday(LocalDate.of(2026, 12, 30)), "a closure day, not a holiday");
        assertTrue(calendar.closureReason(LocalDate.of(2026, 12, 30)).orElseThrow().contains("年末年始"));
    }

    @Test
    void outsideTheComputedRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> calendar.holidays(1999));
        assertThrows(IllegalArgumentException.class, () -> calendar.isHoliday(LocalDate.of(2100, 1, 1)));
    }

    @Test
    void theCabinetOfficeCsvOverridesWholeYears() {
        // a made-up 2026 with an extra one-off holiday; 2025 comes from the file too, exactly as listed
        String csv = """
                国民の祝日・休日月日,国民の祝日・休日名称
                2025/1/1,元日
                2026/1/1,元日
                2026/6/15,特別な休日
                2026/9/21,敬老の日
                2026/9/22,休日
                2026/9/23,秋分の日
                2026/11/23,勤労感謝の日
                """.replace("\n", "\r\n");
        List<Holiday> loaded = CabinetOfficeHolidays.parse(new ByteArrayInputStream(csv.getBytes(Charset.forName("Shift_JIS"))));
        assertEquals(7, loaded.size());
        assertEquals("特別な休日", loaded.get(2).nameJa());
        assertEquals(Kind.BRIDGE, loaded.get(4).kind());

        HolidayCalendar official = calendar.withOfficialList(loaded);
        assertTrue(official.isOverridden(2026));
        assertTrue(official.isHoliday(LocalDate.of(2026, 6, 15)));
        assertFalse(official.isHoliday(LocalDate.of(2026, 5, 5)), "an overridden year is taken exactly as loaded");
        assertEquals(1, official.holidays(2025).size());
        assertEquals(calendar.holidays(2027), official.holidays(2027), "other years stay computed");
        assertTrue(official.covers(2026));
    }

    @Test
    void csvCanCarryYearsBeyondTheComputedRange() {
        String csv = "1955/1/1,元日\n";
        HolidayCalendar official = calendar.withOfficialList(
                CabinetOfficeHolidays.parse(new ByteArrayInputStream(csv.getBytes(Charset.forName("Shift_JIS")))));
        assertTrue(official.isHoliday(LocalDate.of(1955, 1, 1)));
        assertEquals("New Year's Day", official.holidays(1955).get(0).nameEn());
    }

    @Test
    void brokenCsvLinesAreNamed() {
        String csv = "国民の祝日・休日月日,国民の祝日・休日名称\n2026/1/1,元日\n2026/13/1,変な日\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CabinetOfficeHolidays.parse(new ByteArrayInputStream(csv.getBytes(Charset.forName("Shift_JIS")))));
        assertTrue(e.getMessage().startsWith("line 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CabinetOfficeHolidays.parse(
                new ByteArrayInputStream("2026/1/1\n".getBytes(Charset.forName("Shift_JIS")))));
    }
}
