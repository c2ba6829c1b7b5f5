package jp.telework.desk.seminar.rest;

import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.vocabulary.Prefectures;

/** Seminar-specific parameters (generic ones are in common's QueryParams): a bad value is a 400 naming it. */
final class Params {
    private Params() {
    }

    static String prefecture(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Prefectures.isCode(value.trim())) {
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
