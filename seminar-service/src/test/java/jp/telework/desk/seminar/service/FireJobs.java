package jp.telework.desk.seminar.service;

import java.time.Instant;

import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Trigger;

/** Fires MaintenanceJobs' scheduled methods as the scheduler would, at a chosen scheduled fire time (tests only). */
public final class FireJobs {
    private FireJobs() {
    }

    public static void autoComplete(MaintenanceJobs jobs, Instant scheduledFireTime) {
        jobs.autoComplete(at(scheduledFireTime));
    }

    public static void retention(MaintenanceJobs jobs, Instant scheduledFireTime) {
        jobs.retention(at(scheduledFireTime));
    }

    static ScheduledExecution at(Instant scheduledFireTime) {
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
