package jp.telework.desk.seminar.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.seminar.domain.Prefectures;

/** Query parameters parsed here so a bad value is a 400 naming the parameter (not a bare 404). */
final class Params {
    private Params() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date like 2026-11-01");
        }
    }

    static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    static String prefecture(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Prefectures.exists(value.trim())) {
            throw ProblemException.badRequest(name, "unknown prefecture code (01..47)");
        }
        return value.trim();
    }

    static String host(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return "SECRETARIAT".equals(value.trim()) ? "SECRETARIAT" : prefecture(value, "host");
    }
}
