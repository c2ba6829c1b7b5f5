package jp.telework.desk.seminar.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.security.UnauthorizedException;
import jp.telework.desk.common.problem.Problem.FieldError;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.security.Actor;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.seminar.config.SeminarConfig;
import jp.telework.desk.seminar.domain.Participation;
import jp.telework.desk.seminar.domain.Registration;
import jp.telework.desk.seminar.domain.RegistrationStatus;
import jp.telework.desk.seminar.domain.Seminar;
import jp.telework.desk.seminar.domain.SeminarFormat;
import jp.telework.desk.seminar.domain.SeminarRules;
import jp.telework.desk.seminar.domain.SeminarStatus;
import jp.telework.desk.seminar.domain.Topic;
import jp.telework.desk.seminar.event.SeminarEvents;
import jp.telework.desk.seminar.mapping.SeminarRequest;
import jp.telework.desk.seminar.security.SeminarAccess;
import jp.telework.desk.common.vocabulary.Tokyo;
import java.time.Clock;
import jp.telework.desk.common.rest.Precondition;
import jp.telework.desk.common.problem.ProblemType;
import jp.telework.desk.seminar.domain.ContactPointStatus;

/** Seminar lifecycle: create, update (with seat consequences), publish, cancel, complete; listing. */
@ApplicationScoped
public class SeminarService {
    private static final Logger LOG = Logger.getLogger(SeminarService.class);

    @Inject

    Clock clock;

    @Inject
    SeminarAccess access;
    @Inject
    SeminarEvents events;
    @Inject
    Seats seats;
    @Inject
    SeminarConfig config;
    @Inject
    EntityManager em;

    public record Page(List<Seminar> items, long total) {
    }

    @Transactional
    public Seminar create(SeminarRequest req) {
        Actor actor = access.actor();
        String host = req.host() != null ? req.host()
                : actor.isSecretariat() ? SeminarRules.SECRETARIAT : actor.prefecture().orElse(null);
        if (host == null) {
            throw ProblemException.badRequest("host", "is required");
        }
        access.requireManagesHost(host);
        validate(req, host);
        OffsetDateTime now = now();
        Seminar s = new Seminar();
        s.id = UUID.randomUUID();
        s.status = SeminarStatus.DRAFT;
        s.createdBy = actor.subject();
        s.createdAt = now;
        s.updatedAt = now;
        apply(s, req, host);
        s.persist();
        em.flush();
        return s;
    }

    @Transactional
    public Seminar get(UUID id) {
        Seminar s = Seminar.findById(id);
        if (s == null || !access.canSee(s)) {
            throw ProblemException.notFound("seminar " + id);
        }
        return s;
    }

