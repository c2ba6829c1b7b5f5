-- Seminars, consultation meetings and experience events, and the registrations for them.
-- Seats are kept per participation pool (in person / online). Every change of registrations
-- happens while the seminar row is locked (SELECT ... FOR UPDATE); the confirmed-seat counters
-- are recomputed in that transaction and the CHECK constraints below make "never beyond
-- capacity" a database guarantee as well.
CREATE TABLE seminar (
    id                        UUID PRIMARY KEY,
    kind                      VARCHAR(30)  NOT NULL CHECK (kind IN ('SEMINAR','CONSULTATION_MEETING','EXPERIENCE_EVENT')),
    title_ja                  VARCHAR(200) NOT NULL,
    title_en                  VARCHAR(200),
    description_ja            VARCHAR(4000),
    description_en            VARCHAR(4000),
    topics                    VARCHAR(30)[] NOT NULL,
    format                    VARCHAR(12)  NOT NULL CHECK (format IN ('IN_PERSON','ONLINE','HYBRID')),
    venue_prefecture          CHAR(2) CHECK (venue_prefecture ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
    venue_name                VARCHAR(200),
    venue_address             VARCHAR(300),
    online_url                VARCHAR(500),
    online_meeting_id         VARCHAR(100),
    online_passcode           VARCHAR(100),
    area_prefecture           CHAR(2),
    starts_at                 TIMESTAMPTZ  NOT NULL,
    ends_at                   TIMESTAMPTZ  NOT NULL,
    registration_opens_at     TIMESTAMPTZ  NOT NULL,
    registration_closes_at    TIMESTAMPTZ  NOT NULL,
    in_person_capacity        INT NOT NULL CHECK (in_person_capacity >= 0),
    online_capacity           INT NOT NULL CHECK (online_capacity >= 0),
    in_person_confirmed_seats INT NOT NULL DEFAULT 0,
    online_confirmed_seats    INT NOT NULL DEFAULT 0,
    waitlisted_count          INT NOT NULL DEFAULT 0 CHECK (waitlisted_count >= 0),
    sequence_counter          BIGINT NOT NULL DEFAULT 0,
    host                      VARCHAR(11)  NOT NULL CHECK (host = 'SECRETARIAT' OR host ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'),
    campaign_tag              VARCHAR(40),
    status                    VARCHAR(12)  NOT NULL CHECK (status IN ('DRAFT','PUBLISHED','COMPLETED','CANCELLED')),
    cancel_reason             VARCHAR(500),
    created_by                VARCHAR(200) NOT NULL,
    created_at                TIMESTAMPTZ  NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL,
    published_at              TIMESTAMPTZ,
    cancelled_at              TIMESTAMPTZ,
    completed_at              TIMESTAMPTZ,
    version                   BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT seminar_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT seminar_window CHECK (registration_opens_at < registration_closes_at AND registration_closes_at <= starts_at),
    CONSTRAINT seminar_has_seats CHECK (in_person_capacity + online_capacity > 0),
    CONSTRAINT seminar_in_person_within_capacity CHECK (in_person_confirmed_seats BETWEEN 0 AND in_person_capacity),
    CONSTRAINT seminar_online_within_capacity CHECK (online_confirmed_seats BETWEEN 0 AND online_capacity)
);
CREATE INDEX seminar_status_starts ON seminar (status, starts_at);
CREATE INDEX seminar_area ON seminar (area_prefecture);
CREATE INDEX seminar_host ON seminar (host);

CREATE TABLE registration (
    id                       UUID PRIMARY KEY,
    seminar_id               UUID NOT NULL REFERENCES seminar (id),
    organization_id          VARCHAR(64)  NOT NULL,
    organization_name        VARCHAR(200) NOT NULL,
    organization_type        VARCHAR(20)  NOT NULL CHECK (organization_type IN ('SME','LOCAL_GOVERNMENT')),
    organization_prefecture  CHAR(2),
    employee_count           INT,
    contact_name             VARCHAR(100),
    contact_email            VARCHAR(254),
    contact_phone            VARCHAR(20),
    attendee_names           VARCHAR(100)[],
    seats                    INT NOT NULL CHECK (seats >= 1),
    participation            VARCHAR(12) NOT NULL CHECK (participation IN ('IN_PERSON','ONLINE')),
    status                   VARCHAR(12) NOT NULL CHECK (status IN ('CONFIRMED','WAITLISTED','CANCELLED','ATTENDED','NO_SHOW')),
    confirmed_seq            BIGINT,
    waitlist_seq             BIGINT,
    promoted_at              TIMESTAMPTZ,
    confirmed_at             TIMESTAMPTZ,
    cancelled_at             TIMESTAMPTZ,
    cancel_reason            VARCHAR(30),
    attendance_recorded_at   TIMESTAMPTZ,
    registered_by            VARCHAR(200) NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    anonymized_at            TIMESTAMPTZ,
    version                  BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT registration_waitlist_seq CHECK ((status = 'WAITLISTED') = (waitlist_seq IS NOT NULL))
);
-- one active registration (a seat or a waitlist place) per organization and seminar
CREATE UNIQUE INDEX registration_one_active_per_org ON registration (seminar_id, organization_id)
    WHERE status IN ('CONFIRMED', 'WAITLISTED');
-- the waitlist is a strict order
CREATE UNIQUE INDEX registration_waitlist_order ON registration (seminar_id, waitlist_seq)
    WHERE status = 'WAITLISTED';
CREATE INDEX registration_seminar_status ON registration (seminar_id, status);
CREATE INDEX registration_organization ON registration (organization_id);

-- Projection of contact-points.events: which associations exist and whether they are active.
CREATE TABLE contact_point_status (
    code          CHAR(2) PRIMARY KEY,
    region        VARCHAR(20),
    active        BOOLEAN NOT NULL,
    last_event_id VARCHAR(120) NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
