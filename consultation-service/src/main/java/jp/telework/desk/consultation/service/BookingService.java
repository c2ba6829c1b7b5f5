package jp.telework.desk.consultation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.telework.desk.common.idempotency.IdempotencyStore;
import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.security.Actor;
import jp.telework.desk.consultation.config.ConsultationConfig;
import jp.telework.desk.consultation.domain.Booking;
import jp.telework.desk.consultation.domain.BookingChannel;
import jp.telework.desk.consultation.domain.BookingStatus;
import jp.telework.desk.consultation.domain.Capacity;
import jp.telework.desk.consultation.domain.Lifecycle;
import jp.telework.desk.consultation.domain.Organizations;
import jp.telework.desk.consultation.domain.Slot;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.consultation.domain.Topic;
import jp.telework.desk.consultation.event.ConsultationEvents;
import jp.telework.desk.consultation.mapping.BookingFilter;
import jp.telework.desk.consultation.mapping.BookingRequest;
import jp.telework.desk.consultation.mapping.BookingView;
import jp.telework.desk.consultation.mapping.CancelRequest;
import jp.telework.desk.consultation.mapping.OutcomeRequest;
import jp.telework.desk.consultation.mapping.RescheduleRequest;
import jp.telework.desk.consultation.security.Viewer;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.common.rest.Page;

/**
 * Bookings. Every decision about a slot's places is taken while holding that slot's row lock
 * (SELECT ... FOR UPDATE), in one transaction with the write and its outbox event. Lock order, the
 * same everywhere so concurrent transactions cannot deadlock: the organization's advisory lock,
 * then slot rows by ascending id, then booking rows.
 */
@ApplicationScoped
public class BookingService {
    static final String IDEMPOTENCY_SCOPE = "consultation.create";
    public static final String PATH = "/api/v1/consultations/";

