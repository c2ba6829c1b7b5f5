-- The dead-letter desk (inbox.DeadLetters): every event a consumer could not apply, with why, where it came
-- from and what became of it. Written by the consumer before the record goes to the dead-letter topic (which
-- stays as the broker's copy); read, replayed and discarded by an operator through the service's API.
CREATE TABLE dead_letter (
    id               UUID         PRIMARY KEY,
    consumer         VARCHAR(80)  NOT NULL,          -- processed_event.consumer of the consumer that refused it
    topic            VARCHAR(120) NOT NULL,
    kafka_partition  INT          NOT NULL,          -- -1 (and offset -1) when the message came from no Kafka record
    kafka_offset     BIGINT       NOT NULL,
    event_key        VARCHAR(200),
    event_id         VARCHAR(200),                   -- the CloudEvents attributes, null when the envelope had none
    event_type       VARCHAR(200),
    event_source     VARCHAR(300),
    event_subject    VARCHAR(200),
    event_time       TIMESTAMPTZ,
    payload          TEXT,                           -- the raw data until the letter is resolved, then null
    payload_size     INT          NOT NULL,          -- bytes (UTF-8) of the data as received
    payload_sha256   VARCHAR(64),                    -- of the data as received; null when there was none
    reason           VARCHAR(1000) NOT NULL,         -- why the consumer refused it
    poison           BOOLEAN      NOT NULL,          -- refused as unreadable/invalid (true) or after failed attempts (false)
    dead_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    status           VARCHAR(20)  NOT NULL DEFAULT 'WAITING',
    replay_attempts  INT          NOT NULL DEFAULT 0,
    last_replay_error VARCHAR(1000),
    outcome          VARCHAR(20),                    -- APPLIED | ALREADY_APPLIED once replayed
    resolved_at      TIMESTAMPTZ,
    resolved_by      VARCHAR(200),                   -- the operator's token subject
    discard_reason   VARCHAR(500),
    CONSTRAINT dead_letter_status_check CHECK (status IN ('WAITING', 'REPLAYED', 'DISCARDED')),
    CONSTRAINT dead_letter_resolved_check CHECK ((status = 'WAITING') = (resolved_at IS NULL)),
    CONSTRAINT dead_letter_discard_check CHECK ((status = 'DISCARDED') = (discard_reason IS NOT NULL))
);
-- A record redelivered after a crash between writing the letter and committing the offset is one letter.
CREATE UNIQUE INDEX dead_letter_record ON dead_letter (consumer, topic, kafka_partition, kafka_offset) WHERE kafka_offset >= 0;
-- The desk's lists and the waiting gauge.
CREATE INDEX dead_letter_waiting ON dead_letter (consumer, dead_at) WHERE status = 'WAITING';
CREATE INDEX dead_letter_dead_at ON dead_letter (dead_at);
-- Housekeeping deletes resolved letters by age.
CREATE INDEX dead_letter_resolved_at ON dead_letter (resolved_at) WHERE resolved_at IS NOT NULL;
