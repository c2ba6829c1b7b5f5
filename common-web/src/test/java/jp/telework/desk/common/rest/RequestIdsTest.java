package jp.telework.desk.common.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void oneFormatAtTheGatewayAndInEveryService() {
        assertTrue(RequestIds.isSane("3f2b8c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b"));
        assertTrue(RequestIds.isSane("portal:req-42_a.b"));
        assertTrue(RequestIds.isSane("x".repeat(128)));
        assertFalse(RequestIds.isSane(null));
        assertFalse(RequestIds.isSane(""));
        assertFalse(RequestIds.isSane("x".repeat(129)));
        assertFalse(RequestIds.isSane("with space"));
        assertFalse(RequestIds.isSane("new\nline"));
        assertFalse(RequestIds.isSane("-starts-with-dash"));
        // characters the gateway used to let through and the services replaced: now refused by both
        assertFalse(RequestIds.isSane("portal/req/42"));
        assertFalse(RequestIds.isSane("a+b=c"));
        assertFalse(RequestIds.isSane("user@portal"));
    }
}
