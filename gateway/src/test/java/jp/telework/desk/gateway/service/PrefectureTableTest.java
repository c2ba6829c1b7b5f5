package jp.telework.desk.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PrefectureTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mapsKeyedByPrefectureWithNumbersOrObjects() {
        PrefectureTable t = new PrefectureTable()
                .add("consultations", json("{\"totalBookings\":3,\"byPrefecture\":{\"13\":2,\"27\":1},\"byTopic\":{\"SECURITY\":2}}"))
                .add("contactPoints", json("{\"byCode\":{\"13\":{\"booked\":2,\"utilization\":0.5,\"modes\":{\"PHONE\":1}}}}"));
        assertEquals(List.of("consultations.byPrefecture", "contactPoints.byCode.booked", "contactPoints.byCode.utilization",
                "contactPoints.byCode.modes.PHONE"), t.columns());
        Map<String, Object> tokyo = t.rows().get(12);
        assertEquals("13", tokyo.get("prefecture"));
        assertEquals(2, ((JsonNode) tokyo.get("consultations.byPrefecture")).asInt());
        assertEquals(0.5, ((JsonNode) tokyo.get("contactPoints.byCode.utilization")).asDouble());
        assertEquals(47, t.rows().size());
        assertFalse(t.rows().get(0).containsKey("consultations.byPrefecture"), "no figure for Hokkaido");
    }

    @Test
    void arraysWithAPrefectureField() {
        PrefectureTable t = new PrefectureTable().add("seminars", json("""
                {"byPrefecture":[{"prefecture":"13","fillRate":0.9,"region":"KANTO"},{"prefecture":"40","fillRate":0.5}],
                 "perContactPoint":[{"contactPointCode":"01","booked":4}]}"""));
        assertEquals(List.of("seminars.byPrefecture.fillRate", "seminars.byPrefecture.region", "seminars.perContactPoint.booked"),
                t.columns());
        assertEquals("KANTO", ((JsonNode) t.rows().get(12).get("seminars.byPrefecture.region")).asText());
        assertEquals(4, ((JsonNode) t.rows().get(0).get("seminars.perContactPoint.booked")).asInt());
    }

    @Test
    void shapesThatAreNotPerPrefectureAreIgnored() {
        PrefectureTable t = new PrefectureTable().add("seminars", json("""
                {"byRegionMonth":[{"region":"KANTO","month":"2026-11"}],
                 "perPrefectureMonth":[{"prefecture":"13","month":"2026-11","n":1},{"prefecture":"13","month":"2026-12","n":2}],
                 "byMonth":{"2026-11":3},"odd":{"13":[1,2]},"nothing":null,"list":[1,2,3]}"""));
        assertTrue(t.columns().isEmpty(), t.columns().toString());
        assertEquals(47, t.rows().size());
        new PrefectureTable().add("x", null).add("y", json("[]")).add("z", json("\"text\""));
    }

    @Test
    void csvIsEscapedAndFormulaSafe() {
        PrefectureTable t = new PrefectureTable().add("p", json("{\"byPrefecture\":{\"13\":{\"note\":\"a,b \\\"c\\\"\",\"f\":\"=HYPERLINK(1)\",\"n\":-3}}}"));
        String csv = t.csv();
        String[] lines = csv.split("\r\n");
        assertEquals(48, lines.length);
        assertEquals("prefecture,p.byPrefecture.note,p.byPrefecture.f,p.byPrefecture.n", lines[0]);
        assertEquals("13,\"a,b \"\"c\"\"\",'=HYPERLINK(1),-3", lines[13]);
        assertEquals("01,,,", lines[1]);
    }
}