    /**
     * Replaces the editable fields. Shrinking a seat pool below its confirmed seats is refused
     * unless {@code reduction} asks to demote; growing it promotes the waitlist while registration
     * is open. All under the seminar row lock.
     */
    @Transactional
    public Seminar update(UUID id, Precondition expected, SeminarRequest req, CapacityReduction reduction) {
        Seminar s = lockManaged(id, expected);
        if (s.status.isFinal()) {
            throw ProblemException.conflict("seminar-closed", "Seminar closed",
                    "a " + s.status + " seminar can no longer be changed");
        }
        String host = req.host() != null ? req.host() : s.host;
        if (!host.equals(s.host)) {
            access.requireManagesHost(host);
        }
        validate(req, host);
        OffsetDateTime now = now();
        boolean hasRegistrations = Registration.count("seminarId = ?1 and status <> ?2", s.id, RegistrationStatus.CANCELLED) > 0;
        if (req.format() != s.format && hasRegistrations) {
            throw new ProblemException(409, "format-locked", "Format locked",
                    "the format cannot change once organizations have registered; cancel and create a new seminar instead",
                    List.of(new FieldError("format", "cannot change from " + s.format + " with registrations")));
        }
        int newInPerson = inPersonCapacity(req);
        int newOnline = onlineCapacity(req);
        List<FieldError> shortfalls = new ArrayList<>();
        if (s.inPersonConfirmedSeats > newInPerson) {
            shortfalls.add(new FieldError("capacity", s.inPersonConfirmedSeats + " seats are confirmed"));
        }
        if (s.onlineConfirmedSeats > newOnline) {
            shortfalls.add(new FieldError(req.format() == SeminarFormat.HYBRID ? "onlineCapacity" : "capacity",
                    s.onlineConfirmedSeats + " seats are confirmed"));
        }
        if (!shortfalls.isEmpty()) {
            if (reduction != CapacityReduction.DEMOTE_NEWEST_TO_WAITLIST) {
                throw new ProblemException(409, "capacity-below-confirmed", "Capacity below confirmed seats",
                        "the new capacity is below the seats already confirmed; lower it no further than that, or send "
                                + "capacityReduction=DEMOTE_NEWEST_TO_WAITLIST to move the newest confirmed registrations "
                                + "to the front of the waitlist",
                        shortfalls);
            }
            // before the smaller capacity is written, so the CHECK constraints hold at every flush
            seats.demote(s, Participation.IN_PERSON, newInPerson, now);
            seats.demote(s, Participation.ONLINE, newOnline, now);
        }
        apply(s, req, host);
        s.updatedAt = now;
        seats.recount(s);
        seats.promote(s, now);
        em.flush(); // bumps the version before the event is written
        if (s.status == SeminarStatus.PUBLISHED) {
            events.seminar(EventTypes.SEMINAR_UPDATED, s);
        }
        return s;
    }

    @Transactional
    public Seminar publish(UUID id, Precondition expected) {
        Seminar s = lockManaged(id, expected);
        transition(s, SeminarStatus.PUBLISHED);
        OffsetDateTime now = now();
        List<FieldError> missing = new ArrayList<>();
        if (!s.startsAt.isAfter(now)) {
            missing.add(new FieldError("startsAt", "is in the past"));
        }
        if (!s.registrationClosesAt.isAfter(now)) {
            missing.add(new FieldError("registrationClosesAt", "is in the past"));
        }
        if (s.format.isOnline() && s.onlineUrl == null) {
            missing.add(new FieldError("onlineJoin.url", "is required to publish an " + s.format + " seminar"));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(409, "seminar-incomplete", "Seminar cannot be published",
                    "update the seminar first: " + missing.stream().map(f -> f.field() + " " + f.message())
                            .collect(Collectors.joining("; ")),
                    missing);
        }
        s.status = SeminarStatus.PUBLISHED;
        s.publishedAt = now;
        s.updatedAt = now;
        em.flush();
        events.seminar(EventTypes.SEMINAR_PUBLISHED, s);
        return s;
    }

