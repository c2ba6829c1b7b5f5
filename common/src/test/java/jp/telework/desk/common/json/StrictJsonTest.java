package jp.telework.desk.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonTest {
    record Body(String name, int count) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper();
        new StrictJson().customize(m);
        return m;
    }

    @Test
    void acceptsOrdinaryText() throws Exception {
        assertEquals(new Body("東京 🗼", 2), json.readValue("{\"name\":\"東京 🗼\",\"count\":2}", Body.class));
    }

    @Test
    void refusesWhatALenientReaderWouldTake() {
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\",\"count\":1} trailing", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\",\"name\":\"b\",\"count\":1}", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":42,\"count\":1}", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\",\"count\":1.5}", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\\u0000b\",\"count\":1}", Body.class));
        assertThrows(JsonProcessingException.class, () -> json.readValue("{\"name\":\"a\\ud800b\",\"count\":1}", Body.class));
    }
}
