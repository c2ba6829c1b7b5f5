package jp.telework.desk.contactpoint.service;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.contactpoint.config.RoutingConfig;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.NaviDialRouter;
import jp.telework.desk.contactpoint.domain.RoutingDecision;
import jp.telework.desk.contactpoint.domain.NaviDialRouter.Candidate;
import jp.telework.desk.contactpoint.domain.NaviDialRouter.FreeSlot;
import jp.telework.desk.contactpoint.domain.NaviDialRouter.Office;
import jp.telework.desk.contactpoint.mapping.FreeSlotView;
import jp.telework.desk.contactpoint.mapping.RouteView;
import jp.telework.desk.contactpoint.mapping.RoutedContactPointView;
import jp.telework.desk.common.problem.ProblemType;
import jp.telework.desk.common.vocabulary.JapanBounds;
import jp.telework.desk.common.vocabulary.Prefectures;
import jp.telework.desk.common.rest.QueryParams;

/** Navi Dial: reads free capacity from the slots and lets {@link NaviDialRouter} decide. */
@ApplicationScoped
public class RoutingService {

    @Inject
    EntityManager em;
    @Inject
    RoutingConfig config;
    @Inject
    Clock clock;
    @Inject
    RoutingLog log;

    /**
     * @param prefecture the caller's prefecture code, or null when located by latitude/longitude (decimal degrees
     *            inside {@link JapanBounds})
     * @throws ProblemException 400 naming every bad parameter; 404 when no association can serve
     */
    @Transactional
    public RouteView route(String prefecture, String latitudeParam, String longitudeParam, String modeParam, String withinParam) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean byPrefecture = prefecture != null && !prefecture.isBlank();
        boolean byPoint = !blank(latitudeParam) || !blank(longitudeParam);
        Double latitude = null;
        Double longitude = null;
        if (byPrefecture && byPoint) {
            errors.add(new Problem.FieldError("prefecture", "give either prefecture or latitude and longitude, not both"));
        } else if (!byPrefecture && !byPoint) {
            errors.add(new Problem.FieldError("prefecture", "required (or latitude and longitude)"));
        } else if (byPrefecture && !Prefectures.isCode(prefecture)) {
            errors.add(new Problem.FieldError("prefecture", "must be a prefecture code 01..47"));
        } else if (byPoint) {
            // a caller is somewhere in Japan: NaN, Infinity or a point abroad would be routed with a meaningless distance
            latitude = coordinate(latitudeParam, "latitude", JapanBounds.MIN_LATITUDE, JapanBounds.MAX_LATITUDE, "longitude", errors);
            longitude = coordinate(longitudeParam, "longitude", JapanBounds.MIN_LONGITUDE, JapanBounds.MAX_LONGITUDE, "latitude", errors);
        }
        Mode mode = null;
        if (modeParam == null || modeParam.isBlank()) {
            errors.add(new Problem.FieldError("mode", "required: one of " + List.of(Mode.values())));
        } else {
            try {
                mode = Mode.valueOf(modeParam.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("mode", "must be one of " + List.of(Mode.values())));
            }
        }
        Duration within = config.defaultWithin();
        String withinText = withinParam == null || withinParam.isBlank() ? null : withinParam.trim();
        if (withinText != null) {
            Optional<Duration> parsed = parseWithin(withinText);
            if (parsed.isEmpty() || parsed.get().isNegative() || parsed.get().isZero()) {
                errors.add(new Problem.FieldError("within", "must be a positive ISO-8601 duration such as P14D, P2W or PT4H"));
            } else if (parsed.get().compareTo(config.maxWithin()) > 0) {
                errors.add(new Problem.FieldError("within", "must be at most " + config.maxWithin().toDays() + " days"));
            } else {
                within = parsed.get();
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }

        List<ContactPoint> all = ContactPoint.listAll();
        Map<String, ContactPoint> byCode = new HashMap<>();
        all.forEach(cp -> byCode.put(cp.code, cp));
        double originLat;
        double originLon;
        String home = null;
        if (byPrefecture) {
            ContactPoint h = byCode.get(prefecture);
            if (h == null) {
                throw ProblemException.badRequest("prefecture", "unknown prefecture " + prefecture);
            }
            home = h.code;
            originLat = h.latitude;
            originLon = h.longitude;
        } else {
            originLat = latitude;
            originLon = longitude;
        }

        LocalDateTime now = LocalDateTime.now(clock.withZone(Tokyo.ZONE));
        LocalDateTime until = now.plus(within);
        int perContactPoint = 1 + Math.max(0, config.nextSlots());
        Map<String, List<FreeSlot>> free = freeSlots(mode, now, until, perContactPoint);
        final Mode m = mode;
        List<Candidate> candidates = all.stream()
                .filter(cp -> cp.active && cp.offers(m))
                .map(cp -> new Candidate(new Office(cp.code, cp.latitude, cp.longitude), free.getOrDefault(cp.code, List.of())))
                .toList();
        String windowText = withinText != null ? withinText : format(config.defaultWithin());
        String callerPrefecture = home != null ? home : nearestOffice(all, originLat, originLon);
        RoutingDecision.LocatedBy locatedBy = home != null ? RoutingDecision.LocatedBy.PREFECTURE : RoutingDecision.LocatedBy.POINT;
        Optional<NaviDialRouter.Decision> routed = NaviDialRouter.route(home, originLat, originLon, candidates, config.alternatives());
        if (routed.isEmpty()) {
            log.unmet(callerPrefecture, locatedBy, m);
            throw new ProblemException(404, "no-contact-point-available", "No contact point available",
                    "no contact point offers " + m + " with free capacity before " + Tokyo.at(until.toLocalDate(), until.toLocalTime())
                            + "; try a longer window or another mode");
        }
        NaviDialRouter.Decision decision = routed.get();
        log.served(callerPrefecture, locatedBy, m, decision.chosen().candidate().office().code(), decision.reason(),
                decision.chosen().distanceKm());
        RoutedContactPointView chosen = view(byCode.get(decision.chosen().candidate().office().code()), decision.chosen(), true);
        List<RoutedContactPointView> alternatives = decision.alternatives().stream()
                .map(r -> view(byCode.get(r.candidate().office().code()), r, false)).toList();
        return new RouteView(home, originLat, originLon, mode, windowText,
                until.atZone(Tokyo.ZONE).toOffsetDateTime(), decision.reason(), chosen, alternatives);
    }

