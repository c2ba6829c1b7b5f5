package jp.telework.desk.consultation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jp.telework.desk.consultation.domain.BookingStatus;
import jp.telework.desk.consultation.domain.InquiryStatus;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.consultation.mapping.StatisticsView;

/** Aggregates for the secretariat's and the dashboard's overview, computed in PostgreSQL. */
@ApplicationScoped
public class StatisticsService {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    private static final String BOOKINGS = " FROM booking b JOIN slot s ON s.id = b.slot_id";
    private static final String BOOKING_TOPICS = BOOKINGS + " CROSS JOIN LATERAL unnest(b.topics) AS t(topic)";
    private static final String INQUIRIES = " FROM inquiry i";
    /** The Tokyo calendar day an inquiry was submitted on (the zone is a constant, not user input). */
    private static final String SUBMITTED_ON = "(i.created_at AT TIME ZONE '" + Tokyo.ZONE_ID + "')::date";

    @Transactional
    public StatisticsView statistics(LocalDate from, LocalDate to, String prefecture) {
        Where bookings = new Where()
                .and("s.slot_date >= :from", "from", from)
                .and("s.slot_date <= :to", "to", to)
                .and("b.contact_point_code = :prefecture", "prefecture", prefecture);
        Map<String, Long> byStatus = grouped(BOOKINGS, bookings, "b.status");
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long cancelled = byStatus.getOrDefault(BookingStatus.CANCELLED.name(), 0L);
        long completed = byStatus.getOrDefault(BookingStatus.COMPLETED.name(), 0L);
        long noShow = byStatus.getOrDefault(BookingStatus.NO_SHOW.name(), 0L);

        Where inquiries = new Where()
                .and(SUBMITTED_ON + " >= :from", "from", from)
                .and(SUBMITTED_ON + " <= :to", "to", to)
                .and("i.prefecture = :prefecture", "prefecture", prefecture);
        Map<String, Long> inquiriesByStatus = grouped(INQUIRIES, inquiries, "i.status");
        Object[] timing = (Object[]) inquiries.bound(em.createNativeQuery(
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.answered_at - i.created_at)),"
                        + " min(i.created_at) FILTER (WHERE i.status = 'OPEN')" + INQUIRIES + inquiries))
                .getSingleResult();
        Double medianSeconds = timing[0] == null ? null : ((Number) timing[0]).doubleValue();
        OffsetDateTime oldestOpen = timing[1] == null ? null : toOffset(timing[1]);

        var inquiryStats = new StatisticsView.InquiryStatistics(
                inquiriesByStatus.values().stream().mapToLong(Long::longValue).sum(), inquiriesByStatus,
                inquiriesByStatus.getOrDefault(InquiryStatus.OPEN.name(), 0L), oldestOpen,
                medianSeconds == null ? null : round(medianSeconds / 3600.0),
                medianSeconds == null ? null : Duration.ofSeconds(Math.round(medianSeconds)).toString());
        return new StatisticsView(from, to, prefecture, total,
                grouped(BOOKINGS, bookings, "b.contact_point_code"),
                grouped(BOOKING_TOPICS, bookings, "t.topic"),
                grouped(BOOKINGS, bookings, "s.mode"),
                grouped(BOOKINGS, bookings, "b.channel"),
                byStatus,
                grouped(BOOKINGS, bookings, "to_char(s.slot_date, 'YYYY-MM')"),
                total == 0 ? null : round((double) cancelled / total),
                completed + noShow == 0 ? null : round((double) noShow / (completed + noShow)),
                inquiryStats, Tokyo.now(clock));
    }

    private Map<String, Long> grouped(String from, Where where, String key) {
        Map<String, Long> result = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bound(em.createNativeQuery("SELECT " + key + ", count(*)" + from + where + " GROUP BY 1"))
                .getResultList();
        for (Object[] row : rows) {
            result.put(String.valueOf(row[0]).trim(), ((Number) row[1]).longValue());
        }
        return result;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(Tokyo.OFFSET);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(Tokyo.OFFSET);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(Tokyo.OFFSET);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
