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

    record Listing(java.util.List<String> names) {
    }

    @Test
    void stopsHugeListsInTheParser() throws Exception {
        assertEquals(1_000, json.readValue("{\"names\":[" + "\"a\",".repeat(999) + "\"a\"]}", Listing.class).names().size());
        StrictJson.TooManyElements tooMany = assertThrows(StrictJson.TooManyElements.class,
                () -> json.readValue("{\"names\":[" + "\"a\",".repeat(1_000) + "\"a\"]}", Listing.class));
        assertEquals("names", tooMany.getPath().get(0).getFieldName());
        assertThrows(StrictJson.TooManyElements.class, () -> json.readValue("[" + "1,".repeat(1_500) + "1]", int[].class));
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"names\":[" + "null,".repeat(99_999) + "null]}", Listing.class));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Token count"), e.getMessage());
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