    @Inject
    EntityManager em;
    @Inject
    Actor actor;
    @Inject
    Viewer viewer;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    ConsultationEvents events;
    @Inject
    ConsultationConfig config;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    /**
     * Books a place: an SME for its own organization (channel API), an association for a Navi Dial caller of its
     * own prefecture's contact point (NAVI_DIAL), or the secretariat for any organization (SECRETARIAT). The same
     * capacity, fair-share, cap and idempotency rules hold for every channel.
     */
    @Transactional
    public IdempotencyStore.StoredResponse create(BookingRequest request, String idempotencyKey) {
        BookingChannel channel = channel();
        String organization = owner(channel, request);
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.StoredResponse> earlier = idempotency.claim(IDEMPOTENCY_SCOPE, actor.subject(),
                    idempotencyKey, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        refuseIfAlreadyFull(request.slotId(), channel);
        lockOrganization(organization);
        Slot slot = lockSlot(request.slotId());
        requireOwnContactPoint(channel, slot.id, slot.contactPointCode);
        OffsetDateTime now = now();
        Capacity.requireBookable(slot, now, placesTaken(slot), "slotId");
        Capacity.requireShareLeft(placesOf(organization, slot), config.maxPlacesPerOrganizationPerSlot(), slot.id, "slotId");
        Capacity.requireBelowCap(openBookings(organization, now.toLocalDate()), config.maxOpenBookingsPerOrganization());

        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.slot = slot;
        b.contactPointCode = slot.contactPointCode;
        b.organizationId = organization;
        b.createdBy = actor.subject();
        b.topics = request.topics().stream().distinct().map(Topic::name).toArray(String[]::new);
        b.status = BookingStatus.BOOKED;
        b.channel = channel;
        b.placedAt = now;
        var r = request.requester();
        b.organizationName = r.organizationName();
        b.organizationType = r.organizationType();
        b.employeeCount = r.employeeCount();
        b.industry = r.industry();
        b.requesterPrefecture = r.prefecture();
        b.contactPerson = r.contactPerson();
        b.email = r.email();
        b.phone = r.phone();
        b.notes = request.notes();
        b.createdAt = now;
        b.updatedAt = now;
        b.persist();
        events.booking(EventTypes.CONSULTATION_BOOKED, b);

        BookingView view = BookingView.of(b);
        String location = PATH + b.id;
        if (idempotencyKey != null) {
            idempotency.complete(IDEMPOTENCY_SCOPE, actor.subject(), idempotencyKey, 201, location, view);
        }
        return IdempotencyStore.StoredResponse.first(201, location, write(view));
    }

    private BookingChannel channel() {
        if (actor.isSecretariat()) {
            return BookingChannel.SECRETARIAT;
        }
        return actor.isAssociation() ? BookingChannel.NAVI_DIAL : BookingChannel.API;
    }

    /**
     * Whose booking it is. An SME books for the organization its token names. On the phone the association or
     * the secretariat names the caller's organization id if it has an account; otherwise the organization is
     * known by its name and prefecture (same name, same prefecture: the same organization for shares and the cap).
     */
    private String owner(BookingChannel channel, BookingRequest request) {
        if (channel == BookingChannel.API) {
            String own = actor.requireOrganization();
            if (request.organizationId() != null && !request.organizationId().equals(own)) {
                throw ProblemException.badRequest("organizationId",
                        "only an association or the secretariat books for another organization; leave it out");
            }
            return own;
        }
        if (channel == BookingChannel.NAVI_DIAL && actor.prefecture().isEmpty()) {
            throw ProblemException.forbidden("your token names no prefecture");
        }
        if (request.organizationId() != null) {
            return request.organizationId();
        }
        return Organizations.unregistered(request.requester().prefecture(), request.requester().organizationName());
    }

    @Transactional
    public BookingView get(UUID id) {
        Booking b = Booking.findById(id);
        if (b == null || !viewer.canSee(b)) {
            throw ProblemException.notFound("booking " + id);
        }
        return BookingView.of(b);
    }

    @Transactional
    public Page<BookingView> list(BookingFilter f) {
        Viewer.Scope scope = viewer.scope();
        if (scope.nothing()) {
            return Page.empty(f.page(), f.size());
        }
        Where where = new Where()
                .and("b.organizationId = :org", "org", scope.organization())
                .and("b.contactPointCode = :scopePrefecture", "scopePrefecture", scope.prefecture())
                .and("b.status = :status", "status", f.status())
                .and("b.channel = :channel", "channel", f.channel())
                .and("b.contactPointCode = :prefecture", "prefecture", f.prefecture())
                .and("s.mode = :mode", "mode", f.mode())
                .and("array_contains(b.topics, :topic)", "topic", f.topic() == null ? null : f.topic().name())
                .and("s.date >= :from", "from", f.from())
                .and("s.date <= :to", "to", f.to());
        TypedQuery<Long> count = em.createQuery("select count(b) from Booking b join b.slot s" + where, Long.class);
        TypedQuery<Booking> page = em.createQuery("select b from Booking b join fetch b.slot s" + where
                + " order by s.date, s.startTime, b.createdAt, b.id", Booking.class);
        where.bind(count, page);
        List<BookingView> items = page.setFirstResult(f.page() * f.size()).setMaxResults(f.size()).getResultList().stream()
                .map(BookingView::of).toList();
        return new Page<>(items, count.getSingleResult(), f.page(), f.size());
    }

    /**
     * The requester cancels until the cut-off before the start; the responsible association or
     * the secretariat at any time, with a reason.
     */
    @Transactional
    public BookingView cancel(UUID id, CancelRequest request) {
        Booking b = lockVisible(id);
        OffsetDateTime now = now();
        String reason = request == null ? null : blankToNull(request.reason());
        Lifecycle.requireTransition(b.status, BookingStatus.CANCELLED);
        if (viewer.isOwner(b.organizationId)) {
            Lifecycle.requireRequesterMayChange(b.status, b.slot.startsAt(), now, config.changeCutoff());
            b.cancelledBy = "REQUESTER";
        } else if (actor.manages(b.contactPointCode)) {
            if (reason == null) {
                throw ProblemException.badRequest("reason", "required when an association or the secretariat cancels");
            }
            b.cancelledBy = actor.isSecretariat() ? "SECRETARIAT" : "ASSOCIATION";
        } else {
            throw ProblemException.forbidden("only the requester, its association or the secretariat may cancel");
        }
        b.cancellationReason = reason;
        b.become(BookingStatus.CANCELLED, now);
        events.booking(EventTypes.CONSULTATION_CANCELLED, b);
        return BookingView.of(b);
    }

    /**
     * Moves a booking to another slot in one transaction: both slot rows are locked (ascending id),
     * the new slot's capacity is checked, and only then the booking moves. If the new slot is full
     * the transaction rolls back and the booking keeps its old place.
     */
    @Transactional
    public BookingView reschedule(UUID id, RescheduleRequest request) {
        Booking b = Booking.findById(id);
        if (b == null || !viewer.canSee(b)) {
            throw ProblemException.notFound("booking " + id);
        }
        boolean owner = viewer.isOwner(b.organizationId);
        if (!owner && !actor.manages(b.contactPointCode)) {
            throw ProblemException.forbidden("only the requester, its association or the secretariat may move a booking");
        }
        UUID oldSlotId = b.slot.id;
        UUID newSlotId = request.slotId();
        Slot target;
        if (oldSlotId.compareTo(newSlotId) < 0) {
            lockSlotIfPresent(oldSlotId);
            target = lockSlot(newSlotId);
        } else {
            target = lockSlot(newSlotId);
            lockSlotIfPresent(oldSlotId);
        }
        em.refresh(b, LockModeType.PESSIMISTIC_WRITE);
        if (!b.slot.id.equals(oldSlotId)) {
            throw ProblemException.conflict("concurrent-change", "Booking changed concurrently",
                    "booking " + id + " was moved by another request; read it again and retry");
        }
        OffsetDateTime now = now();
        if (b.status != BookingStatus.BOOKED) {
            Lifecycle.requireTransition(b.status, BookingStatus.BOOKED);
        }
        if (owner) {
            Lifecycle.requireRequesterMayChange(b.status, b.slot.startsAt(), now, config.changeCutoff());
        } else {
            // on the phone: no cut-off, but a consultation that has begun is not moved any more
            Lifecycle.requireNotStarted(b.status, b.slot.startsAt(), now);
            if (!actor.manages(target.contactPointCode)) {
                throw new ProblemException(403, "not-your-contact-point", "Not your contact point",
                        "an association moves bookings to slots of its own prefecture's contact point; slot " + target.id
                                + " belongs to " + target.contactPointCode,
                        List.of(new Problem.FieldError("slotId", "belongs to another prefecture's contact point")));
            }
        }
        if (b.status == BookingStatus.BOOKED && target.id.equals(oldSlotId)) {
            throw new ProblemException(409, "already-in-slot", "Already booked in this slot",
                    "booking " + id + " already holds a place in slot " + target.id,
                    List.of(new Problem.FieldError("slotId", "is the booking's current slot")));
        }
        Capacity.requireBookable(target, now, placesTaken(target), "slotId");
        Capacity.requireShareLeft(placesOf(b.organizationId, target), config.maxPlacesPerOrganizationPerSlot(), target.id, "slotId");

        b.slot = target;
        b.contactPointCode = target.contactPointCode;
        b.placedAt = now;
        if (b.status == BookingStatus.NEEDS_RESCHEDULE) {
            b.become(BookingStatus.BOOKED, now);
        } else {
            b.updatedAt = now;
        }
        events.booking(EventTypes.CONSULTATION_RESCHEDULED, b, oldSlotId);
        return BookingView.of(b);
    }

    /** The responsible association (or the secretariat) records COMPLETED or NO_SHOW once the slot started. */
    @Transactional
    public BookingView outcome(UUID id, OutcomeRequest request) {
        Booking b = lockVisible(id);
        actor.requireManages(b.contactPointCode);
        BookingStatus next = request.outcome() == OutcomeRequest.Outcome.COMPLETED ? BookingStatus.COMPLETED
                : BookingStatus.NO_SHOW;
        OffsetDateTime now = now();
        Lifecycle.requireTransition(b.status, next);
        Lifecycle.requireStarted(b.slot.startsAt(), now);
        b.outcomeSummary = request.summary();
        b.become(next, now);
        events.booking(next == BookingStatus.COMPLETED ? EventTypes.CONSULTATION_COMPLETED : EventTypes.CONSULTATION_NO_SHOW, b);
        return BookingView.of(b);
    }

    private Booking lockVisible(UUID id) {
        Booking b = Booking.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null || !viewer.canSee(b)) {
            throw ProblemException.notFound("booking " + id);
        }
        return b;
    }

