package jp.telework.desk.common.rest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.vocabulary.Prefectures;

/**
 * Query and path parameters read by hand, so that a bad value is a 400 problem naming the
 * parameter (JAX-RS would answer a bare 404 for a parameter it cannot convert). Absent or blank
 * optional values are null.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** Plain decimal notation only: Double.parseDouble would also take NaN, Infinity, 0x1p4, 1e308 and 1d. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,15}(\\.[0-9]{1,15})?");

    /** {@code YYYY-MM-DD} within {@link DateWindow}; a date-time, an offset or a signed year is refused, not truncated. */
    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateWindow.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, e.getMessage());
        }
    }

    /** A finite decimal number from {@code min} to {@code max}; null when absent. */
    public static Double decimal(String value, String name, double min, double max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        double d = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!Double.isFinite(d) || d < min || d > max) {
            throw ProblemException.badRequest(name, "must be a decimal number from " + min + " to " + max);
        }
        return d;
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }

    public static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    public static int integer(String value, String name, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
        }
    }

    /** The highest page number any list answers: deeper paging is a client bug, and would make the database skip millions of rows. */
    public static final int MAX_PAGE = 10_000;

    /** {@code ?page=}: from 0 (the default) to {@value #MAX_PAGE}. */
    public static int page(String value) {
        return integer(value, "page", 0, 0, MAX_PAGE);
    }

    /** {@code ?size=}: from 1 to {@code max}, {@code defaultSize} when absent. */
    public static int size(String value, int defaultSize, int max) {
        return integer(value, "size", defaultSize, 1, max);
    }

    /** A JIS X 0401 prefecture code "01".."47" (a format check: the codes are public facts). */
    public static String prefecture(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.trim();
        if (!Prefectures.isCode(code)) {
            throw ProblemException.badRequest(name, Prefectures.CODE_MESSAGE);
        }
        return code;
    }
}
