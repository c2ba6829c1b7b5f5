package jp.telework.desk.seminar.service;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import jp.telework.desk.events.EventTypes;
import jp.telework.desk.seminar.domain.Participation;
import jp.telework.desk.seminar.domain.Registration;
import jp.telework.desk.seminar.domain.RegistrationStatus;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.seminar.domain.WaitlistRules;
import jp.telework.desk.seminar.event.SeminarEvents;

/**
 * Seat bookkeeping shared by the seminar and registration services. Every method runs inside the
 * caller's transaction and expects the seminar row to be locked already (PESSIMISTIC_WRITE: SELECT ... FOR NO KEY UPDATE
 * on PostgreSQL), so reads
 * are a consistent snapshot and changes are applied atomically with the caller's.
 */
@ApplicationScoped
public class Seats {
    @Inject
    EntityManager em;
    @Inject
    SeminarEvents events;

    /** Locks the seminar row for the rest of the transaction (FOR NO KEY UPDATE): every seat decision is serialized on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Seminar lock(UUID id) {
        return Seminar.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Reloads a seminar read without a lock, now locked: exclusively (FOR NO KEY UPDATE) to decide
     * seats, or shared (FOR SHARE) to add waitlist places only. Shared holders run in parallel but
     * exclude every seat decision, so the seat counters they read stay true until they commit; they
     * must not change the seminar row (two of them upgrading would deadlock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Seminar lock(Seminar s, boolean exclusive) {
        em.refresh(s, exclusive ? LockModeType.PESSIMISTIC_WRITE : LockModeType.PESSIMISTIC_READ);
        return s;
    }

    /** The next registration order number (confirmation or waitlist order; compared within one seminar only). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long nextSequence() {
        return ((Number) em.createNativeQuery("SELECT nextval('registration_order')").getSingleResult()).longValue();
    }

    /**
     * Writes a new registration now. Under the shared lock two requests of one organization can pass
     * the "already registered" check together; the unique index then refuses the second.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Registration r) {
        r.persist();
        try {
            em.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if ("registration_one_active_per_org".equals(e.getConstraintName())) {
                throw RegistrationService.alreadyRegistered(r.organizationId);
            }
            throw e;
        }
    }

    /**
     * Promotes the waitlists first come, first served (skipping entries that no longer fit), but
     * only while registration is open and the seminar has not started.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int promote(Seminar s, OffsetDateTime now) {
        if (!WaitlistRules.promotesAt(s.window(now))) {
            return 0;
        }
        int promoted = 0;
        for (Participation pool : s.pools()) {
            int free = s.freeSeats(pool);
            if (free <= 0) {
                continue;
            }
            List<Registration> waitlist = waitlist(s.id, pool);
            Map<UUID, Registration> byId = new HashMap<>();
            waitlist.forEach(r -> byId.put(r.id, r));
            for (WaitlistRules.Entry e : WaitlistRules.promotions(free, waitlist.stream().map(Registration::entry).toList())) {
                Registration r = byId.get(e.id());
                r.moveTo(RegistrationStatus.CONFIRMED);
                r.waitlistSeq = null;
                r.confirmedSeq = nextSequence();
                r.confirmedAt = now;
                r.promotedAt = now;
                r.updatedAt = now;
                promoted++;
                events.registration(EventTypes.REGISTRATION_PROMOTED, s, r, null);
            }
        }
        if (promoted > 0) {
            recount(s);
        }
        return promoted;
    }

    /**
     * Sends the newest confirmed registrations of a pool back to the front of the waitlist until the
     * confirmed seats fit {@code newCapacity}; they keep their relative order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Registration> demote(Seminar s, Participation pool, int newCapacity, OffsetDateTime now) {
        List<Registration> confirmed = Registration.list("seminarId = ?1 and participation = ?2 and status = ?3 order by confirmedSeq",
                s.id, pool, RegistrationStatus.CONFIRMED);
        Map<UUID, Registration> byId = new HashMap<>();
        confirmed.forEach(r -> byId.put(r.id, r));
        List<WaitlistRules.Entry> demoted = WaitlistRules.demotions(newCapacity - heldButNotDemotable(s, pool),
                confirmed.stream().map(Registration::entry).toList());
        if (demoted.isEmpty()) {
            return List.of();
        }
        Long first = em.createQuery("select min(r.waitlistSeq) from Registration r where r.seminarId = ?1 and r.status = ?2", Long.class)
                .setParameter(1, s.id).setParameter(2, RegistrationStatus.WAITLISTED).getSingleResult();
        long front = (first != null ? first : nextSequence()) - demoted.size();
        List<Registration> result = new java.util.ArrayList<>();
        for (int i = 0; i < demoted.size(); i++) {
            Registration r = byId.get(demoted.get(i).id());
            r.moveTo(RegistrationStatus.WAITLISTED);
            r.waitlistSeq = front + i;
            r.confirmedSeq = null;
            r.confirmedAt = null;
            r.promotedAt = null;
            r.updatedAt = now;
            result.add(r);
        }
        recount(s);
        for (Registration r : result) {
            events.registration(EventTypes.REGISTRATION_WAITLISTED, s, r, position(r));
        }
        return result;
    }

    /** Seats held by registrations whose attendance was already recorded (they are never demoted). */
    private int heldButNotDemotable(Seminar s, Participation pool) {
        Long held = em.createQuery("select coalesce(sum(r.seats), 0) from Registration r where r.seminarId = ?1 "
                + "and r.participation = ?2 and r.status in ?3", Long.class)
                .setParameter(1, s.id).setParameter(2, pool)
                .setParameter(3, List.of(RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW)).getSingleResult();
        return held.intValue();
    }