    private Slot lockSlot(UUID id) {
        Slot slot = Slot.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (slot == null) {
            throw new ProblemException(400, "unknown-slot", "Unknown slot", "slot " + id + " does not exist",
                    List.of(new Problem.FieldError("slotId", "no such slot")));
        }
        return slot;
    }

    /**
     * A flash crowd at one slot: once it is full (as committed), everyone else is answered at once
     * instead of queueing for its row lock. Reads without a lock, so it can only refuse too early
     * when a cancellation commits at this very moment (the caller may retry); it never admits
     * anything: the locked check after it still decides every booking.
     */
    private void refuseIfAlreadyFull(UUID slotId, BookingChannel channel) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT s.capacity, (SELECT count(*) FROM booking b"
                + " WHERE b.slot_id = s.id AND b.status = 'BOOKED'), s.contact_point_code FROM slot s WHERE s.id = ?1 AND s.status = 'OPEN'")
                .setParameter(1, slotId).getResultStream().findFirst().orElse(null);
        if (row == null) {
            return;
        }
        // who may book it is answered before whether it is full (a slot's contact point never changes)
        requireOwnContactPoint(channel, slotId, ((String) row[2]).trim());
        if (((Number) row[1]).longValue() >= ((Number) row[0]).longValue()) {
            throw Capacity.full(slotId, ((Number) row[0]).intValue(), "slotId");
        }
    }

    /** On the phone an association books its own prefecture's contact point only; the secretariat any. */
    private void requireOwnContactPoint(BookingChannel channel, UUID slotId, String contactPointCode) {
        if (channel == BookingChannel.NAVI_DIAL && !actor.manages(contactPointCode)) {
            throw new ProblemException(403, "not-your-contact-point", "Not your contact point",
                    "an association books slots of its own prefecture's contact point; slot " + slotId + " belongs to " + contactPointCode,
                    List.of(new Problem.FieldError("slotId", "belongs to another prefecture's contact point")));
        }
    }

    private void lockSlotIfPresent(UUID id) {
        Slot.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Serializes the bookings of one organization, so its cap holds under concurrent requests. */
    private void lockOrganization(String organization) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(4711, hashtext(?1))").setParameter(1, organization)
                .getSingleResult();
    }

    // Counts are written as select-count queries rather than Panache count(): Hibernate caches the
    // translation of a query string, while count() derives and translates a new count query on every call
    // (a quarter of the service's CPU per booking in the benchmark's profile); no list parameters either,
    // as a list is expanded per call and defeats that cache.
    private long placesOf(String organization, Slot slot) {
        return em.createQuery("select count(b) from Booking b where b.slot = ?1 and b.status = ?2 and b.organizationId = ?3", Long.class)
                .setParameter(1, slot).setParameter(2, BookingStatus.BOOKED).setParameter(3, organization).getSingleResult();
    }

    private long placesTaken(Slot slot) {
        return em.createQuery("select count(b) from Booking b where b.slot = ?1 and b.status = ?2", Long.class)
                .setParameter(1, slot).setParameter(2, BookingStatus.BOOKED).getSingleResult();
    }

    /** Open bookings whose consultation date has not passed yet count against the cap. */
    private long openBookings(String organization, LocalDate today) {
        return em.createQuery("select count(b) from Booking b where b.organizationId = ?1"
                + " and (b.status = ?2 or b.status = ?3) and b.slot.date >= ?4", Long.class).setParameter(1, organization)
                .setParameter(2, BookingStatus.BOOKED).setParameter(3, BookingStatus.NEEDS_RESCHEDULE).setParameter(4, today)
                .getSingleResult();
    }

    private OffsetDateTime now() {
        return Tokyo.now(clock);
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
