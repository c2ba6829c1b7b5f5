package jp.telework.desk.contactpoint.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jp.telework.desk.common.jobs.ScheduledJobs;
import jp.telework.desk.common.jobs.TriggerSlot;
import jp.telework.desk.common.problem.ProblemException;
import jp.telework.desk.contactpoint.config.AvailabilityConfig;
import jp.telework.desk.contactpoint.domain.AvailabilityException;
import jp.telework.desk.contactpoint.domain.AvailabilityPlan;
import jp.telework.desk.contactpoint.domain.ContactPoint;
import jp.telework.desk.contactpoint.domain.Mode;
import jp.telework.desk.contactpoint.domain.PlanWindow;
import jp.telework.desk.contactpoint.domain.Slot;
import jp.telework.desk.contactpoint.domain.SlotPlanner;
import jp.telework.desk.contactpoint.domain.SlotPlanner.PlannedSlot;
import jp.telework.desk.contactpoint.domain.SlotReconciler;
import jp.telework.desk.contactpoint.event.SlotEvents;
import jp.telework.desk.contactpoint.mapping.AffectedSlotView;
import jp.telework.desk.contactpoint.mapping.MaterializationView;
import jp.telework.desk.common.vocabulary.Tokyo;

/**
 * Makes the stored slots of a contact point match its plan, exceptions and settings for the rolling
 * horizon, announcing every opened, changed and closed slot through the outbox in the same
 * transaction. Callers hold the contact point's plan lock; the slots of the horizon are locked too,
 * so the booked counts read for the report are current.
 */
@ApplicationScoped
public class SlotMaterializer {
    private static final Logger LOG = Logger.getLogger(SlotMaterializer.class);
    public static final String NIGHTLY_JOB = "slot-materialization-nightly";
    public static final String CATCH_UP_JOB = "slot-materialization-catch-up";

    @Inject
    SlotPlanner planner;
    @Inject
    SlotEvents events;
    @Inject
    AvailabilityConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry meters;
    @Inject
    ScheduledJobs jobs;

    public LocalDate today() {
        return Tokyo.today(clock);
    }

    public LocalDate horizonEnd(LocalDate today) {
        return today.plusWeeks(config.horizonWeeks()).minusDays(1);
    }

