package jp.telework.desk.common.rest;

import java.time.LocalDate;

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

    private DateWindow() {
    }

    public static boolean contains(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public static boolean contains(LocalDate date) {
        return contains(date.getYear());
    }
}
