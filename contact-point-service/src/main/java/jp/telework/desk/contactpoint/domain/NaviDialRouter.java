package jp.telework.desk.contactpoint.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Navi Dial: which association should take a caller now. The caller's home association answers if
 * it can serve the requested mode (it has a free slot in the window); otherwise the association whose
 * office is nearest by great-circle distance that can. Ties are broken by distance, then by code, so
 * the answer is deterministic. Without a home (a caller located by coordinates) the nearest wins.
 */
public final class NaviDialRouter {
    /** Mean Earth radius (IUGG), km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public record Office(String code, double latitude, double longitude) {
    }

    public record FreeSlot(UUID slotId, LocalDate date, LocalTime start, LocalTime end, int remaining) {
    }

    /** A contact point that offers the mode, with its free slots in the window in time order (may be empty). */
    public record Candidate(Office office, List<FreeSlot> freeSlots) {
        boolean canServe() {
            return !freeSlots.isEmpty();
        }
    }

    public record Ranked(Candidate candidate, double distanceKm) {
    }

    public enum Reason {
        /** The caller's own prefecture can serve. */
        HOME,
        /** The home association cannot serve the mode in the window; this is the nearest that can. */
        NEAREST_TO_HOME,
        /** The caller was located by coordinates; this is the nearest association that can serve. */
        NEAREST_TO_CALLER
    }

    public record Decision(Ranked chosen, Reason reason, List<Ranked> alternatives) {
    }

    private NaviDialRouter() {
    }

    /**
     * @param home         the caller's home association, or null when the caller is located by coordinates
     * @param latitude     where the distance is measured from (the home office, or the caller)
     * @param alternatives how many other associations that can serve to list after the chosen one
     * @return empty when no association can serve the mode in the window
     */
    public static Optional<Decision> route(String home, double latitude, double longitude, List<Candidate> candidates,
            int alternatives) {
        List<Ranked> ranked = candidates.stream()
                .filter(Candidate::canServe)
                .map(c -> new Ranked(c, c.office().code().equals(home) ? 0.0
                        : distanceKm(latitude, longitude, c.office().latitude(), c.office().longitude())))
                .sorted(Comparator.comparing((Ranked r) -> !r.candidate().office().code().equals(home))
                        .thenComparingDouble(Ranked::distanceKm)
                        .thenComparing(r -> r.candidate().office().code()))
                .toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        Ranked chosen = ranked.get(0);
        Reason reason = home == null ? Reason.NEAREST_TO_CALLER
                : chosen.candidate().office().code().equals(home) ? Reason.HOME : Reason.NEAREST_TO_HOME;
        return Optional.of(new Decision(chosen, reason, ranked.subList(1, Math.min(ranked.size(), 1 + Math.max(0, alternatives)))));
    }

    /** Great-circle distance by the haversine formula. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
