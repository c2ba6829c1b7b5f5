package jp.telework.desk.seminar.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.vocabulary.Prefectures;
import jp.telework.desk.seminar.mapping.StatisticsView;
import jp.telework.desk.common.vocabulary.Prefecture;

/** Network-wide figures: seminars per region and month, fill rate, waitlists, promotions, attendance. */
@ApplicationScoped
public class StatisticsService {
    static final String NATIONWIDE = "NATIONWIDE";

    @Inject
    EntityManager em;

    /** Running sums of one bucket. */
    static final class Sums {
        long seminars, cancelled, capacity, confirmed, waitlisted, waitlistedSeats, promotions, attended, noShow;

        void add(Sums o) {
            seminars += o.seminars;
            cancelled += o.cancelled;
            capacity += o.capacity;
            confirmed += o.confirmed;
            waitlisted += o.waitlisted;
            waitlistedSeats += o.waitlistedSeats;
            promotions += o.promotions;
            attended += o.attended;
            noShow += o.noShow;
        }

        StatisticsView.Figures figures() {
            return new StatisticsView.Figures(seminars, cancelled, capacity, confirmed, rate(confirmed, capacity), waitlisted,
                    waitlistedSeats, promotions, attended, noShow, rate(attended, attended + noShow));
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
        }
    }

    @Transactional
    public StatisticsView statistics(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        String range = (from != null ? " AND s.starts_at >= :fromTime" : "") + (to != null ? " AND s.starts_at < :toTime" : "");
        String bucket = "s.area_prefecture, to_char(s.starts_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')";
        Query seminars = em.createNativeQuery("SELECT " + bucket + ", "
                + "COUNT(*) FILTER (WHERE s.status IN ('PUBLISHED','COMPLETED')), "
                + "COUNT(*) FILTER (WHERE s.status = 'CANCELLED'), "
                + "COALESCE(SUM(s.in_person_capacity + s.online_capacity) FILTER (WHERE s.status IN ('PUBLISHED','COMPLETED')), 0), "
                + "COALESCE(SUM(s.in_person_confirmed_seats + s.online_confirmed_seats) FILTER (WHERE s.status IN ('PUBLISHED','COMPLETED')), 0) "
                + "FROM seminar s WHERE s.status <> 'DRAFT'" + range + " GROUP BY 1, 2");
        Query registrations = em.createNativeQuery("SELECT " + bucket + ", "
                + "COUNT(*) FILTER (WHERE r.status = 'WAITLISTED'), "
                + "COALESCE(SUM(r.seats) FILTER (WHERE r.status = 'WAITLISTED'), 0), "
                + "COUNT(*) FILTER (WHERE r.promoted_at IS NOT NULL AND r.status <> 'CANCELLED'), "
                + "COUNT(*) FILTER (WHERE r.status = 'ATTENDED'), "
                + "COUNT(*) FILTER (WHERE r.status = 'NO_SHOW') "
                + "FROM registration r JOIN seminar s ON s.id = r.seminar_id WHERE s.status <> 'DRAFT'" + range + " GROUP BY 1, 2");
        for (Query q : List.of(seminars, registrations)) {
            if (from != null) {
                q.setParameter("fromTime", from.atStartOfDay(Tokyo.ZONE).toOffsetDateTime());
            }
            if (to != null) {
                q.setParameter("toTime", to.plusDays(1).atStartOfDay(Tokyo.ZONE).toOffsetDateTime());
            }
        }
        Map<String, Sums> buckets = new TreeMap<>();
        for (Object row : seminars.getResultList()) {
            Object[] c = (Object[]) row;
            Sums s = buckets.computeIfAbsent(key(c), k -> new Sums());
            s.seminars += num(c[2]);
            s.cancelled += num(c[3]);
            s.capacity += num(c[4]);
            s.confirmed += num(c[5]);
        }
        for (Object row : registrations.getResultList()) {
            Object[] c = (Object[]) row;
            Sums s = buckets.computeIfAbsent(key(c), k -> new Sums());
            s.waitlisted += num(c[2]);
            s.waitlistedSeats += num(c[3]);
            s.promotions += num(c[4]);
            s.attended += num(c[5]);
            s.noShow += num(c[6]);
        }
        Sums totals = new Sums();
        List<StatisticsView.RegionMonth> byRegionMonth = new ArrayList<>();
        buckets.forEach((k, s) -> {
            totals.add(s);
            String[] parts = k.split("\\|");
            byRegionMonth.add(new StatisticsView.RegionMonth(parts[0], parts[1], s.figures()));
        });
        byRegionMonth.sort((a, b) -> a.month().equals(b.month()) ? a.region().compareTo(b.region()) : a.month().compareTo(b.month()));
        return new StatisticsView(from, to, totals.figures(), byRegionMonth);
    }

    /** Folds prefectures into their region: "KANTO|2026-11". */
    private static String key(Object[] c) {
        String prefecture = c[0] == null ? null : c[0].toString().trim();
        String region = Prefectures.byCode(prefecture).map(Prefecture::region).map(Enum::name).orElse(NATIONWIDE);
        return region + "|" + c[1];
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
