-- Shared mechanisms, created in every service's own database before its business tables.

-- Transactional outbox: written in the same transaction as the business change, published by the relay.
CREATE TABLE outbox_event (
    seq           BIGSERIAL PRIMARY KEY,          -- publication order
    id            UUID        NOT NULL UNIQUE,    -- the CloudEvents id
    topic         VARCHAR(120) NOT NULL,
    event_key     VARCHAR(120) NOT NULL,          -- the aggregate id: keeps one aggregate's events ordered
    type          VARCHAR(120) NOT NULL,
    subject       VARCHAR(120) NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    payload       TEXT        NOT NULL,
    published_at  TIMESTAMPTZ,
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    VARCHAR(500)
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
CREATE TABLE processed_event (
    consumer      VARCHAR(80) NOT NULL,
    event_id      VARCHAR(120) NOT NULL,
    event_type    VARCHAR(120) NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key on creation: the claim row is inserted in the creating transaction.
CREATE TABLE idempotency_record (
    scope         VARCHAR(80)  NOT NULL,
    principal     VARCHAR(200) NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INT,
    location      VARCHAR(300),
    body          TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, principal, idem_key)
);
