package jp.telework.desk.contactpoint.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.contactpoint.domain.UtilizationStats;
import jp.telework.desk.contactpoint.domain.UtilizationStats.DayRow;
import jp.telework.desk.contactpoint.domain.UtilizationStats.Figures;
import jp.telework.desk.contactpoint.mapping.RoutingStatisticsView;
import jp.telework.desk.contactpoint.mapping.StatisticsView;

/** Utilization of the contact points for the secretariat's and the dashboard's statistics. */
@ApplicationScoped
public class StatisticsService {
    static final int MAX_DAYS = 366;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional
    @SuppressWarnings("unchecked")
    public StatisticsView statistics(LocalDate fromParam, LocalDate toParam) {
        LocalDate today = Tokyo.today(clock);
        LocalDate from = fromParam != null ? fromParam : (toParam != null ? toParam.minusDays(27) : today.minusDays(28));
        LocalDate to = toParam != null ? toParam : from.plusDays(55);
        requireRange(from, to);
        List<ContactPoint> contactPoints = ContactPoint.listAll(Sort.by("code"));
        Map<String, Region> regions = new LinkedHashMap<>();
        contactPoints.forEach(cp -> regions.put(cp.code, cp.region));

        List<Object[]> rows = em.createNativeQuery("""
                SELECT contact_point_code, date, count(*), sum(capacity), sum(booked)
                FROM slot WHERE status = 'OPEN' AND date BETWEEN ?1 AND ?2
                GROUP BY contact_point_code, date ORDER BY contact_point_code, date""")
                .setParameter(1, from).setParameter(2, to).getResultList();
        List<DayRow> days = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            days.add(new DayRow(((String) r[0]).trim(), RoutingService.toDate(r[1]), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        UtilizationStats.Result result = UtilizationStats.compute(days, regions);

        Map<String, StatisticsView.Seminars> seminars = seminars(from, to);
        StatisticsView.Seminars none = new StatisticsView.Seminars(0, 0, 0, 0, 0.0);
        List<StatisticsView.PrefectureFigures> byPrefecture = contactPoints.stream().map(cp -> {
            Figures f = result.byCode().get(cp.code);
            return new StatisticsView.PrefectureFigures(cp.code, cp.nameJa, cp.nameEn, cp.region, f.slotsOffered(), f.capacity(),
                    f.booked(), f.utilization(), seminars.getOrDefault(cp.code, none));
        }).toList();
        List<StatisticsView.RegionFigures> byRegion = result.byRegion().entrySet().stream()
                .map(e -> new StatisticsView.RegionFigures(e.getKey(), e.getValue().slotsOffered(), e.getValue().capacity(),
                        e.getValue().booked(), e.getValue().utilization()))
                .toList();
        List<StatisticsView.WeekFigures> byWeek = result.byWeek().entrySet().stream()
                .map(e -> new StatisticsView.WeekFigures(e.getKey().isoWeek(), e.getKey().weekStart(), e.getValue().slotsOffered(),
                        e.getValue().capacity(), e.getValue().booked(), e.getValue().utilization()))
                .toList();
        Figures t = result.totals();
        return new StatisticsView(from, to, OffsetDateTime.now(clock.withZone(Tokyo.ZONE)),
                new StatisticsView.Figures(t.slotsOffered(), t.capacity(), t.booked(), t.utilization()), byPrefecture, byRegion, byWeek);
    }

    @SuppressWarnings("unchecked")
    private Map<String, StatisticsView.Seminars> seminars(LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT s.host_prefecture, count(*), sum(s.capacity),
                       coalesce(sum(r.registered), 0), coalesce(sum(r.waitlisted), 0)
                FROM seminar_ref s
                LEFT JOIN (SELECT seminar_id,
                                  sum(seats) FILTER (WHERE status IN ('CONFIRMED', 'ATTENDED')) AS registered,
                                  sum(seats) FILTER (WHERE status = 'WAITLISTED') AS waitlisted
                           FROM registration_ref GROUP BY seminar_id) r ON r.seminar_id = s.seminar_id
                WHERE s.host_prefecture IS NOT NULL AND s.status <> 'CANCELLED'
                  AND (s.starts_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN ?1 AND ?2
                GROUP BY s.host_prefecture""")
                .setParameter(1, from).setParameter(2, to).getResultList();
        Map<String, StatisticsView.Seminars> byCode = new HashMap<>();
        for (Object[] r : rows) {
            long capacity = ((Number) r[2]).longValue();
            long registered = ((Number) r[3]).longValue();
            byCode.put(((String) r[0]).trim(), new StatisticsView.Seminars(((Number) r[1]).longValue(), capacity, registered,
                    ((Number) r[4]).longValue(), UtilizationStats.utilization(registered, capacity)));
        }
        return byCode;
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.badRequest("to", "the range may span at most " + MAX_DAYS + " days");
        }
    }

    /** Navi Dial answers from..to (Tokyo days of the calls; default: the last 28 days up to today). */
    @Transactional
    @SuppressWarnings("unchecked")
    public RoutingStatisticsView routing(LocalDate fromParam, LocalDate toParam) {
        LocalDate today = Tokyo.today(clock);
        LocalDate to = toParam != null ? toParam : (fromParam != null ? fromParam.plusDays(27) : today);
        LocalDate from = fromParam != null ? fromParam : to.minusDays(27);
        requireRange(from, to);
        List<Object[]> rows = em.createNativeQuery("SELECT caller_prefecture, served, chosen_code, reason, mode, count(*)"
                + " FROM routing_decision WHERE decided_at >= ?1 AND decided_at < ?2 GROUP BY 1, 2, 3, 4, 5")
                .setParameter(1, Tokyo.at(from, java.time.LocalTime.MIDNIGHT))
                .setParameter(2, Tokyo.at(to.plusDays(1), java.time.LocalTime.MIDNIGHT)).getResultList();
        Map<String, Map<String, Long>> servedBy = new java.util.TreeMap<>();
        Map<String, Long> byContactPoint = new java.util.TreeMap<>();
        Map<String, Map<String, Long>> unmetBy = new java.util.TreeMap<>();
        long served = 0;
        long unmet = 0;
        for (Object[] r : rows) {
            String caller = ((String) r[0]).trim();
            long n = ((Number) r[5]).longValue();
            if ((Boolean) r[1]) {
                served += n;
                servedBy.computeIfAbsent(caller, k -> new java.util.TreeMap<>()).merge((String) r[3], n, Long::sum);
                byContactPoint.merge(((String) r[2]).trim(), n, Long::sum);
            } else {
                unmet += n;
                unmetBy.computeIfAbsent(caller, k -> new java.util.TreeMap<>()).merge((String) r[4], n, Long::sum);
            }
        }
        return new RoutingStatisticsView(from, to, served + unmet, served, unmet, servedBy, byContactPoint, unmetBy, Tokyo.now(clock));
    }
}
