package jp.telework.desk.contactpoint.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jp.telework.desk.common.idempotency.IdempotencyStore;
import jp.telework.desk.common.problem.Problem;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.common.security.Actor;
import jp.telework.desk.contactpoint.config.AvailabilityConfig;
import jp.telework.desk.contactpoint.domain.AvailabilityException;
import jp.telework.desk.contactpoint.domain.AvailabilityPlan;
import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.contactpoint.domain.ExceptionKind;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.PlanRules;
import jp.telework.desk.contactpoint.domain.PlanWindow;
import jp.telework.desk.contactpoint.domain.Slot;
import jp.telework.desk.contactpoint.mapping.ExceptionChangeView;
import jp.telework.desk.contactpoint.mapping.ExceptionCreate;
import jp.telework.desk.contactpoint.mapping.ExceptionView;
import jp.telework.desk.contactpoint.mapping.MaterializationView;
import jp.telework.desk.contactpoint.mapping.PlanChangeView;
import jp.telework.desk.contactpoint.mapping.PlanUpdate;
import jp.telework.desk.contactpoint.mapping.PlanView;
import jp.telework.desk.contactpoint.mapping.PlanWindowBody;
import jp.telework.desk.contactpoint.mapping.PlanWindowView;
import jp.telework.desk.contactpoint.mapping.SlotView;
import java.time.Clock;
import jp.telework.desk.common.vocabulary.Tokyo;
import jp.telework.desk.common.rest.Precondition;
import jp.telework.desk.common.problem.ProblemType;
import jp.telework.desk.common.rest.Page;

/**
 * Weekly plans, dated exceptions and the slots they generate. Every write locks the contact point's
 * plan row first, changes the plan or exceptions, re-materializes the horizon and records the slot
 * events, all in one transaction.
 */
@ApplicationScoped
public class AvailabilityService {
    static final String EXCEPTION_SCOPE = "availability-exception";

    @Inject

    Clock clock;

    @Inject
    SlotMaterializer materializer;
    @Inject
    Actor actor;
    @Inject
    AvailabilityConfig config;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    ObjectMapper json;

    /** A stored (or replayed) creation answer. */
    /** What adding an exception answered; {@code replayed} when it is the stored first answer of the Idempotency-Key. */
    public record Created(int status, String location, Object body, boolean replayed) {
    }

    @Transactional
    public PlanView plan(String code) {
        AvailabilityPlan plan = AvailabilityPlan.findById(code);
        if (plan == null) {
            throw ProblemException.notFound("contact point " + code);
        }
        return view(plan);
    }

    /**
     * Replaces the weekly plan. The plan row lock makes the version check and the write one atomic step.
     */
    @Transactional
    public PlanChangeView replacePlan(String code, Precondition expected, PlanUpdate update) {
        actor.requireManages(code);
        AvailabilityPlan plan = materializer.lock(code);
        expected.check(plan.version, "plan of contact point " + code);
        ContactPoint cp = ContactPoint.findById(code);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<PlanWindowBody> windows = update.windows();
        for (int i = 0; i < windows.size(); i++) {
            if (!cp.offers(windows.get(i).mode())) {
                errors.add(new Problem.FieldError("windows[" + i + "].mode",
                        "contact point " + code + " does not offer " + windows.get(i).mode() + " (it offers " + String.join(", ", cp.modes) + ")"));
            }
        }
        PlanRules.overlaps(windows.stream().map(PlanWindowBody::toWindow).toList(), "windows")
                .forEach(v -> errors.add(new Problem.FieldError(v.field(), v.message())));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        PlanWindow.delete("contactPointCode", code);
        for (PlanWindowBody w : windows) {
            PlanWindow row = new PlanWindow();
            row.contactPointCode = code;
            row.weekday = (short) w.weekday().getValue();
            row.startTime = w.startTime();
            row.endTime = w.endTime();
            row.slotMinutes = w.slotMinutes();
            row.capacity = w.capacity();
            row.mode = w.mode();
            row.persist();
        }
        plan.version++;
        plan.updatedAt = Tokyo.now(clock);
        PlanWindow.flush();
        MaterializationView report = materializer.materialize(code);
        return new PlanChangeView(view(plan), report);
    }

    @Transactional
    public Page<ExceptionView> exceptions(String code, LocalDate from, LocalDate to, int page, int size) {
        requireContactPoint(code);
        LocalDate start = from != null ? from : materializer.today();
        StringBuilder query = new StringBuilder("contactPointCode = :code and day >= :from");
        Parameters params = Parameters.with("code", code).and("from", start);
        if (to != null) {
            query.append(" and day <= :to");
            params.and("to", to);
        }
        var found = AvailabilityException.<AvailabilityException>find(query.toString(), Sort.by("day").and("createdAt").and("id"), params);
        long total = found.count();
        List<ExceptionView> items = found.page(page, size).list().stream().map(ExceptionView::of).toList();
        return new Page<>(items, total, page, size);
    }

    @Transactional
    public ExceptionView exception(String code, UUID id) {
        AvailabilityException e = AvailabilityException.findById(id);
        if (e == null || !e.contactPointCode.equals(code)) {
            throw ProblemException.notFound("exception " + id + " of contact point " + code);
        }
        return ExceptionView.of(e);
    }

