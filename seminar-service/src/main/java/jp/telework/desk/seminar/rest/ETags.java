package jp.telework.desk.seminar.rest;

import jakarta.ws.rs.core.EntityTag;

import jp.telework.desk.common.problem.ProblemException;

/** The ETag is the seminar's row version; If-Match must name the current one (absent or * = no check). */
final class ETags {
    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be an ETag returned by this API");
        }
    }
}
