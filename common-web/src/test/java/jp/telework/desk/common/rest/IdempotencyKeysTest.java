package jp.telework.desk.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.telework.desk.common.problem.ProblemException;

class IdempotencyKeysTest {

    @Test
    void oneToTwoHundredVisibleAsciiCharacters() {
        assertNull(IdempotencyKeys.read(null));
        assertNull(IdempotencyKeys.read(List.of()));
        assertEquals("3c1f0b7e-retry-1", IdempotencyKeys.read(List.of("3c1f0b7e-retry-1")));
        assertEquals("k".repeat(200), IdempotencyKeys.read(List.of("k".repeat(200))));
        assertThrows(ProblemException.class, () -> IdempotencyKeys.read(List.of("a", "b")));
        for (String bad : new String[] { "", " ", "k".repeat(201), "with space", "tab\there", "キー", "new\nline", "nul\u0000" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> IdempotencyKeys.read(List.of(bad)), bad);
            assertEquals(400, e.status());
            assertEquals(IdempotencyKeys.HEADER, e.errors().get(0).field());
        }
    }
}