    /** The waitlist of one pool, first in line first. */
    public List<Registration> waitlist(UUID seminarId, Participation pool) {
        return Registration.list("seminarId = ?1 and participation = ?2 and status = ?3 order by waitlistSeq",
                seminarId, pool, RegistrationStatus.WAITLISTED);
    }

    // Counts below are select-count query strings, not Panache count(): Hibernate caches a query string's
    // translation but derives a new count query on every count() call, and these run under the seminar lock.
    // No list parameters (IN ?n) either: a list is expanded per call and defeats that cache.

    /** Does the organization hold a registration (a seat or a waitlist place) for the seminar? */
    public boolean holdsActive(UUID seminarId, String organization) {
        return em.createQuery("select count(r) from Registration r where r.seminarId = ?1 and r.organizationId = ?2"
                + " and (r.status = ?3 or r.status = ?4)", Long.class).setParameter(1, seminarId).setParameter(2, organization)
                .setParameter(3, RegistrationStatus.CONFIRMED).setParameter(4, RegistrationStatus.WAITLISTED).getSingleResult() > 0;
    }

    /** Does any waiting registration of the pool fit into the free seats (normally never while registration is open)? */
    public boolean someWaitingFits(Seminar s, Participation pool) {
        int free = s.freeSeats(pool);
        return free > 0 && em.createQuery("select count(r) from Registration r where r.seminarId = ?1 and r.participation = ?2"
                + " and r.status = ?3 and r.seats <= ?4", Long.class).setParameter(1, s.id).setParameter(2, pool)
                .setParameter(3, RegistrationStatus.WAITLISTED).setParameter(4, free).getSingleResult() > 0;
    }

    /** 1-based place of a WAITLISTED registration within its pool's waitlist; null otherwise. */
    public Integer position(Registration r) {
        if (r.status != RegistrationStatus.WAITLISTED) {
            return null;
        }
        em.flush();
        return em.createQuery("select count(r) from Registration r where r.seminarId = ?1 and r.participation = ?2"
                + " and r.status = ?3 and r.waitlistSeq <= ?4", Long.class).setParameter(1, r.seminarId)
                .setParameter(2, r.participation).setParameter(3, RegistrationStatus.WAITLISTED).setParameter(4, r.waitlistSeq)
                .getSingleResult().intValue();
    }

    /** Places of every waiting registration of a seminar, by registration id. */
    public Map<UUID, Integer> positions(UUID seminarId) {
        Map<UUID, Integer> positions = new HashMap<>();
        for (Participation pool : Participation.values()) {
            int i = 0;
            for (Registration r : waitlist(seminarId, pool)) {
                positions.put(r.id, ++i);
            }
        }
        return positions;
    }

    /**
     * Recomputes the seminar's seat counters from its registrations (after writing pending changes).
     * The CHECK constraints on the seminar row refuse counters beyond capacity at commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recount(Seminar s) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT participation, "
                + "COALESCE(SUM(seats) FILTER (WHERE status IN ('CONFIRMED','ATTENDED','NO_SHOW')), 0), "
                + "COUNT(*) FILTER (WHERE status = 'WAITLISTED') "
                + "FROM registration WHERE seminar_id = ?1 GROUP BY participation")
                .setParameter(1, s.id).getResultList();
        int inPerson = 0;
        int online = 0;
        int waiting = 0;
        for (Object[] row : rows) {
            int held = ((Number) row[1]).intValue();
            if (Participation.valueOf((String) row[0]) == Participation.IN_PERSON) {
                inPerson = held;
            } else {
                online = held;
            }
            waiting += ((Number) row[2]).intValue();
        }
        s.inPersonConfirmedSeats = inPerson;
        s.onlineConfirmedSeats = online;
        s.waitlistedCount = waiting; // derived (a formula): kept current in memory for this answer, never written
    }
}
