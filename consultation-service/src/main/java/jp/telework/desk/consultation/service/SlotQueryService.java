package jp.telework.desk.consultation.service;

import java.sql.Date;
import java.sql.Time;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.consultation.config.ConsultationConfig;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.consultation.domain.BookingStatus;
import jp.telework.desk.consultation.domain.Capacity;
import jp.telework.desk.consultation.domain.ContactPointInfo;
import jp.telework.desk.consultation.domain.Mode;
import jp.telework.desk.common.vocabulary.Region;
import jp.telework.desk.consultation.domain.Slot;
import jp.telework.desk.consultation.domain.SlotStatus;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.consultation.mapping.SlotFilter;
import jp.telework.desk.consultation.mapping.SlotView;
import jp.telework.desk.common.rest.Page;

/** Free-slot search over the projection: open, not yet started, at least one free place. */
@ApplicationScoped
public class SlotQueryService {
    private static final String TAKEN = "(SELECT count(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'BOOKED')";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ConsultationConfig config;

    /**
     * Every contact point takes every topic today, so {@code topic} is validated but does not
     * narrow the result; it is part of the contract for when contact points specialise.
     */
    @Transactional
    public Page<SlotView> search(SlotFilter f) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(Tokyo.ZONE));
        LocalDate from = f.from() != null ? f.from() : now.toLocalDate();
        LocalDate to = f.to() != null ? f.to() : from.plusDays(30);
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (to.isAfter(from.plusDays(config.maxSearchDays()))) {
            throw ProblemException.badRequest("to", "the range may span at most " + config.maxSearchDays() + " days");
        }
        Map<String, Region> regions = regions();
        Set<String> inactive = ContactPointInfo.<ContactPointInfo>streamAll().filter(cp -> !cp.active).map(cp -> cp.code)
                .collect(Collectors.toSet());
        List<String> codes = regions.keySet().stream().sorted()
                .filter(c -> f.prefecture() == null || c.equals(f.prefecture()))
                .filter(c -> f.region() == null || regions.get(c) == f.region())
                .filter(c -> !inactive.contains(c))
                .toList();
        if (codes.isEmpty()) {
            return Page.empty(f.page(), f.size());
        }
        String where = " FROM slot s WHERE s.status = 'OPEN' AND s.contact_point_code IN (:codes)"
                + " AND s.slot_date BETWEEN :from AND :to"
                + " AND (s.slot_date > :today OR (s.slot_date = :today AND s.start_time > :nowTime))"
                + (f.mode() != null ? " AND s.mode = :mode" : "")
                + " AND s.capacity > " + TAKEN;
        Query count = bind(em.createNativeQuery("SELECT count(*)" + where), codes, from, to, now, f.mode());
        long total = ((Number) count.getSingleResult()).longValue();
        Query page = bind(em.createNativeQuery("SELECT s.id, s.contact_point_code, s.slot_date, s.start_time, s.end_time, s.mode,"
                + " s.capacity, s.status, " + TAKEN + where
                + " ORDER BY s.slot_date, s.start_time, s.contact_point_code, s.id"), codes, from, to, now, f.mode())
                .setFirstResult(f.page() * f.size()).setMaxResults(f.size());
        List<SlotView> items = new ArrayList<>();
        for (Object row : page.getResultList()) {
            Object[] r = (Object[]) row;
            String code = ((String) r[1]);
            LocalDate date = localDate(r[2]);
            LocalTime start = localTime(r[3]);
            LocalTime end = localTime(r[4]);
            int capacity = ((Number) r[6]).intValue();
            items.add(new SlotView((UUID) r[0], code, regions.get(code), date, start, end,
                    OffsetDateTime.of(date, start, Tokyo.OFFSET), OffsetDateTime.of(date, end, Tokyo.OFFSET),
                    Mode.valueOf((String) r[5]), capacity, Capacity.remaining(capacity, ((Number) r[8]).longValue()),
                    SlotStatus.valueOf((String) r[7])));
        }
        return new Page<>(items, total, f.page(), f.size());
    }

    /** One slot, whatever its state (anonymous: slots are public). */
    @Transactional
    public SlotView get(UUID id) {
        Slot s = Slot.findById(id);
        if (s == null) {
            throw ProblemException.notFound("slot " + id);
        }
        long taken = Booking.count("slot = ?1 and status = ?2", s, BookingStatus.BOOKED);
        return new SlotView(s.id, s.contactPointCode, regions().get(s.contactPointCode), s.date, s.startTime, s.endTime,
                s.startsAt(), s.endsAt(), s.mode, s.capacity, Capacity.remaining(s.capacity, taken), s.status);
    }

    private Query bind(Query q, List<String> codes, LocalDate from, LocalDate to, LocalDateTime now, Mode mode) {
        q.setParameter("codes", codes).setParameter("from", from).setParameter("to", to)
                .setParameter("today", now.toLocalDate()).setParameter("nowTime", now.toLocalTime());
        if (mode != null) {
            q.setParameter("mode", mode.name());
        }
        return q;
    }

    /** The region of each contact point: as announced, else the conventional grouping. */
    private Map<String, Region> regions() {
        Map<String, Region> regions = new HashMap<>();
        IntStream.rangeClosed(1, 47).mapToObj(i -> String.format("%02d", i)).forEach(c -> regions.put(c, Region.of(c)));
        for (ContactPointInfo cp : ContactPointInfo.<ContactPointInfo>listAll()) {
            regions.put(cp.code, cp.region);
        }
        return regions;
    }

    private static LocalDate localDate(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static LocalTime localTime(Object o) {
        return o instanceof Time t ? t.toLocalTime() : (LocalTime) o;
    }
}
