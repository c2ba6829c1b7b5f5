package jp.telework.desk.seminar.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jp.telework.desk.common.idempotency.IdempotencyStore;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.security.Actor;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.seminar.config.SeminarConfig;
import jp.telework.desk.seminar.domain.Attendance;
import jp.telework.desk.seminar.domain.Participation;
import jp.telework.desk.seminar.domain.Registration;
import jp.telework.desk.seminar.domain.RegistrationStatus;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.seminar.domain.SeminarFormat;
import jp.telework.desk.seminar.domain.SeminarStatus;
import jp.telework.desk.seminar.domain.WaitlistRules;
import jp.telework.desk.seminar.event.SeminarEvents;
import jp.telework.desk.seminar.mapping.RegistrationRequest;
import jp.telework.desk.seminar.mapping.RegistrationView;
import jp.telework.desk.seminar.mapping.SeminarRequest;
import jp.telework.desk.seminar.security.SeminarAccess;
import java.time.Clock;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * Registrations: seats are decided while the seminar row is locked exclusively (SELECT ... FOR NO KEY
 * UPDATE), so seat decisions are serialized on it and confirmed seats never exceed capacity.
 * Requests that can only join the waitlist hold the row FOR SHARE instead and run side by side; the
 * waitlist order is the order in which they drew their number from the database sequence.
 */
@ApplicationScoped
public class RegistrationService {
    static final String IDEMPOTENCY_SCOPE = "seminar-registration";

    @Inject

    Clock clock;

    @Inject
    SeminarAccess access;
    @Inject
    Seats seats;
    @Inject
    SeminarEvents events;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    SeminarConfig config;

    /** What a registration request produced: a fresh result, or the replay of the first response. */
    public record Outcome(int status, String location, RegistrationView view, String replayBody) {
        public boolean replayed() {
            return replayBody != null;
        }
    }

    /** What the Idempotency-Key fingerprint covers: the seminar and the whole body. */
    record Fingerprint(UUID seminarId, RegistrationRequest request) {
    }

