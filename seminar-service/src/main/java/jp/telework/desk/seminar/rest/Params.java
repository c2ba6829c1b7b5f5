package jp.telework.desk.seminar.rest;

import jp.telework.desk.common.rest.QueryParams;

/** Seminar-specific parameters (generic ones are in common-web's QueryParams): a bad value is a 400 naming it. */
final class Params {
    private Params() {
    }

    static String host(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return "SECRETARIAT".equals(value.trim()) ? "SECRETARIAT" : QueryParams.prefecture(value, "host");
    }
}
