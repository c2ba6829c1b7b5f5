package jp.telework.desk.seminar.service;

import java.time.Instant;

import io.quarkus.scheduler.ScheduledExecution;

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
        return jp.telework.desk.common.jobs.Fired.at(scheduledFireTime);
    }
}
