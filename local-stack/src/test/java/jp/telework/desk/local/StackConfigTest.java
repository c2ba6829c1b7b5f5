package jp.telework.desk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.telework.desk.infra.InfraException;

class StackConfigTest {
    private static final Path REPO = Path.of("/repo");

    @Test
    void defaultsAreDocumentedPorts() {
        StackConfig c = StackConfig.from(Map.of(), REPO);
        assertEquals(8080, c.port("TELEWORK_GATEWAY_PORT"));
        assertEquals(8180, c.port("TELEWORK_KEYCLOAK_PORT"));
        assertEquals(REPO.resolve(".local-stack"), c.home());
    }

    @Test
    void everyPortCanBeOverridden() {
        StackConfig c = StackConfig.from(Map.of("TELEWORK_GATEWAY_PORT", "18080", "TELEWORK_HOME", "/tmp/stack"), REPO);
        assertEquals(18080, c.port("TELEWORK_GATEWAY_PORT"));
        assertEquals(Path.of("/tmp/stack"), c.home());
    }

    @Test
    void badPortsAreNamed() {
        var e = assertThrows(InfraException.class, () -> StackConfig.from(Map.of("TELEWORK_KAFKA_PORT", "ninety"), REPO));
        assertTrue(e.getMessage().contains("TELEWORK_KAFKA_PORT"), e.getMessage());
        assertThrows(InfraException.class, () -> StackConfig.from(Map.of("TELEWORK_KAFKA_PORT", "70000"), REPO));
    }

    @Test
    void twoPartsOnOnePortAreRefused() {
        var e = assertThrows(InfraException.class, () -> StackConfig.from(Map.of("TELEWORK_SEMINAR_PORT", "8080"), REPO));
        assertTrue(e.getMessage().contains("same port"), e.getMessage());
    }
}
