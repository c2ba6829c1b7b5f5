package jp.telework.desk.contactpoint.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.telework.desk.contactpoint.domain.HolidayCalendar.Holiday;
import jp.telework.desk.contactpoint.domain.HolidayCalendar.Kind;

/**
 * Reads the Cabinet Office's official holiday list ("syukujitsu.csv", Shift_JIS): a header line
 * {@code 国民の祝日・休日月日,国民の祝日・休日名称} followed by lines like {@code 2025/5/6,休日}.
 * Feed the result to {@link HolidayCalendar#withOfficialList} to override computed years.
 */
public final class CabinetOfficeHolidays {
    public static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final Pattern LINE = Pattern.compile("\\s*(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})\\s*,\\s*\"?([^\",]*)\"?\\s*(,.*)?");

    private CabinetOfficeHolidays() {
    }

    public static List<Holiday> parse(InputStream csv) {
        return parse(csv, SHIFT_JIS);
    }

    /**
     * @throws IllegalArgumentException naming the line when a data line cannot be read
     */
    public static List<Holiday> parse(InputStream csv, Charset charset) {
        List<LocalDate> dates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, charset))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                line = line.replace("\uFEFF", "");
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    if (number == 1 && !Character.isDigit(line.trim().charAt(0))) {
                        continue; // the header
                    }
                    throw new IllegalArgumentException("line " + number + ": expected yyyy/m/d,name but got '" + line + "'");
                }
                try {
                    dates.add(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
                }
                String name = m.group(4).trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("line " + number + ": the holiday has no name");
                }
                names.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<LocalDate> national = new HashSet<>();
        for (int i = 0; i < dates.size(); i++) {
            if (!HolidayCalendar.REST_DAY.equals(names.get(i))) {
                national.add(dates.get(i));
            }
        }
        List<Holiday> result = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            String name = names.get(i);
            if (HolidayCalendar.REST_DAY.equals(name)) {
                boolean bridge = national.contains(d.minusDays(1)) && national.contains(d.plusDays(1));
                result.add(new Holiday(d, name, bridge ? "Citizens' Holiday" : "Substitute Holiday",
                        bridge ? Kind.BRIDGE : Kind.SUBSTITUTE));
            } else {
                String en = HolidayCalendar.englishName(name);
                result.add(new Holiday(d, name, en != null ? en : name, Kind.NATIONAL));
            }
        }
        return result;
    }
}
