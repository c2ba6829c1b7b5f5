package jp.telework.desk.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

class DashboardResourceTest {
    @Test
    void jsonUnlessCsvIsPreferred() {
        assertFalse(DashboardResource.wantsCsv(List.of(MediaType.WILDCARD_TYPE)));
        assertFalse(DashboardResource.wantsCsv(List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("text/csv"))));
        assertTrue(DashboardResource.wantsCsv(List.of(MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE)));
        assertTrue(DashboardResource.wantsCsv(List.of(MediaType.valueOf("text/*"))));
        assertThrows(NotAcceptableException.class, () -> DashboardResource.wantsCsv(List.of(MediaType.APPLICATION_XML_TYPE)));
    }
}