    /** Cancels the seminar and every registration for it, with an event for each so registrants can be told. */
    @Transactional
    public Seminar cancel(UUID id, Precondition expected, String reason) {
        Seminar s = lockManaged(id, expected);
        transition(s, SeminarStatus.CANCELLED);
        OffsetDateTime now = now();
        boolean wasPublished = s.status == SeminarStatus.PUBLISHED;
        s.status = SeminarStatus.CANCELLED;
        s.cancelReason = reason;
        s.cancelledAt = now;
        s.updatedAt = now;
        if (wasPublished) {
            events.seminar(EventTypes.SEMINAR_CANCELLED, s);
        }
        List<Registration> active = Registration.list("seminarId = ?1 and status in ?2 order by createdAt, id", s.id,
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED));
        for (Registration r : active) {
            r.moveTo(RegistrationStatus.CANCELLED);
            r.waitlistSeq = null;
            r.cancelledAt = now;
            r.cancelReason = "SEMINAR_CANCELLED";
            r.updatedAt = now;
            events.registration(EventTypes.REGISTRATION_CANCELLED, s, r, null);
        }
        seats.recount(s);
        em.flush();
        return s;
    }

    /** Marks a seminar held; registrations still waiting are released (NOT_PROMOTED). */
    @Transactional
    public Seminar complete(UUID id, Precondition expected) {
        Seminar s = lockManaged(id, expected);
        transition(s, SeminarStatus.COMPLETED);
        OffsetDateTime now = now();
        if (now.isBefore(s.endsAt)) {
            throw ProblemException.conflict("seminar-not-ended", "Seminar not ended",
                    "a seminar can be completed once it has ended (" + s.endsAt.atZoneSameInstant(Tokyo.ZONE).toOffsetDateTime() + ")");
        }
        completeLocked(s, now);
        return s;
    }

    void completeLocked(Seminar s, OffsetDateTime now) {
        s.status = SeminarStatus.COMPLETED;
        s.completedAt = now;
        s.updatedAt = now;
        for (Registration r : Registration.<Registration>list("seminarId = ?1 and status = ?2 order by waitlistSeq", s.id,
                RegistrationStatus.WAITLISTED)) {
            r.moveTo(RegistrationStatus.CANCELLED);
            r.waitlistSeq = null;
            r.cancelledAt = now;
            r.cancelReason = "NOT_PROMOTED";
            r.updatedAt = now;
            events.registration(EventTypes.REGISTRATION_CANCELLED, s, r, null);
        }
        seats.recount(s);
        em.flush();
        events.seminar(EventTypes.SEMINAR_COMPLETED, s);
    }

    /** Published seminars that ended long enough ago (scheduler). */
    @Transactional
    public List<UUID> endedLongAgo(OffsetDateTime before) {
        return em.createQuery("select s.id from Seminar s where s.status = ?1 and s.endsAt < ?2", UUID.class)
                .setParameter(1, SeminarStatus.PUBLISHED).setParameter(2, before).setMaxResults(200).getResultList();
    }

    /** Completes one seminar on behalf of the system (scheduler); false if it no longer qualifies. */
    @Transactional
    public boolean autoComplete(UUID id, OffsetDateTime before) {
        Seminar s = seats.lock(id);
        if (s == null || s.status != SeminarStatus.PUBLISHED || !s.endsAt.isBefore(before)) {
            return false;
        }
        completeLocked(s, now());
        LOG.infof("seminar %s completed automatically", id);
        return true;
    }

    /** Prefectures whose association is known to be inactive (from contact-points.events). */
    @Transactional
    public Set<String> inactiveHosts() {
        return new HashSet<>(em.createQuery("select c.code from ContactPointStatus c where c.active = false", String.class)
                .getResultList());
    }

    public boolean hostInactive(Seminar s, Set<String> inactive) {
        return !s.hostedBySecretariat() && inactive.contains(s.host);
    }

    /**
     * Lists seminars. PUBLISHED (the default), COMPLETED and CANCELLED are public; DRAFT needs a
     * manager: the secretariat sees every draft, an association those it hosts.
     */
    @Transactional
    public Page search(SeminarFilter filter, int page, int size) {
        SeminarFilter f = filter.status() == null ? new SeminarFilter(SeminarStatus.PUBLISHED, filter.region(), filter.prefecture(),
                filter.kind(), filter.topic(), filter.format(), filter.from(), filter.to(), filter.hasSeats(), filter.campaignTag(),
                filter.host(), filter.hostInactive()) : filter;
        if (f.status() == SeminarStatus.DRAFT) {
            Actor actor = access.actor();
            if (actor.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!actor.isSecretariat()) {
                if (!actor.isAssociation() || actor.prefecture().isEmpty()) {
                    throw ProblemException.forbidden("drafts are visible to their hosts only");
                }
                String own = actor.prefecture().get();
                if (f.host() != null && !f.host().equals(own)) {
                    throw ProblemException.forbidden("you may list the drafts of prefecture " + own + " only");
                }
                f = f.withHost(own);
            }
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        StringBuilder where = new StringBuilder(" WHERE s.status = :status");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", f.status().name());
        conditions(f, where, params);
        return query(where.toString(), params, page, size);
    }

    /**
     * The seminars of the public calendar feed ({@code filter}'s region, prefecture, kind and topic; its status
     * must be null), by start, at most {@code seminar.listing.calendar-max-events}: the published ones, and the
     * cancelled ones that had been published, for as long as they would have stayed had they gone ahead. A
     * published seminar leaves the feed when it is completed, automatically
     * {@code seminar.schedule.auto-complete-after} after its end; a cancelled one stays until that time too, so a
     * subscribed calendar that showed it confirmed learns it was cancelled instead of losing it without a word.
     * Drafts (cancelled drafts included) never appear: they were never public.
     */
    @Transactional
    public List<Seminar> calendarFeed(SeminarFilter filter) {
        if (filter.status() != null) {
            throw new IllegalArgumentException("the calendar feed decides the statuses itself");
        }
        StringBuilder where = new StringBuilder(" WHERE (s.status = :published OR (s.status = :cancelled"
                + " AND s.published_at IS NOT NULL AND s.ends_at > :cancelledShownAfter))");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("published", SeminarStatus.PUBLISHED.name());
        params.put("cancelled", SeminarStatus.CANCELLED.name());
        params.put("cancelledShownAfter", now().minus(config.schedule().autoCompleteAfter()));
        conditions(filter, where, params);
        return query(where.toString(), params, 0, config.listing().calendarMaxEvents()).items();
    }

    /** The filter's conditions besides the status, appended to {@code where}. */
    private static void conditions(SeminarFilter f, StringBuilder where, Map<String, Object> params) {
        if (f.region() != null) {
            where.append(" AND s.area_prefecture IN (:regionCodes)");
            params.put("regionCodes", f.region().prefectureCodes());
        }
        if (f.prefecture() != null) {
            where.append(" AND s.area_prefecture = :prefecture");
            params.put("prefecture", f.prefecture());
        }
        if (f.kind() != null) {
            where.append(" AND s.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.topic() != null) {
            where.append(" AND CAST(:topic AS VARCHAR) = ANY (s.topics)");
            params.put("topic", f.topic().name());
        }
        if (f.format() != null) {
            where.append(" AND s.format = :format");
            params.put("format", f.format().name());
        }
        if (f.from() != null) {
            where.append(" AND s.starts_at >= :fromTime");
            params.put("fromTime", f.from().atStartOfDay(Tokyo.ZONE).toOffsetDateTime());
        }
        if (f.to() != null) {
            where.append(" AND s.starts_at < :toTime");
            params.put("toTime", f.to().plusDays(1).atStartOfDay(Tokyo.ZONE).toOffsetDateTime());
        }
        if (f.hasSeats() != null) {
            String free = "(s.in_person_confirmed_seats < s.in_person_capacity OR s.online_confirmed_seats < s.online_capacity)";
            where.append(f.hasSeats() ? " AND " + free : " AND NOT " + free);
        }
        if (f.campaignTag() != null) {
            where.append(" AND s.campaign_tag = :campaignTag");
            params.put("campaignTag", f.campaignTag());
        }
        if (f.host() != null) {
            where.append(" AND s.host = :host");
            params.put("host", f.host());
        }
        if (f.hostInactive() != null) {
            String inactive = "s.host IN (SELECT c.code FROM contact_point_status c WHERE NOT c.active)";
            where.append(f.hostInactive() ? " AND " + inactive : " AND NOT " + inactive);
        }
    }

    private Page query(String where, Map<String, Object> params, int page, int size) {
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM seminar s" + where);
        Query ids = em.createNativeQuery("SELECT CAST(s.id AS VARCHAR) FROM seminar s" + where + " ORDER BY s.starts_at, s.id");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            ids.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<UUID> pageIds = ((List<?>) ids.setFirstResult(page * size).setMaxResults(size).getResultList()).stream()
                .map(o -> UUID.fromString(o.toString())).toList();
        if (pageIds.isEmpty()) {
            return new Page(List.of(), total);
        }
        Map<UUID, Seminar> byId = Seminar.<Seminar>list("id in ?1", pageIds).stream()
                .collect(Collectors.toMap(s -> s.id, s -> s));
        return new Page(pageIds.stream().map(byId::get).toList(), total);
    }

    /** The registration of the calling SME for this seminar that holds seats, if any (for join details). */
    @Transactional
    public Registration ownSeatHolding(Seminar s) {
        String org = access.organization();
        if (org == null) {
            return null;
        }
        return Registration.<Registration>find("seminarId = ?1 and organizationId = ?2 and status in ?3", s.id, org,
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW))
                .firstResult();
    }

    private Seminar lockManaged(UUID id, Precondition expected) {
        Seminar s = seats.lock(id);
        if (s == null || !access.canSee(s)) {
            throw ProblemException.notFound("seminar " + id);
        }
        access.requireManages(s);
        expected.check(s.version, "seminar " + id);
        return s;
    }

    private static void transition(Seminar s, SeminarStatus next) {
        if (!s.status.canMoveTo(next)) {
            throw ProblemException.conflict("invalid-transition", "Invalid status change",
                    "a " + s.status + " seminar cannot become " + next);
        }
    }

    private void validate(SeminarRequest req, String host) {
        SeminarRules.Draft draft = new SeminarRules.Draft(req.format(), req.startsAt(), req.endsAt(), req.registrationOpensAt(),
                req.registrationClosesAt(), req.capacity(), req.onlineCapacity(),
                req.venue() != null ? req.venue().prefecture() : null, req.venue() != null ? req.venue().address() : null,
                host, req.onlineJoin() != null);
        List<FieldError> errors = SeminarRules.check(draft, now(), config.schedule().maxDuration());
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
    }

    private static int inPersonCapacity(SeminarRequest req) {
        return req.format() == SeminarFormat.ONLINE ? 0 : req.capacity();
    }

    private static int onlineCapacity(SeminarRequest req) {
        return switch (req.format()) {
            case IN_PERSON -> 0;
            case ONLINE -> req.capacity();
            case HYBRID -> req.onlineCapacity();
        };
    }

    private static void apply(Seminar s, SeminarRequest req, String host) {
        s.kind = req.kind();
        s.titleJa = req.titleJa().strip();
        s.titleEn = blankToNull(req.titleEn());
        s.descriptionJa = blankToNull(req.descriptionJa());
        s.descriptionEn = blankToNull(req.descriptionEn());
        s.topics = req.topics().stream().distinct().map(Topic::name).toArray(String[]::new);
        s.format = req.format();
        s.venuePrefecture = req.venue() != null ? req.venue().prefecture() : null;
        s.venueName = req.venue() != null ? blankToNull(req.venue().name()) : null;
        s.venueAddress = req.venue() != null ? blankToNull(req.venue().address()) : null;
        s.onlineUrl = req.onlineJoin() != null ? req.onlineJoin().url() : null;
        s.onlineMeetingId = req.onlineJoin() != null ? blankToNull(req.onlineJoin().meetingId()) : null;
        s.onlinePasscode = req.onlineJoin() != null ? blankToNull(req.onlineJoin().passcode()) : null;
        s.host = host;
        s.areaPrefecture = SeminarRules.areaPrefecture(s.venuePrefecture, host);
        s.startsAt = req.startsAt();
        s.endsAt = req.endsAt();
        s.registrationOpensAt = req.registrationOpensAt();
        s.registrationClosesAt = req.registrationClosesAt();
        s.inPersonCapacity = inPersonCapacity(req);
        s.onlineCapacity = onlineCapacity(req);
        s.campaignTag = req.campaignTag();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private OffsetDateTime now() {
        return Tokyo.now(clock);
    }
}
