package jp.telework.desk.common.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The calendar years a date given by a client may fall in, in a query or a body. Nothing the desk
 * schedules or reports lies outside them; a year such as +999999999 would otherwise reach java.time
 * arithmetic and the database (PostgreSQL stops at year 294276) and fail there as a 500.
 */
public final class DateWindow {
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** The one way a client date is written: ISO-8601 calendar date, four-digit year. */
    public static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    /** For the OpenAPI description of a date parameter. */
    public static final String DESCRIPTION = "A date YYYY-MM-DD (Asia/Tokyo) from " + FIRST_YEAR + "-01-01 to " + LAST_YEAR + "-12-31";
    /** What is said of a date that is not in the window, everywhere. */
    public static final String MESSAGE = "must be a date from " + FIRST_YEAR + "-01-01 to " + LAST_YEAR + "-12-31";

    private static final String FORM_MESSAGE = "must be a date YYYY-MM-DD such as 2026-12-01 (no time, no offset)";
    private static final Pattern FORM = Pattern.compile(DATE_PATTERN);

    private DateWindow() {
    }

    /**
     * The client's date: {@code YYYY-MM-DD} naming a day of the calendar, within the window. A date-time, an
     * offset, a signed year or 2026-02-30 is refused, never truncated or rolled over.
     *
     * @throws IllegalArgumentException with what to tell the client
     */
    public static LocalDate parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException(FORM_MESSAGE);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(FORM_MESSAGE);
        }
        if (!contains(date)) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return date;
    }

    public static boolean contains(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public static boolean contains(LocalDate date) {
        return contains(date.getYear());
    }
}
