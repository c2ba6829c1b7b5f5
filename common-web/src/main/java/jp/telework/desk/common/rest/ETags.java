package jp.telework.desk.common.rest;

import jakarta.ws.rs.core.EntityTag;

import jp.telework.desk.common.problem.ProblemException;

/** Strong version tags for mutable shared resources: the ETag is the row version; If-Match must name the current one. */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by If-Match, or null when the header is absent or {@code *} (no check). */
    public static Long parseIfMatch(String ifMatch) {
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
