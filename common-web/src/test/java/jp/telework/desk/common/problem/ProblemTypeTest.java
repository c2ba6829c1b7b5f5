package jp.telework.desk.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void eachTypeHasOneSlugAndOneTitle() {
        Set<String> slugs = new HashSet<>();
        for (ProblemType t : ProblemType.values()) {
            assertTrue(slugs.add(t.slug()), "slug used twice: " + t.slug());
            assertTrue(t.slug().matches("[a-z]+(-[a-z]+)*"), t.slug());
            assertTrue(Character.isUpperCase(t.title().charAt(0)), t.title());
            assertEquals("urn:telework:problem:" + t.slug(), t.uri());
        }
    }

    @Test
    void statusesThatReachUsBareGetOurTypes() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.METHOD_NOT_ALLOWED, ProblemType.forStatus(405));
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.forStatus(415));
        // the HTTP layer's own refusals (the gateway answers them as problem+json)
        assertEquals(ProblemType.URI_TOO_LONG, ProblemType.forStatus(414));
        assertEquals(ProblemType.HEADERS_TOO_LARGE, ProblemType.forStatus(431));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(418));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(599));
    }

    @Test
    void aProblemCarriesItsTypeDetailAndHeaders() {
        ProblemException e = ProblemType.RATE_LIMITED.problem("slow down").withHeader("Retry-After", "3");
        Problem p = e.toProblem("/api/v1/slots");
        assertEquals(new Problem("urn:telework:problem:rate-limited", "Too many requests", 429, "slow down", "/api/v1/slots", null), p);
        assertEquals(Map.of("Retry-After", "3"), e.headers());
        ProblemException bad = ProblemException.badRequest("page", "must be a whole number from 0 to 10000");
        assertEquals("page: must be a whole number from 0 to 10000", bad.getMessage());
        assertEquals("validation", bad.slug());
        assertEquals("page", bad.errors().get(0).field());
    }
}
