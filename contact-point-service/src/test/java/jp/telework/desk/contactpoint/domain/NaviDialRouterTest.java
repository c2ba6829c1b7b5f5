package jp.telework.desk.contactpoint.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.telework.desk.contactpoint.domain.NaviDialRouter.Candidate;
import jp.telework.desk.contactpoint.domain.NaviDialRouter.Decision;
import jp.telework.desk.contactpoint.domain.NaviDialRouter.FreeSlot;
import jp.telework.desk.contactpoint.domain.NaviDialRouter.Office;
import jp.telework.desk.contactpoint.domain.NaviDialRouter.Reason;

class NaviDialRouterTest {
    // prefectural government offices (as seeded)
    static final Office TOKYO = new Office("13", 35.689185, 139.691648);
    static final Office SAITAMA = new Office("11", 35.857771, 139.647804);
    static final Office CHIBA = new Office("12", 35.604563, 140.123179);
    static final Office KANAGAWA = new Office("14", 35.447505, 139.642347);
    static final Office OSAKA = new Office("27", 34.686492, 135.518992);
    static final Office AKITA = new Office("05", 39.718175, 140.103356);

    private static Candidate free(Office office) {
        return new Candidate(office, List.of(new FreeSlot(UUID.randomUUID(), LocalDate.of(2026, 12, 1), LocalTime.of(10, 0),
                LocalTime.of(11, 0), 1)));
    }

    private static Candidate full(Office office) {
        return new Candidate(office, List.of());
    }

    @Test
    void homeFirstWhenItCanServe() {
        Decision d = NaviDialRouter.route("13", TOKYO.latitude(), TOKYO.longitude(),
                List.of(free(SAITAMA), free(TOKYO), free(OSAKA)), 3).orElseThrow();
        assertEquals("13", d.chosen().candidate().office().code());
        assertEquals(Reason.HOME, d.reason());
        assertEquals(0.0, d.chosen().distanceKm());
        assertEquals(List.of("11", "27"), d.alternatives().stream().map(r -> r.candidate().office().code()).toList());
    }

    @Test
    void nearestNextWhenHomeCannot() {
        Decision d = NaviDialRouter.route("13", TOKYO.latitude(), TOKYO.longitude(),
                List.of(full(TOKYO), free(OSAKA), free(CHIBA), free(SAITAMA), free(KANAGAWA), free(AKITA)), 3).orElseThrow();
        assertEquals(Reason.NEAREST_TO_HOME, d.reason());
        // Saitama ~19 km, Kanagawa ~27 km, Chiba ~40 km, Akita ~450 km, Osaka ~400 km from the Tokyo office
        assertEquals("11", d.chosen().candidate().office().code());
        assertEquals(List.of("14", "12", "27"), d.alternatives().stream().map(r -> r.candidate().office().code()).toList());
        assertTrue(d.chosen().distanceKm() > 15 && d.chosen().distanceKm() < 25, "" + d.chosen().distanceKm());
    }

    @Test
    void noneInRangeIsEmpty() {
        assertTrue(NaviDialRouter.route("13", TOKYO.latitude(), TOKYO.longitude(), List.of(full(TOKYO), full(SAITAMA)), 3)
                .isEmpty());
        assertTrue(NaviDialRouter.route("13", TOKYO.latitude(), TOKYO.longitude(), List.of(), 3).isEmpty());
    }

    @Test
    void tiesAreBrokenByCode() {
        Office twinA = new Office("21", 35.0, 137.0);
        Office twinB = new Office("20", 35.0, 137.0);
        Decision d = NaviDialRouter.route(null, 35.5, 137.0, List.of(free(twinA), free(twinB)), 3).orElseThrow();
        assertEquals("20", d.chosen().candidate().office().code());
        assertEquals(Reason.NEAREST_TO_CALLER, d.reason());
        assertEquals("21", d.alternatives().get(0).candidate().office().code());
    }

    @Test
    void fromCoordinatesTheNearestWins() {
        // a caller in Yokohama
        Decision d = NaviDialRouter.route(null, 35.4437, 139.6380, List.of(free(TOKYO), free(KANAGAWA)), 0).orElseThrow();
        assertEquals("14", d.chosen().candidate().office().code());
        assertTrue(d.alternatives().isEmpty());
    }

    @Test
    void greatCircleDistance() {
        // Tokyo to Osaka offices: about 397 km
        double km = NaviDialRouter.distanceKm(TOKYO.latitude(), TOKYO.longitude(), OSAKA.latitude(), OSAKA.longitude());
        assertTrue(km > 390 && km < 405, "" + km);
        assertEquals(0.0, NaviDialRouter.distanceKm(35, 135, 35, 135), 1e-9);
    }
}