    /** Locks the contact point's availability (404 when there is no such contact point). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AvailabilityPlan lock(String code) {
        AvailabilityPlan plan = AvailabilityPlan.lock(code);
        if (plan == null) {
            throw ProblemException.notFound("contact point " + code);
        }
        return plan;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MaterializationView materialize(String code) {
        lock(code);
        ContactPoint cp = ContactPoint.findById(code);
        LocalDate from = today();
        LocalDate to = horizonEnd(from);
        Set<Mode> offered = Arrays.stream(cp.modes).map(Mode::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Mode.class)));
        List<SlotPlanner.Window> windows = PlanWindow.of(code).stream().map(PlanWindow::toWindow).toList();
        List<SlotPlanner.DayException> exceptions = AvailabilityException
                .<AvailabilityException>list("contactPointCode = ?1 and day between ?2 and ?3 order by createdAt, id", code, from, to)
                .stream().map(AvailabilityException::toDayException).toList();
        List<PlannedSlot> desired = planner.plan(new SlotPlanner.Settings(cp.active, offered, cp.openOnHolidays), windows,
                exceptions, from, to);
        // locked in id order, like the booking ledger does, so the two never deadlock
        List<Slot> stored = Slot.<Slot>find("contactPointCode = ?1 and date between ?2 and ?3 order by id", code, from, to)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        java.util.Map<UUID, Slot> byId = stored.stream().collect(Collectors.toMap(s -> s.id, s -> s));
        SlotReconciler.Result result = SlotReconciler.reconcile(stored.stream().map(Slot::toExisting).toList(), desired);

        OffsetDateTime now = OffsetDateTime.now(clock);
        int opened = 0;
        int changed = 0;
        int closed = 0;
        for (SlotReconciler.Change change : result.changes()) {
            switch (change) {
                case SlotReconciler.Open o -> {
                    Slot s = new Slot();
                    s.id = UUID.randomUUID();
                    s.contactPointCode = code;
                    s.date = o.planned().date();
                    s.startTime = o.planned().start();
                    s.endTime = o.planned().end();
                    s.mode = o.planned().mode();
                    s.capacity = o.planned().capacity();
                    s.status = SlotReconciler.OPEN;
                    s.revision = 1;
                    s.updatedAt = now;
                    s.persist();
                    events.opened(s);
                    opened++;
                }
                case SlotReconciler.Reopen r -> {
                    Slot s = apply(byId.get(r.existing().id()), r.planned(), SlotReconciler.OPEN, now);
                    events.opened(s);
                    opened++;
                }
                case SlotReconciler.Modify m -> {
                    Slot s = apply(byId.get(m.existing().id()), m.planned(), SlotReconciler.OPEN, now);
                    events.changed(s);
                    changed++;
                }
                case SlotReconciler.Close c -> {
                    Slot s = byId.get(c.existing().id());
                    s.status = SlotReconciler.CLOSED;
                    s.revision++;
                    s.updatedAt = now;
                    events.closed(s);
                    closed++;
                }
            }
        }
        if (!result.changes().isEmpty()) {
            meters.counter("telework.slots.materialized", "change", "opened").increment(opened);
            meters.counter("telework.slots.materialized", "change", "changed").increment(changed);
            meters.counter("telework.slots.materialized", "change", "closed").increment(closed);
        }
        return new MaterializationView(from, to, opened, changed, closed, result.unchanged(),
                result.affected().stream().map(AffectedSlotView::of).toList());
    }

    private static Slot apply(Slot s, PlannedSlot planned, String status, OffsetDateTime now) {
        s.endTime = planned.end();
        s.capacity = planned.capacity();
        s.status = status;
        s.revision++;
        s.updatedAt = now;
        return s;
    }

    /**
     * Rolls the horizon every night (a new day enters it) and applies changes of the holiday calendar.
     * Each contact point commits separately. Once per Tokyo day across replicas (the cron is daily); the
     * catch-up below, a job of its own, may overlap it on another replica: the plan lock serializes them.
     */
    @Scheduled(cron = "${telework.availability.rematerialize-cron:0 5 0 * * ?}", timeZone = Tokyo.ZONE_ID,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly(ScheduledExecution execution) {
        jobs.runOnce(NIGHTLY_JOB, execution, TriggerSlot.DAY, () -> rematerializeAll() + " slots opened/changed/closed");
    }

    /**
     * Catches up after a restart (a missed night) and keeps the horizon right if a nightly run failed or its
     * replica died. Once per interval across replicas: a replica restarting within a slot another one already
     * caught up in skips it (the slots are shared, there is nothing left to catch up).
     */
    @Scheduled(every = "${telework.availability.catch-up-every:6h}", delayed = "${telework.availability.catch-up-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp(ScheduledExecution execution) {
        jobs.runOnce(CATCH_UP_JOB, execution, TriggerSlot.every(config.catchUpEvery()),
                () -> rematerializeAll() + " slots opened/changed/closed");
    }

    /** Brings every contact point's slots up to date; returns how many slots were opened, changed or closed. */
    public int rematerializeAll() {
        int touched = 0;
        List<String> codes = QuarkusTransaction.requiringNew().call(() -> ContactPoint.<ContactPoint>listAll().stream()
                .map(cp -> cp.code).sorted().toList());
        for (String code : codes) {
            try {
                MaterializationView v = QuarkusTransaction.requiringNew().call(() -> materialize(code));
                touched += v.opened() + v.changed() + v.closed();
                if (!v.affectedSlots().isEmpty()) {
                    LOG.infof("contact point %s: %d slots now hold more bookings than they can take", code, v.affectedSlots().size());
                }
            } catch (RuntimeException e) {
                LOG.errorf("re-materializing the slots of contact point %s failed: %s", code, e.toString());
            }
        }
        LOG.debugf("slots re-materialized: %d opened/changed/closed", touched);
        return touched;
    }
}
