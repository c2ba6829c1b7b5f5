-- Availability: a weekly plan per contact point, dated exceptions, and the concrete slots they
-- generate for a rolling horizon (dates and times are Asia/Tokyo local).

-- One row per contact point: the lock that serializes every change of its availability, and the
-- plan's version (its ETag).
CREATE TABLE availability_plan (
    contact_point_code CHAR(2)     PRIMARY KEY REFERENCES contact_point (code),
    version            BIGINT      NOT NULL DEFAULT 0,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO availability_plan (contact_point_code) SELECT code FROM contact_point;

CREATE TABLE plan_window (
    id                 BIGSERIAL   PRIMARY KEY,
    contact_point_code CHAR(2)     NOT NULL REFERENCES availability_plan (contact_point_code),
    weekday            SMALLINT    NOT NULL CHECK (weekday BETWEEN 1 AND 7),  -- ISO: 1 = Monday
    start_time         TIME        NOT NULL,
    end_time           TIME        NOT NULL CHECK (end_time > start_time),
    slot_minutes       INT         NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240),
    capacity           INT         NOT NULL CHECK (capacity >= 1),
    mode               VARCHAR(12) NOT NULL CHECK (mode IN ('IN_PERSON','PHONE','ONLINE'))
);
CREATE INDEX plan_window_cp ON plan_window (contact_point_code);

CREATE TABLE availability_exception (
    id                 UUID        PRIMARY KEY,
    contact_point_code CHAR(2)     NOT NULL REFERENCES availability_plan (contact_point_code),
    day                DATE        NOT NULL,
    kind               VARCHAR(16) NOT NULL CHECK (kind IN ('CLOSED','OPEN','EXTRA_WINDOW','CAPACITY')),
    start_time         TIME,
    end_time           TIME,
    slot_minutes       INT CHECK (slot_minutes BETWEEN 10 AND 240),
    capacity           INT CHECK (capacity >= 1),
    mode               VARCHAR(12) CHECK (mode IN ('IN_PERSON','PHONE','ONLINE')),
    reason             VARCHAR(200),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time),
    CHECK (kind <> 'EXTRA_WINDOW' OR (start_time IS NOT NULL AND end_time IS NOT NULL AND slot_minutes IS NOT NULL
                                      AND capacity IS NOT NULL AND mode IS NOT NULL)),
    CHECK (kind <> 'CAPACITY' OR capacity IS NOT NULL)
);
-- a day is either closed or opened, not both, and only once
CREATE UNIQUE INDEX availability_exception_day_switch ON availability_exception (contact_point_code, day)
    WHERE kind IN ('CLOSED','OPEN');
CREATE INDEX availability_exception_cp_day ON availability_exception (contact_point_code, day);

CREATE TABLE slot (
    id                 UUID        PRIMARY KEY,
    contact_point_code CHAR(2)     NOT NULL REFERENCES contact_point (code),
    date               DATE        NOT NULL,
    start_time         TIME        NOT NULL,
    end_time           TIME        NOT NULL CHECK (end_time > start_time),
    mode               VARCHAR(12) NOT NULL CHECK (mode IN ('IN_PERSON','PHONE','ONLINE')),
    capacity           INT         NOT NULL CHECK (capacity >= 0),
    status             VARCHAR(8)  NOT NULL CHECK (status IN ('OPEN','CLOSED')),
    booked             INT         NOT NULL DEFAULT 0 CHECK (booked >= 0),
    revision           BIGINT      NOT NULL DEFAULT 1,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (contact_point_code, date, start_time, mode)
);
-- Navi Dial and free-slot searches: open slots of a mode by date
CREATE INDEX slot_open_by_mode ON slot (mode, date, start_time) WHERE status = 'OPEN';

-- Which slot each booking currently holds (from consultations.events), so that counts follow the
-- booking's state instead of blindly adding and subtracting.
CREATE TABLE booking_ref (
    booking_id  UUID        PRIMARY KEY,
    slot_id     UUID        NOT NULL REFERENCES slot (id),
    status      VARCHAR(20) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX booking_ref_slot ON booking_ref (slot_id);

-- Seminars and registrations hosted by each prefecture (from seminars.events), for utilization.
CREATE TABLE seminar_ref (
    seminar_id       UUID        PRIMARY KEY,
    host_prefecture  CHAR(2),
    venue_prefecture CHAR(2),
    kind             VARCHAR(40),
    format           VARCHAR(20),
    starts_at        TIMESTAMPTZ,
    capacity         INT         NOT NULL DEFAULT 0,
    status           VARCHAR(20) NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX seminar_ref_host ON seminar_ref (host_prefecture, starts_at);

CREATE TABLE registration_ref (
    registration_id UUID        PRIMARY KEY,
    seminar_id      UUID        NOT NULL,
    host_prefecture CHAR(2),
    seats           INT         NOT NULL,
    status          VARCHAR(20) NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registration_ref_seminar ON registration_ref (seminar_id);