    /** The prefecture whose association's office is nearest to a caller located by coordinates. */
    private static String nearestOffice(List<ContactPoint> all, double latitude, double longitude) {
        return all.stream().min(java.util.Comparator.<ContactPoint>comparingDouble(
                cp -> NaviDialRouter.distanceKm(latitude, longitude, cp.latitude, cp.longitude)).thenComparing(cp -> cp.code))
                .orElseThrow().code;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Double coordinate(String text, String name, double min, double max, String other, List<Problem.FieldError> errors) {
        if (blank(text)) {
            errors.add(new Problem.FieldError(name, "required with " + other));
            return null;
        }
        try {
            return QueryParams.decimal(text, name, min, max);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static RoutedContactPointView view(ContactPoint cp, NaviDialRouter.Ranked ranked, boolean withNext) {
        List<FreeSlot> slots = ranked.candidate().freeSlots();
        List<FreeSlotView> next = withNext ? slots.subList(1, slots.size()).stream().map(FreeSlotView::of).toList() : null;
        return new RoutedContactPointView(cp.code, cp.nameJa, cp.nameEn, cp.region, cp.phone,
                Math.round(ranked.distanceKm() * 10) / 10.0, FreeSlotView.of(slots.get(0)), next);
    }

    /** The first {@code limit} free slots per contact point of the mode, starting after now and no later than until. */
    @SuppressWarnings("unchecked")
    private Map<String, List<FreeSlot>> freeSlots(Mode mode, LocalDateTime now, LocalDateTime until, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, contact_point_code, date, start_time, end_time, remaining FROM (
                    SELECT s.id, s.contact_point_code, s.date, s.start_time, s.end_time, s.capacity - s.booked AS remaining,
                           row_number() OVER (PARTITION BY s.contact_point_code ORDER BY s.date, s.start_time) AS rn
                    FROM slot s
                    WHERE s.mode = ?1 AND s.status = 'OPEN' AND s.booked < s.capacity
                      AND s.date BETWEEN ?2 AND ?3
                      AND (s.date + s.start_time) > ?4 AND (s.date + s.start_time) <= ?5
                ) x WHERE rn <= ?6
                ORDER BY contact_point_code, date, start_time""")
                .setParameter(1, mode.name())
                .setParameter(2, now.toLocalDate())
                .setParameter(3, until.toLocalDate())
                .setParameter(4, now)
                .setParameter(5, until)
                .setParameter(6, limit)
                .getResultList();
        Map<String, List<FreeSlot>> byCode = new HashMap<>();
        for (Object[] r : rows) {
            byCode.computeIfAbsent(((String) r[1]).trim(), k -> new ArrayList<>()).add(new FreeSlot((UUID) r[0], toDate(r[2]),
                    toTime(r[3]), toTime(r[4]), ((Number) r[5]).intValue()));
        }
        return byCode;
    }

    static LocalDate toDate(Object o) {
        return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }

    static java.time.LocalTime toTime(Object o) {
        return o instanceof java.time.LocalTime t ? t : ((Time) o).toLocalTime();
    }

    static LocalDateTime toDateTime(Object o) {
        return o instanceof LocalDateTime t ? t : ((Timestamp) o).toLocalDateTime();
    }

    static String format(Duration d) {
        return d.toSeconds() % 86400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    /** ISO-8601 durations (P14D, PT4H, P1DT12H) and periods of days or weeks (P2W). */
    static Optional<Duration> parseWithin(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            try {
                Period p = Period.parse(text);
                if (p.getMonths() != 0 || p.getYears() != 0) {
                    return Optional.empty();
                }
                return Optional.of(Duration.ofDays(p.getDays()));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