    /** Records an exception; with an Idempotency-Key a retry answers the first response instead of a second exception. */
    @Transactional
    public Created addException(String code, ExceptionCreate body, String idempotencyKey) {
        actor.requireManages(code);
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.StoredResponse> replay = idempotency.claim(EXCEPTION_SCOPE + ":" + code, actor.subject(),
                    idempotencyKey, body);
            if (replay.isPresent()) {
                return new Created(replay.get().status(), replay.get().location(), parse(replay.get().body()), true);
            }
        }
        materializer.lock(code);
        ContactPoint cp = ContactPoint.findById(code);
        LocalDate today = materializer.today();
        if (body.date().isBefore(today)) {
            throw ProblemException.badRequest("date", "must be today or later (Asia/Tokyo)");
        }
        if (body.date().isAfter(today.plusDays(config.maxExceptionDaysAhead()))) {
            throw ProblemException.badRequest("date", "must be at most " + config.maxExceptionDaysAhead() + " days ahead");
        }
        if (body.mode() != null && !cp.offers(body.mode())) {
            throw ProblemException.badRequest("mode", "contact point " + code + " does not offer " + body.mode());
        }
        List<AvailabilityException> sameDay = AvailabilityException.list("contactPointCode = ?1 and day = ?2", code, body.date());
        if (body.kind() == ExceptionKind.CLOSED || body.kind() == ExceptionKind.OPEN) {
            sameDay.stream().filter(e -> e.kind == ExceptionKind.CLOSED || e.kind == ExceptionKind.OPEN).findFirst()
                    .ifPresent(e -> {
                        throw ProblemException.conflict("exception-conflict", "Conflicting exception",
                                body.date() + " is already " + e.kind + " by exception " + e.id + "; delete it first");
                    });
        }
        if (body.kind() == ExceptionKind.EXTRA_WINDOW) {
            sameDay.stream().filter(e -> e.kind == ExceptionKind.EXTRA_WINDOW && e.mode == body.mode()
                    && e.startTime.isBefore(body.endTime()) && body.startTime().isBefore(e.endTime)).findFirst()
                    .ifPresent(e -> {
                        throw ProblemException.conflict("exception-conflict", "Conflicting exception",
                                "overlaps the extra " + e.mode + " window " + e.startTime + "-" + e.endTime + " of exception " + e.id);
                    });
        }
        AvailabilityException e = new AvailabilityException();
        e.id = UUID.randomUUID();
        e.contactPointCode = code;
        e.day = body.date();
        e.kind = body.kind();
        e.startTime = body.startTime();
        e.endTime = body.endTime();
        e.slotMinutes = body.slotMinutes();
        e.capacity = body.capacity();
        e.mode = body.mode();
        e.reason = body.reason();
        e.createdAt = Tokyo.now(clock);
        e.persist();
        AvailabilityException.flush();
        ExceptionChangeView view = new ExceptionChangeView(ExceptionView.of(e), materializer.materialize(code));
        String location = "/api/v1/contact-points/" + code + "/availability/exceptions/" + e.id;
        if (idempotencyKey != null) {
            idempotency.complete(EXCEPTION_SCOPE + ":" + code, actor.subject(), idempotencyKey, 201, location, view);
        }
        return new Created(201, location, view, false);
    }

    @Transactional
    public ExceptionChangeView deleteException(String code, UUID id) {
        actor.requireManages(code);
        materializer.lock(code);
        AvailabilityException e = AvailabilityException.findById(id);
        if (e == null || !e.contactPointCode.equals(code)) {
            throw ProblemException.notFound("exception " + id + " of contact point " + code);
        }
        ExceptionView gone = ExceptionView.of(e);
        e.delete();
        AvailabilityException.flush();
        return new ExceptionChangeView(gone, materializer.materialize(code));
    }

    public enum StatusFilter {
        OPEN, CLOSED, ALL
    }

    @Transactional
    public Page<SlotView> slots(String code, LocalDate from, LocalDate to, Mode mode, StatusFilter status, boolean availableOnly,
            int page, int size) {
        requireContactPoint(code);
        LocalDate start = from != null ? from : materializer.today();
        LocalDate end = to != null ? to : materializer.horizonEnd(materializer.today());
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        StringBuilder query = new StringBuilder("contactPointCode = :code and date between :from and :to");
        Parameters params = Parameters.with("code", code).and("from", start).and("to", end);
        if (mode != null) {
            query.append(" and mode = :mode");
            params.and("mode", mode);
        }
        if (availableOnly) {
            query.append(" and status = 'OPEN' and booked < capacity");
        } else if (status != StatusFilter.ALL) {
            query.append(" and status = :status");
            params.and("status", status.name());
        }
        var found = Slot.<Slot>find(query.toString(), Sort.by("date").and("startTime").and("mode"), params);
        long total = found.count();
        return new Page<>(found.page(page, size).list().stream().map(SlotView::of).toList(), total, page, size);
    }

    @Transactional
    public SlotView slot(String code, UUID id) {
        Slot s = Slot.findById(id);
        if (s == null || !s.contactPointCode.equals(code)) {
            throw ProblemException.notFound("slot " + id + " of contact point " + code);
        }
        return SlotView.of(s);
    }

    private void requireContactPoint(String code) {
        if (ContactPoint.findById(code) == null) {
            throw ProblemException.notFound("contact point " + code);
        }
    }

    private PlanView view(AvailabilityPlan plan) {
        ContactPoint cp = ContactPoint.findById(plan.code);
        List<PlanWindowView> windows = PlanWindow.of(plan.code).stream()
                .sorted(java.util.Comparator.comparing(PlanWindow::dayOfWeek).thenComparing(w -> w.mode).thenComparing(w -> w.startTime))
                .map(PlanWindowView::of).toList();
        return new PlanView(plan.code, cp.openOnHolidays, config.horizonWeeks(), windows, plan.version, plan.updatedAt);
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return new ProblemException(ProblemType.VALIDATION, detail, errors);
    }

    private Object parse(String body) {
        try {
            return body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
