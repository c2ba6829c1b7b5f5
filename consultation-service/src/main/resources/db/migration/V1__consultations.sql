-- consultation-service owns bookings and inquiries. Slots and contact points are projections of
-- contact-points.events (contact-point-service is their only writer); bookings are decided here,
-- under the slot row's lock, so capacity is never exceeded.

-- What we know of each contact point from contact-point.changed.v1 (region filters, active flag).
CREATE TABLE contact_point_info (
    code                   CHAR(2)      PRIMARY KEY CHECK (code ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
    region                 VARCHAR(20)  NOT NULL,
    modes                  VARCHAR(12)[] NOT NULL,
    face_to_face_available BOOLEAN      NOT NULL,
    active                 BOOLEAN      NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Concrete slots (Asia/Tokyo local date and times) as last announced; revision drops stale events.
CREATE TABLE slot (
    id                 UUID         PRIMARY KEY,
    contact_point_code CHAR(2)      NOT NULL CHECK (contact_point_code ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
    slot_date          DATE         NOT NULL,
    start_time         TIME         NOT NULL,
    end_time           TIME         NOT NULL,
    mode               VARCHAR(12)  NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'ONLINE')),
    capacity           INT          NOT NULL CHECK (capacity >= 0),
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    revision           BIGINT       NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (end_time > start_time)
);
CREATE INDEX slot_search ON slot (slot_date, start_time) WHERE status = 'OPEN';
CREATE INDEX slot_contact_point ON slot (contact_point_code, slot_date);

CREATE TABLE booking (
    id                    UUID         PRIMARY KEY,
    slot_id               UUID         NOT NULL REFERENCES slot (id),
    -- the slot's contact point (prefecture): the association responsible for the booking
    contact_point_code    CHAR(2)      NOT NULL,
    organization_id       VARCHAR(100) NOT NULL,   -- owner: the token's organization claim
    created_by            VARCHAR(100) NOT NULL,   -- token subject (user id, not a name)
    topics                VARCHAR(30)[] NOT NULL,
    status                VARCHAR(20)  NOT NULL CHECK (status IN ('BOOKED', 'NEEDS_RESCHEDULE', 'CANCELLED', 'COMPLETED', 'NO_SHOW')),
    -- when the booking took its place in its current slot: the oldest keep their place when a slot shrinks
    placed_at             TIMESTAMPTZ  NOT NULL,
    -- requester (personal data: contact person, email, phone, notes are anonymized after retention)
    organization_name     VARCHAR(200) NOT NULL,
    organization_type     VARCHAR(20)  NOT NULL CHECK (organization_type IN ('SME', 'LOCAL_GOVERNMENT')),
    employee_count        INT          NOT NULL CHECK (employee_count > 0),
    industry              VARCHAR(100) NOT NULL,
    requester_prefecture  CHAR(2)      NOT NULL,
    contact_person        VARCHAR(100),
    email                 VARCHAR(254),
    phone                 VARCHAR(20),
    notes                 VARCHAR(2000),
    outcome_summary       VARCHAR(1000),
    cancellation_reason   VARCHAR(500),
    cancelled_by          VARCHAR(20),
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    closed_at             TIMESTAMPTZ,
    anonymized_at         TIMESTAMPTZ,
    version               BIGINT       NOT NULL DEFAULT 0,
    CHECK ((status IN ('CANCELLED', 'COMPLETED', 'NO_SHOW')) = (closed_at IS NOT NULL))
);
CREATE INDEX booking_slot_active ON booking (slot_id, placed_at) WHERE status = 'BOOKED';
CREATE INDEX booking_organization ON booking (organization_id, status);
CREATE INDEX booking_prefecture ON booking (contact_point_code, status);
CREATE INDEX booking_retention ON booking (closed_at) WHERE anonymized_at IS NULL AND closed_at IS NOT NULL;

CREATE TABLE inquiry (
    id                    UUID         PRIMARY KEY,
    prefecture            CHAR(2)      NOT NULL CHECK (prefecture ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
    category              VARCHAR(30)  NOT NULL CHECK (category IN ('ICT_ENVIRONMENT', 'SECURITY', 'LABOR_MANAGEMENT', 'OTHER')),
    question              VARCHAR(4000) NOT NULL,
    status                VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
    -- owner: an SME's organization, or (anonymous) the holder of the access key returned once at submission
    organization_id       VARCHAR(100),
    created_by            VARCHAR(100),
    access_key_hash       VARCHAR(64),
    contact_name          VARCHAR(100),
    email                 VARCHAR(254),
    answer                VARCHAR(4000),
    answered_by           VARCHAR(100),
    created_at            TIMESTAMPTZ  NOT NULL,
    answered_at           TIMESTAMPTZ,
    closed_at             TIMESTAMPTZ,
    anonymized_at         TIMESTAMPTZ,
    version               BIGINT       NOT NULL DEFAULT 0,
    CHECK (organization_id IS NOT NULL OR access_key_hash IS NOT NULL)
);
CREATE INDEX inquiry_organization ON inquiry (organization_id, created_at);
CREATE INDEX inquiry_prefecture ON inquiry (prefecture, status);
CREATE INDEX inquiry_retention ON inquiry (closed_at) WHERE anonymized_at IS NULL AND closed_at IS NOT NULL;
