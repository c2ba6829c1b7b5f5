package jp.telework.desk.common.jobs;

import java.time.Instant;

import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Trigger;

/**
 * A trigger fired at a given time, without the scheduler: tests (and an operator re-running one slot) fire a job's
 * {@code @Scheduled} method through exactly the path the scheduler takes, with the fire time deciding the slot.
 */
public final class Fired {
    private Fired() {
    }

    public static ScheduledExecution at(Instant scheduledFireTime) {
        return new ScheduledExecution() {
            @Override
            public Trigger getTrigger() {
                return null;
            }

            @Override
            public Instant getFireTime() {
                return scheduledFireTime;
            }

            @Override
            public Instant getScheduledFireTime() {
                return scheduledFireTime;
            }
        };
    }
}
