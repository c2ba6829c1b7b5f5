package jp.telework.desk.contactpoint.domain;

import static java.time.temporal.TemporalAdjusters.dayOfWeekInMonth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese national holidays under the Act on National Holidays (国民の祝日に関する法律) plus the
 * customary Dec 29 – Jan 3 closure of public offices.
 * <ul>
 * <li>fixed days, Happy Monday days (成人の日, 海の日, 敬老の日, スポーツの日), the equinox days by the
 * standard astronomical approximation, and the special cases of 2019 (enthronement) and 2020/2021
 * (Olympic games);</li>
 * <li>substitute holidays, Art. 3(2): a holiday on a Sunday moves to the next day that is not a
 * holiday (before 2007: to the Monday);</li>
 * <li>the "citizens' holiday", Art. 3(3): a day between two national holidays is a rest day.</li>
 * </ul>
 * Computed years are {@value #FIRST_COMPUTED_YEAR}..{@value #LAST_COMPUTED_YEAR}. The Cabinet Office's
 * official list ({@link CabinetOfficeHolidays}) can override whole years, e.g. when the law changes or a
 * one-off holiday is declared; an overridden year is taken exactly as loaded. Immutable and thread-safe.
 */
public final class HolidayCalendar {
    public static final int FIRST_COMPUTED_YEAR = 2000;
    public static final int LAST_COMPUTED_YEAR = 2099;
    /** The Cabinet Office's name for substitute holidays and citizens' holidays alike. */
    public static final String REST_DAY = "休日";

    public enum Kind {
        /** A national holiday proper (国民の祝日). */
        NATIONAL,
        /** Art. 3(2): the holiday fell on a Sunday (振替休日). */
        SUBSTITUTE,
        /** Art. 3(3): a day between two national holidays (国民の休日). */
        BRIDGE
    }

    public record Holiday(LocalDate date, String nameJa, String nameEn, Kind kind) {
    }

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("元日", "New Year's Day"),
            Map.entry("成人の日", "Coming of Age Day"),
            Map.entry("建国記念の日", "National Foundation Day"),
            Map.entry("天皇誕生日", "The Emperor's Birthday"),
            Map.entry("春分の日", "Vernal Equinox Day"),
            Map.entry("昭和の日", "Showa Day"),
            Map.entry("憲法記念日", "Constitution Memorial Day"),
            Map.entry("みどりの日", "Greenery Day"),
            Map.entry("こどもの日", "Children's Day"),
            Map.entry("海の日", "Marine Day"),
            Map.entry("山の日", "Mountain Day"),
            Map.entry("敬老の日", "Respect for the Aged Day"),
            Map.entry("秋分の日", "Autumnal Equinox Day"),
            Map.entry("体育の日", "Health and Sports Day"),
            Map.entry("スポーツの日", "Sports Day"),
            Map.entry("文化の日", "Culture Day"),
            Map.entry("勤労感謝の日", "Labor Thanksgiving Day"),
            Map.entry("即位の日", "Enthronement Day"),
            Map.entry("即位礼正殿の儀の行われる日", "Enthronement Ceremony Day"));

    private final Map<Integer, NavigableMap<LocalDate, Holiday>> overrides;
    private final Map<Integer, NavigableMap<LocalDate, Holiday>> computed = new ConcurrentHashMap<>();

    private HolidayCalendar(Map<Integer, NavigableMap<LocalDate, Holiday>> overrides) {
        this.overrides = overrides;
    }

    /** The calendar computed from the Act alone. */
    public static HolidayCalendar computed() {
        return new HolidayCalendar(Map.of());
    }

    /** A calendar whose years present in {@code official} are replaced by that list (e.g. the Cabinet Office CSV). */
    public HolidayCalendar withOfficialList(Collection<Holiday> official) {
        Map<Integer, NavigableMap<LocalDate, Holiday>> byYear = new HashMap<>(overrides);
        Map<Integer, NavigableMap<LocalDate, Holiday>> loaded = new HashMap<>();
        for (Holiday h : official) {
            loaded.computeIfAbsent(h.date().getYear(), y -> new TreeMap<>()).put(h.date(), h);
        }
        loaded.forEach((year, days) -> byYear.put(year, java.util.Collections.unmodifiableNavigableMap(days)));
        return new HolidayCalendar(Map.copyOf(byYear));
    }

    public boolean isOverridden(int year) {
        return overrides.containsKey(year);
    }

    /** Whether holidays can be answered for that year (computed range or loaded from the official list). */
    public boolean covers(int year) {
        return overrides.containsKey(year) || (year >= FIRST_COMPUTED_YEAR && year <= LAST_COMPUTED_YEAR);
    }

    /** The holidays of a year in date order. */
    public List<Holiday> holidays(int year) {
        return List.copyOf(year(year).values());
    }

    public Optional<Holiday> holiday(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).get(date));
    }

    public boolean isHoliday(LocalDate date) {
        return year(date.getYear()).containsKey(date);
    }

    /** Dec 29 – Jan 3: public offices (and the associations) are closed. */
    public static boolean isYearEndClosure(LocalDate date) {
        return (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 29)
                || (date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= 3);
    }

    /** A national holiday, substitute or citizens' holiday, or a year-end/new-year closure day. */
    public boolean isClosedDay(LocalDate date) {
        return isYearEndClosure(date) || isHoliday(date);
    }

    /** Why the day is closed by the calendar, if it is. */
    public Optional<String> closureReason(LocalDate date) {
        Optional<Holiday> h = holiday(date);
        if (h.isPresent()) {
            return Optional.of(h.get().nameJa() + " (" + h.get().nameEn() + ")");
        }
        return isYearEndClosure(date) ? Optional.of("年末年始 (year-end and new-year closure)") : Optional.empty();
    }

    private NavigableMap<LocalDate, Holiday> year(int year) {
        NavigableMap<LocalDate, Holiday> loaded = overrides.get(year);
        if (loaded != null) {
            return loaded;
        }
        if (year < FIRST_COMPUTED_YEAR || year > LAST_COMPUTED_YEAR) {
            throw new IllegalArgumentException("holidays are computed for " + FIRST_COMPUTED_YEAR + ".." + LAST_COMPUTED_YEAR
                    + " only; load the Cabinet Office list for " + year);
        }
        return computed.computeIfAbsent(year, HolidayCalendar::compute);
    }

    /** The equinox day of March of {@code year} (valid 1980..2099). */
    public static int vernalEquinoxDay(int year) {
        return equinox(20.8431, year);
    }

    /** The equinox day of September of {@code year} (valid 1980..2099). */
    public static int autumnalEquinoxDay(int year) {
        return equinox(23.2488, year);
    }

    private static int equinox(double base, int year) {
        // the standard approximation of the equinox moment in JST for 1980..2099
        int n = year - 1980;
        return (int) Math.floor(base + 0.242194 * n - Math.floor(n / 4.0));
    }

    private static NavigableMap<LocalDate, Holiday> compute(int y) {
        TreeMap<LocalDate, String> national = new TreeMap<>();
        national.put(LocalDate.of(y, 1, 1), "元日");
        national.put(nthMonday(y, Month.JANUARY, 2), "成人の日");
        national.put(LocalDate.of(y, 2, 11), "建国記念の日");
        if (y >= 2020) {
            national.put(LocalDate.of(y, 2, 23), "天皇誕生日");
        }
        national.put(LocalDate.of(y, 3, vernalEquinoxDay(y)), "春分の日");
        national.put(LocalDate.of(y, 4, 29), y >= 2007 ? "昭和の日" : "みどりの日");
        national.put(LocalDate.of(y, 5, 3), "憲法記念日");
        if (y >= 2007) {
            national.put(LocalDate.of(y, 5, 4), "みどりの日");
        }
        national.put(LocalDate.of(y, 5, 5), "こどもの日");
        national.put(switch (y) {
            case 2020 -> LocalDate.of(y, 7, 23);
            case 2021 -> LocalDate.of(y, 7, 22);
            default -> y >= 2003 ? nthMonday(y, Month.JULY, 3) : LocalDate.of(y, 7, 20);
        }, "海の日");
        if (y >= 2016) {
            national.put(switch (y) {
                case 2020 -> LocalDate.of(y, 8, 10);
                case 2021 -> LocalDate.of(y, 8, 8);
                default -> LocalDate.of(y, 8, 11);
            }, "山の日");
        }
        national.put(y >= 2003 ? nthMonday(y, Month.SEPTEMBER, 3) : LocalDate.of(y, 9, 15), "敬老の日");
        national.put(LocalDate.of(y, 9, autumnalEquinoxDay(y)), "秋分の日");
        national.put(switch (y) {
            case 2020 -> LocalDate.of(y, 7, 24);
            case 2021 -> LocalDate.of(y, 7, 23);
            default -> nthMonday(y, Month.OCTOBER, 2);
        }, y >= 2020 ? "スポーツの日" : "体育の日");
        national.put(LocalDate.of(y, 11, 3), "文化の日");
        national.put(LocalDate.of(y, 11, 23), "勤労感謝の日");
        if (y <= 2018) {
            national.put(LocalDate.of(y, 12, 23), "天皇誕生日");
        }
        if (y == 2019) {
            national.put(LocalDate.of(y, 5, 1), "即位の日");
            national.put(LocalDate.of(y, 10, 22), "即位礼正殿の儀の行われる日");
        }

        TreeMap<LocalDate, Holiday> all = new TreeMap<>();
        national.forEach((d, name) -> all.put(d, new Holiday(d, name, ENGLISH.get(name), Kind.NATIONAL)));

        // Art. 3(2): substitute holidays
        for (LocalDate d : new ArrayList<>(national.keySet())) {
            if (d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                continue;
            }
            LocalDate sub = d.plusDays(1);
            if (y >= 2007) {
                while (national.containsKey(sub)) {
                    sub = sub.plusDays(1);
                }
            } else if (national.containsKey(sub)) {
                continue;
            }
            all.putIfAbsent(sub, new Holiday(sub, REST_DAY, "Substitute Holiday", Kind.SUBSTITUTE));
        }
        // Art. 3(3): a day (other than a Sunday) whose previous and next days are national holidays
        for (LocalDate d : national.keySet()) {
            LocalDate between = d.plusDays(1);
            if (!national.containsKey(between) && national.containsKey(between.plusDays(1))
                    && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
                all.putIfAbsent(between, new Holiday(between, REST_DAY, "Citizens' Holiday", Kind.BRIDGE));
            }
        }
        // a substitute or bridge day computed from a neighbouring year's holiday never leaves the year
        all.keySet().removeIf(d -> d.getYear() != y);
        return java.util.Collections.unmodifiableNavigableMap(all);
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    /** English name for a Japanese holiday name, or null when unknown. */
    public static String englishName(String nameJa) {
        return ENGLISH.get(nameJa);
    }
}
