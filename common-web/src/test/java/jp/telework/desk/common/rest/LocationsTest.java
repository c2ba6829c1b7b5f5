package jp.telework.desk.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;

class LocationsTest {

    @Test
    void absoluteLinksStartAtThePublicBase() {
        assertEquals("https://api.telework.example.jp/api/v1/seminars/1",
                Locations.absolute(URI.create("https://api.telework.example.jp"), "/api/v1/seminars/1"));
        assertEquals("https://example.jp/desk/api/v1/seminars/1", Locations.absolute(URI.create("https://example.jp/desk/"), "/api/v1/seminars/1"));
        for (String bad : new String[] { "/relative", "ftp://example.jp", "https://example.jp/?q=1", "https://example.jp/#top" }) {
            assertThrows(IllegalArgumentException.class, () -> Locations.absolute(URI.create(bad), "/api/v1/seminars/1"), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Locations.absolute(URI.create("https://example.jp"), "//evil.example/x"));
        assertThrows(IllegalArgumentException.class, () -> Locations.absolute(URI.create("https://example.jp"), "api/v1"));
    }
}
