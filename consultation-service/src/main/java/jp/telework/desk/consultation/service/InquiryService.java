package jp.telework.desk.consultation.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
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

import io.quarkus.security.UnauthorizedException;
import jp.telework.desk.common.idempotency.IdempotencyStore;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.security.Actor;
import jp.telework.desk.consultation.domain.Inquiry;
import jp.telework.desk.consultation.domain.InquiryStatus;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.consultation.event.ConsultationEvents;
import jp.telework.desk.consultation.mapping.AnswerRequest;
import jp.telework.desk.consultation.mapping.InquiryFilter;
import jp.telework.desk.consultation.mapping.InquiryRequest;
import jp.telework.desk.consultation.mapping.InquiryView;
import jp.telework.desk.consultation.security.Viewer;
import jp.telework.desk.events.EventTypes;
import jp.telework.desk.common.rest.Page;

/**
 * Written inquiries: OPEN -> ANSWERED -> CLOSED. An SME owns its inquiries through its
 * organization; an anonymous sender through the access key answered once at submission.
 */
@ApplicationScoped
public class InquiryService {
    static final String IDEMPOTENCY_SCOPE = "inquiry.create";
    public static final String PATH = "/api/v1/inquiries/";
    private static final SecureRandom RANDOM = new SecureRandom();

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
    Clock clock;
    @Inject
    ObjectMapper json;

    @Transactional
    public IdempotencyStore.StoredResponse submit(InquiryRequest request, String idempotencyKey) {
        Inquiry i = new Inquiry();
        String accessKey = null;
        if (actor.isAnonymous()) {
            if (idempotencyKey != null) {
                throw ProblemException.badRequest(IdempotencyStore.HEADER, "only supported with a bearer token");
            }
            if (request.email() == null || request.email().isBlank()) {
                throw ProblemException.badRequest("email", "required when you are not signed in");
            }
            accessKey = newAccessKey();
            i.accessKeyHash = sha256(accessKey);
        } else if (actor.isSme()) {
            i.organizationId = actor.requireOrganization();
            i.createdBy = actor.subject();
            if (idempotencyKey != null) {
                Optional<IdempotencyStore.StoredResponse> earlier = idempotency.claim(IDEMPOTENCY_SCOPE, actor.subject(),
                        idempotencyKey, request);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
        } else {
            throw ProblemException.forbidden("inquiries are submitted by SMEs or anonymously, not by your role");
        }
        OffsetDateTime now = now();
        i.id = UUID.randomUUID();
        i.category = request.category();
        i.prefecture = request.prefecture();
        i.question = request.question().strip();
        i.contactName = BookingService.blankToNull(request.contactName());
        i.email = BookingService.blankToNull(request.email());
        i.status = InquiryStatus.OPEN;
        i.createdAt = now;
        i.persist();
        events.inquiry(EventTypes.INQUIRY_SUBMITTED, i);

        InquiryView view = InquiryView.of(i, accessKey);
        String location = PATH + i.id;
        if (idempotencyKey != null) {
            idempotency.complete(IDEMPOTENCY_SCOPE, actor.subject(), idempotencyKey, 201, location, view);
        }
        try {
            return IdempotencyStore.StoredResponse.first(201, location, json.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public InquiryView get(UUID id, String accessKey) {
        return InquiryView.of(visible(Inquiry.findById(id), id, accessKey));
    }

    @Transactional
    public Page<InquiryView> list(InquiryFilter f) {
        Viewer.Scope scope = viewer.scope();
        if (scope.nothing()) {
            return Page.empty(f.page(), f.size());
        }
        Where where = new Where()
                .and("i.organizationId = :org", "org", scope.organization())
                .and("i.prefecture = :scopePrefecture", "scopePrefecture", scope.prefecture())
                .and("i.status = :status", "status", f.status())
                .and("i.category = :category", "category", f.category())
                .and("i.prefecture = :prefecture", "prefecture", f.prefecture());
        TypedQuery<Long> count = em.createQuery("select count(i) from Inquiry i" + where, Long.class);
        TypedQuery<Inquiry> page = em.createQuery("from Inquiry i" + where + " order by i.createdAt desc, i.id", Inquiry.class);
        where.bind(count, page);
        List<InquiryView> items = page.setFirstResult(f.page() * f.size()).setMaxResults(f.size()).getResultList().stream()
                .map(InquiryView::of).toList();
        return new Page<>(items, count.getSingleResult(), f.page(), f.size());
    }

    /** The secretariat or the association of the inquiry's prefecture answers an OPEN inquiry. */
    @Transactional
    public InquiryView answer(UUID id, AnswerRequest request) {
        Inquiry i = visible(Inquiry.findById(id, LockModeType.PESSIMISTIC_WRITE), id, null);
        actor.requireManages(i.prefecture);
        i.become(InquiryStatus.ANSWERED, now());
        i.answer = request.answer().strip();
        i.answeredBy = actor.subject();
        events.inquiry(EventTypes.INQUIRY_ANSWERED, i);
        return InquiryView.of(i);
    }

    /** The requester (or whoever answered for its prefecture) closes an ANSWERED inquiry. */
    @Transactional
    public InquiryView close(UUID id, String accessKey) {
        Inquiry i = visible(Inquiry.findById(id, LockModeType.PESSIMISTIC_WRITE), id, accessKey);
        i.become(InquiryStatus.CLOSED, now());
        return InquiryView.of(i);
    }

    private Inquiry visible(Inquiry i, UUID id, String accessKey) {
        if (actor.isAnonymous()) {
            if (accessKey == null) {
                throw new UnauthorizedException();
            }
            if (i == null || i.accessKeyHash == null
                    || !MessageDigest.isEqual(i.accessKeyHash.getBytes(StandardCharsets.US_ASCII),
                            sha256(accessKey).getBytes(StandardCharsets.US_ASCII))) {
                throw ProblemException.notFound("inquiry " + id);
            }
            return i;
        }
        if (i == null || !viewer.canSee(i)) {
            throw ProblemException.notFound("inquiry " + id);
        }
        return i;
    }

    private OffsetDateTime now() {
        return Tokyo.now(clock);
    }

    private static String newAccessKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
