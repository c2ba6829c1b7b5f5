package jp.telework.desk.consultation.rest;

import java.time.LocalDate;

import jakarta.ws.rs.core.Response;

import jp.telework.desk.common.rest.QueryParams;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.vocabulary.Prefectures;
import jp.telework.desk.consultation.mapping.PageView;

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
        return QueryParams.integer(raw, name, defaultValue, min, max);
    }

    static LocalDate date(String name, String raw) {
        return QueryParams.date(raw, name);
    }

    static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        return QueryParams.enumValue(type, raw, name);
    }

    static String prefecture(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!Prefectures.isCode(raw.trim())) {
            throw ProblemException.badRequest(name, Prefectures.CODE_MESSAGE);
        }
        return raw.trim();
    }


    static Response page(PageView<?> page) {
        return Response.ok(page).header(TOTAL_COUNT, page.total()).build();
    }
}
