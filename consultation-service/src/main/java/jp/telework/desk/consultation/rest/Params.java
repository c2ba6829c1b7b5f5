package jp.telework.desk.consultation.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.consultation.domain.Prefectures;
import jp.telework.desk.consultation.mapping.PageView;
import jp.telework.desk.consultation.service.StoredResult;

/**
 * Query parameters read by hand, so a bad value is a 400 problem naming the parameter (JAX-RS would
 * answer a conversion failure of a query parameter with 404).
 */
final class Params {
    static final String TOTAL_COUNT = "X-Total-Count";

    private Params() {
    }

    static int page(String raw) {
        return integer("page", raw, 0, 0, 100_000);
    }

    static int size(String raw) {
        return integer("size", raw, 20, 1, 100);
    }

    static int integer(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(name, "must be an integer from " + min + " to " + max);
    }

    static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date like 2026-11-24");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static String prefecture(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!Prefectures.isCode(raw.trim())) {
            throw ProblemException.badRequest(name, Prefectures.MESSAGE);
        }
        return raw.trim();
    }

    static UUID uuid(String name, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(name + " " + raw);
        }
    }

    static Response page(PageView<?> page) {
        return Response.ok(page).header(TOTAL_COUNT, page.total()).build();
    }

    /** 201 (or the replayed status) with Location and the JSON body exactly as first answered. */
    static Response created(StoredResult result) {
        Response.ResponseBuilder r = Response.status(result.status()).type("application/json").entity(result.body());
        if (result.location() != null) {
            r.header("Location", result.location());
        }
        return r.build();
    }
}
