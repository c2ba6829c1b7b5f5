package jp.telework.desk.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

    @Test
    void templatesMatchLikeJaxRs() {
        assertEquals("/api/v1/seminars/{id}/cancel", AllowedMethods.join("/api/v1/seminars", "{id}/cancel"));
        assertEquals("/api/v1/seminars", AllowedMethods.join("/api/v1/seminars/", ""));
        var oneSegment = AllowedMethods.regex("/api/v1/seminars/{id}/cancel");
        assertTrue(oneSegment.matcher("/api/v1/seminars/42/cancel").matches());
        assertFalse(oneSegment.matcher("/api/v1/seminars/4/2/cancel").matches());
        var constrained = AllowedMethods.regex("/api/v1/x/{code: [0-9]{2}}");
        assertTrue(constrained.matcher("/api/v1/x/13").matches());
        assertFalse(constrained.matcher("/api/v1/x/abc").matches());
        // literal dots are literal
        assertFalse(AllowedMethods.regex("/api/v1/seminars/calendar.ics").matcher("/api/v1/seminars/calendarXics").matches());
    }
}
