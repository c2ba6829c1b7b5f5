package jp.telework.desk.seminar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.telework.desk.common.problem.Problem.FieldError;

class SeminarRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-10-01T10:00:00+09:00");
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-10T14:00:00+09:00");

    private static SeminarRules.Draft draft(SeminarFormat format, OffsetDateTime start, OffsetDateTime end, OffsetDateTime opens,
            OffsetDateTime closes, Integer online, String venuePref, String address, String host, boolean join) {
        return new SeminarRules.Draft(format, start, end, opens, closes, 40, online, venuePref, address, host, join);
    }

    private static SeminarRules.Draft valid() {
        return draft(SeminarFormat.IN_PERSON, START, START.plusHours(2), NOW, START.minusDays(1), null, "13", "千代田区", "13", false);
    }

    private static List<String> fields(SeminarRules.Draft d) {
        return SeminarRules.check(d, NOW, Duration.ofDays(31)).stream().map(FieldError::field).toList();
    }

    @Test
    void aConsistentSeminarPasses() {
        assertEquals(List.of(), fields(valid()));
        assertEquals(List.of(), fields(draft(SeminarFormat.ONLINE, START, START.plusHours(1), NOW, START, null, null, null,
                "SECRETARIAT", true)));
        assertEquals(List.of(), fields(draft(SeminarFormat.HYBRID, START, START.plusHours(1), NOW, START, 100, "27", "大阪市",
                "27", true)));
    }

    @Test
    void endBeforeStart() {
        assertEquals(List.of("endsAt"), fields(draft(SeminarFormat.IN_PERSON, START, START.minusMinutes(1), NOW,
                START.minusDays(1), null, "13", "x", "13", false)));
        assertEquals(List.of("endsAt"), fields(draft(SeminarFormat.IN_PERSON, START, START, NOW, START.minusDays(1), null,
                "13", "x", "13", false)));
        assertEquals(List.of("endsAt"), fields(draft(SeminarFormat.IN_PERSON, START, START.plusDays(32), NOW,
                START.minusDays(1), null, "13", "x", "13", false)));
    }

    @Test
    void registrationWindowMustCloseBeforeTheStart() {
        assertEquals(List.of("registrationClosesAt"), fields(draft(SeminarFormat.IN_PERSON, START, START.plusHours(2), NOW,
                START.plusMinutes(1), null, "13", "x", "13", false)));
        assertTrue(fields(draft(SeminarFormat.IN_PERSON, START, START.plusHours(2), START.minusDays(1), START.minusDays(2),
                null, "13", "x", "13", false)).contains("registrationClosesAt"));
        assertTrue(fields(draft(SeminarFormat.IN_PERSON, START, START.plusHours(2), START.plusDays(1), START.plusDays(2),
                null, "13", "x", "13", false)).contains("registrationOpensAt"));
    }

    @Test
    void startInThePast() {
        OffsetDateTime past = NOW.minusDays(1);
        assertEquals(List.of("startsAt"), fields(draft(SeminarFormat.IN_PERSON, past, past.plusHours(1), past.minusDays(3),
                past.minusDays(1), null, "13", "x", "13", false)));
    }

    @Test
    void formatDecidesVenueAndSeats() {
        assertEquals(List.of("onlineCapacity"), fields(draft(SeminarFormat.HYBRID, START, START.plusHours(1), NOW, START, null,
                "13", "x", "13", true)));
        assertEquals(List.of("onlineCapacity"), fields(draft(SeminarFormat.IN_PERSON, START, START.plusHours(1), NOW, START, 10,
                "13", "x", "13", false)));
        assertEquals(List.of("venue.prefecture", "venue.address"), fields(draft(SeminarFormat.IN_PERSON, START,
                START.plusHours(1), NOW, START, null, null, null, "13", false)));
        assertEquals(List.of("onlineJoin"), fields(draft(SeminarFormat.IN_PERSON, START, START.plusHours(1), NOW, START, null,
                "13", "x", "13", true)));
    }

    @Test
    void unknownPrefectures() {
        assertEquals(List.of("venue.prefecture"), fields(draft(SeminarFormat.IN_PERSON, START, START.plusHours(1), NOW, START,
                null, "48", "x", "13", false)));
        assertEquals(List.of("host"), fields(draft(SeminarFormat.IN_PERSON, START, START.plusHours(1), NOW, START, null, "13",
                "x", "00", false)));
    }

    @Test
    void areaIsTheVenueElseTheHost() {
        assertEquals("24", SeminarRules.areaPrefecture("24", "SECRETARIAT"));
        assertEquals("27", SeminarRules.areaPrefecture(null, "27"));
        assertEquals(null, SeminarRules.areaPrefecture(null, "SECRETARIAT"));
    }
}
