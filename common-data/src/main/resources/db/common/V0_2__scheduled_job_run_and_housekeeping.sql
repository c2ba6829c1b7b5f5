-- Scheduled jobs run once per trigger across replicas (jobs.ScheduledJobs): the replica whose insert of
-- (job, slot) wins runs it and holds a lease that it renews while running; an unfinished run whose lease
-- expired (its replica died) is taken over by the next replica firing for the slot. Times are the
-- database's, so replicas with different clocks agree on expiry.
CREATE TABLE scheduled_job_run (
    job_name      VARCHAR(80)  NOT NULL,
    slot_start    TIMESTAMPTZ  NOT NULL,          -- the trigger's slot: scheduled fire time rounded down to the period
    replica       VARCHAR(200) NOT NULL,          -- who runs (or ran) it
    attempt       INT          NOT NULL DEFAULT 1, -- 2 and more after a takeover
    started_at    TIMESTAMPTZ  NOT NULL,
    lease_until   TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,                    -- null while running, or when its replica died
    outcome       VARCHAR(20),                    -- SUCCEEDED | FAILED
    detail        VARCHAR(500),                   -- one line: what the run did, or why it failed
    PRIMARY KEY (job_name, slot_start)
);

-- Housekeeping deletes by age in batches: these indexes let each batch find its oldest rows without a scan.
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
CREATE INDEX scheduled_job_run_started_at ON scheduled_job_run (started_at);