    /**
     * Registers an organization. Most of a flash crowd arrives after the seats are gone and only joins
     * the waitlist: those requests hold the seminar row FOR SHARE and run in parallel; a request that
     * may get a seat (or move the waitlist) holds it exclusively, one at a time. Which lock to take is
     * guessed from an unlocked read and checked again under the lock; a wrong guess for the shared lock
     * (a seat came free in between) is rolled back and redone exclusively.
     */
    public Outcome register(UUID seminarId, RegistrationRequest req, String idempotencyKey) {
        if (req.seats() > config.registration().maxSeats()) {
            throw ProblemException.badRequest("seats", "at most " + config.registration().maxSeats() + " seats per registration");
        }
        if (req.attendees() != null && req.attendees().size() > req.seats()) {
            throw ProblemException.badRequest("attendees", "at most one attendee per seat (" + req.seats() + ")");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> register(seminarId, req, idempotencyKey, false));
        } catch (SeatDecisionNeeded e) {
            return QuarkusTransaction.requiringNew().call(() -> register(seminarId, req, idempotencyKey, true));
        }
    }

    /** A shared-lock attempt found that the newcomer may get a seat after all: redo it with the exclusive lock. */
    static final class SeatDecisionNeeded extends RuntimeException {
        SeatDecisionNeeded() {
            super("seat decision needs the exclusive lock", null, false, false);
        }
    }

    private Outcome register(UUID seminarId, RegistrationRequest req, String idempotencyKey, boolean exclusive) {
        Actor actor = access.actor();
        String organization = owner(req);
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.StoredResponse> earlier = idempotency.claim(IDEMPOTENCY_SCOPE, actor.subject(),
                    idempotencyKey, new Fingerprint(seminarId, req));
            if (earlier.isPresent()) {
                return new Outcome(earlier.get().status(), earlier.get().location(), null, earlier.get().body());
            }
        }
        Seminar s = Seminar.findById(seminarId);
        if (s == null || !access.canSee(s)) {
            throw ProblemException.notFound("seminar " + seminarId);
        }
        // a guess from the unlocked read: a request that cannot get a seat as last committed only joins the waitlist
        Participation asked = participation(s, req.participation());
        boolean waitlistOnly = !exclusive && !WaitlistRules.admits(s.capacity(asked), s.confirmedSeats(asked), req.seats());
        seats.lock(s, !waitlistOnly);
        if (!access.canSee(s)) {
            throw ProblemException.notFound("seminar " + seminarId);
        }
        if (!actor.isSme()) {
            access.requireManages(s); // staff register on behalf of an organization for seminars they manage
        }
        OffsetDateTime now = Tokyo.now(clock);
        requireOpen(s, now);
        Participation participation = participation(s, req.participation());
        if (req.seats() > s.capacity(participation)) {
            throw ProblemException.badRequest("seats", "the seminar has " + s.capacity(participation) + " "
                    + participation.name().toLowerCase().replace('_', '-') + " seats in all");
        }
        if (seats.holdsActive(s.id, organization)) {
            throw alreadyRegistered(organization);
        }
        boolean admitted = WaitlistRules.admits(s.capacity(participation), s.confirmedSeats(participation), req.seats());
        if (waitlistOnly && (admitted || seats.someWaitingFits(s, participation))) {
            throw new SeatDecisionNeeded();
        }
        if (!waitlistOnly && seats.someWaitingFits(s, participation)) {
            seats.promote(s, now); // restores "nobody waiting fits" before the newcomer is placed behind them
            admitted = WaitlistRules.admits(s.capacity(participation), s.confirmedSeats(participation), req.seats());
        }
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.seminarId = s.id;
        r.organizationId = organization;
        r.organizationName = req.organization().name().strip();
        r.organizationType = req.organization().type();
        r.organizationPrefecture = req.organization().prefecture();
        r.employeeCount = req.organization().employeeCount();
        r.contactName = req.contact().name().strip();
        r.contactEmail = req.contact().email().strip();
        r.contactPhone = req.contact().phone() == null || req.contact().phone().isBlank() ? null : req.contact().phone().strip();
        r.attendeeNames = req.attendees() == null ? null : req.attendees().stream().map(String::strip).toArray(String[]::new);
        r.seats = req.seats();
        r.participation = participation;
        r.registeredBy = actor.subject();
        r.createdAt = now;
        r.updatedAt = now;
        if (admitted) {
            r.status = RegistrationStatus.CONFIRMED;
            r.confirmedSeq = seats.nextSequence();
            r.confirmedAt = now;
        } else {
            r.status = RegistrationStatus.WAITLISTED;
            r.waitlistSeq = seats.nextSequence();
        }
        seats.insert(r);
        if (!waitlistOnly) {
            seats.recount(s); // under the shared lock the seminar row must stay untouched
        }
        Integer position = seats.position(r);
        events.registration(r.status == RegistrationStatus.CONFIRMED ? EventTypes.REGISTRATION_CONFIRMED
                : EventTypes.REGISTRATION_WAITLISTED, s, r, position);
        RegistrationView view = RegistrationView.of(r, position, joinFor(s, r));
        String location = "/api/v1/seminars/" + s.id + "/registrations/" + r.id;
        if (idempotencyKey != null) {
            idempotency.complete(IDEMPOTENCY_SCOPE, actor.subject(), idempotencyKey, 201, location, view);
        }
        return new Outcome(201, location, view, null);
    }

    @Transactional
    public RegistrationView get(UUID seminarId, UUID registrationId) {
        Seminar s = Seminar.findById(seminarId);
        Registration r = find(s, seminarId, registrationId);
        access.requireSees(s, r);
        return RegistrationView.of(r, seats.position(r), joinFor(s, r));
    }

    public record Listing(List<RegistrationView> items, long total) {
    }

    /** The host and the secretariat see every registration of a seminar; an SME its own organization's. */
    @Transactional
    public Listing list(UUID seminarId, RegistrationStatus status, int page, int size) {
        Seminar s = Seminar.findById(seminarId);
        if (s == null || !access.canSee(s)) {
            throw ProblemException.notFound("seminar " + seminarId);
        }
        StringBuilder query = new StringBuilder("seminarId = :seminar");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("seminar", seminarId));
        if (!access.manages(s)) {
            String org = access.organization();
            if (org == null) {
                access.requireManages(s); // another association (or a role without registrations): 403
            }
            query.append(" and organizationId = :org");
            params.put("org", org);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        var found = Registration.<Registration>find(query + " order by createdAt, id", params);
        long total = found.count();
        Map<UUID, Integer> positions = seats.positions(seminarId);
        List<RegistrationView> items = found.page(Page.of(page, size)).list().stream()
                .map(r -> RegistrationView.of(r, positions.get(r.id), joinFor(s, r))).toList();
        return new Listing(items, total);
    }

    /** The calling SME's registrations across seminars. */
    @Transactional
    public Listing mine(RegistrationStatus status, int page, int size) {
        String org = access.actor().requireOrganization();
        var found = status == null
                ? Registration.<Registration>find("organizationId = ?1 order by createdAt desc, id", org)
                : Registration.<Registration>find("organizationId = ?1 and status = ?2 order by createdAt desc, id", org, status);
        long total = found.count();
        List<RegistrationView> items = found.page(Page.of(page, size)).list().stream().map(r -> {
            Seminar s = Seminar.findById(r.seminarId);
            return RegistrationView.of(r, seats.position(r), joinFor(s, r));
        }).toList();
        return new Listing(items, total);
    }

    /**
     * Cancels a confirmed or waiting registration (its owner, the host or the secretariat) until the
     * seminar starts. Freed seats go to the waitlist at once, while registration is still open.
     */
    @Transactional
    public RegistrationView cancel(UUID seminarId, UUID registrationId) {
        Seminar s = seats.lock(seminarId);
        Registration r = find(s, seminarId, registrationId);
        access.requireSees(s, r);
        if (!r.status.isActive()) {
            throw ProblemException.conflict("invalid-transition", "Registration not active",
                    "a " + r.status + " registration cannot be cancelled");
        }
        OffsetDateTime now = Tokyo.now(clock);
        if (!now.isBefore(s.startsAt)) {
            throw ProblemException.conflict("seminar-started", "Seminar started",
                    "registrations cannot be cancelled once the seminar has started; the host records attendance instead");
        }
        boolean heldSeats = r.status == RegistrationStatus.CONFIRMED;
        r.moveTo(RegistrationStatus.CANCELLED);
        r.waitlistSeq = null;
        r.cancelledAt = now;
        r.cancelReason = access.owns(r) && !access.manages(s) ? "CANCELLED_BY_REGISTRANT" : "CANCELLED_BY_HOST";
        r.updatedAt = now;
        seats.recount(s);
        events.registration(EventTypes.REGISTRATION_CANCELLED, s, r, null);
        if (heldSeats) {
            seats.promote(s, now);
        }
        return RegistrationView.of(r, null, null);
    }

    /** The host (or the secretariat) records attendance of a confirmed registration once the seminar has started. */
    @Transactional
    public RegistrationView attendance(UUID seminarId, UUID registrationId, Attendance attendance) {
        Seminar s = seats.lock(seminarId);
        Registration r = find(s, seminarId, registrationId);
        access.requireManages(s);
        if (s.status != SeminarStatus.PUBLISHED && s.status != SeminarStatus.COMPLETED) {
            throw ProblemException.conflict("seminar-not-held", "Seminar not held",
                    "attendance is recorded for published or completed seminars, not " + s.status);
        }
        OffsetDateTime now = Tokyo.now(clock);
        if (now.isBefore(s.startsAt)) {
            throw ProblemException.conflict("seminar-not-started", "Seminar not started",
                    "attendance can be recorded once the seminar has started");
        }
        RegistrationStatus target = attendance.status();
        if (r.status != target) {
            if (!r.status.holdsSeats() || !r.status.canMoveTo(target)) {
                throw ProblemException.conflict("invalid-transition", "Invalid status change",
                        "attendance is recorded for confirmed registrations; this one is " + r.status);
            }
            r.moveTo(target);
            r.attendanceRecordedAt = now;
            r.updatedAt = now;
            seats.recount(s);
            events.registration(EventTypes.REGISTRATION_ATTENDED, s, r, null);
        }
        return RegistrationView.of(r, null, joinFor(s, r));
    }

    private Registration find(Seminar s, UUID seminarId, UUID registrationId) {
        if (s == null || !access.canSee(s)) {
            throw ProblemException.notFound("seminar " + seminarId);
        }
        Registration r = Registration.findById(registrationId);
        if (r == null || !r.seminarId.equals(seminarId)) {
            throw ProblemException.notFound("registration " + registrationId);
        }
        return r;
    }

    static ProblemException alreadyRegistered(String organization) {
        return ProblemException.conflict("already-registered", "Already registered",
                "organization " + organization + " already holds a registration for this seminar; cancel it first or ask "
                        + "the host to change it");
    }

    /** An SME registers itself; staff name the organization they register for. */
    private String owner(RegistrationRequest req) {
        Actor actor = access.actor();
        String claimed = req.organization().id();
        if (actor.isSme()) {
            String own = actor.requireOrganization();
            if (claimed != null && !claimed.equals(own)) {
                throw ProblemException.forbidden("you may register your own organization (" + own + ") only");
            }
            return own;
        }
        if (claimed == null) {
            throw ProblemException.badRequest("organization.id", "is required when registering on an organization's behalf");
        }
        return claimed;
    }

    private static void requireOpen(Seminar s, OffsetDateTime now) {
        switch (s.window(now)) {
            case OPEN -> {
            }
            case NOT_PUBLISHED -> throw ProblemException.conflict("seminar-not-published", "Seminar not open for registration",
                    "a " + s.status + " seminar takes no registrations");
            case NOT_YET_OPEN -> throw ProblemException.conflict("registration-not-open", "Registration not open yet",
                    "registration opens at " + s.registrationOpensAt.atZoneSameInstant(Tokyo.ZONE).toOffsetDateTime());
            case CLOSED -> throw ProblemException.conflict("registration-closed", "Registration closed",
                    "registration closed at " + s.registrationClosesAt.atZoneSameInstant(Tokyo.ZONE).toOffsetDateTime());
            case STARTED -> throw ProblemException.conflict("seminar-started", "Seminar started",
                    "the seminar has already started");
        }
    }

    private static Participation participation(Seminar s, Participation requested) {
        if (s.format == SeminarFormat.HYBRID) {
            if (requested == null) {
                throw ProblemException.badRequest("participation", "is required for a HYBRID seminar (IN_PERSON or ONLINE)");
            }
            return requested;
        }
        Participation only = s.format == SeminarFormat.ONLINE ? Participation.ONLINE : Participation.IN_PERSON;
        if (requested != null && requested != only) {
            throw ProblemException.badRequest("participation", "this seminar is " + s.format + "; use " + only + " or omit it");
        }
        return only;
    }

    private SeminarRequest.OnlineJoin joinFor(Seminar s, Registration r) {
        if (s == null || s.onlineUrl == null || r.participation != Participation.ONLINE || !r.status.holdsSeats()
                || !(access.owns(r) || access.manages(s))) {
            return null;
        }
        return new SeminarRequest.OnlineJoin(s.onlineUrl, s.onlineMeetingId, s.onlinePasscode);
    }
}
