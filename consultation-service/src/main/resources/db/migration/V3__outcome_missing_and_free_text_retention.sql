-- A booking nobody closed (no outcome recorded after its consultation; NEEDS_RESCHEDULE never moved nor
-- cancelled) becomes OUTCOME_MISSING after consultation.retention.outcome-missing-after, so that retention
-- anonymizes it like any closed booking.
ALTER TABLE booking DROP CONSTRAINT booking_status_check;
ALTER TABLE booking DROP CONSTRAINT booking_check;
ALTER TABLE booking ADD CONSTRAINT booking_status_check
    CHECK (status IN ('BOOKED', 'NEEDS_RESCHEDULE', 'CANCELLED', 'COMPLETED', 'NO_SHOW', 'OUTCOME_MISSING'));
ALTER TABLE booking ADD CONSTRAINT booking_closed_check
    CHECK ((status IN ('CANCELLED', 'COMPLETED', 'NO_SHOW', 'OUTCOME_MISSING')) = (closed_at IS NOT NULL));

-- retention erases an inquiry's free text too (it may name people); the category, prefecture and dates stay
ALTER TABLE inquiry ALTER COLUMN question DROP NOT NULL;

-- the bookings the closing job looks at: open ones, by slot
CREATE INDEX booking_unfinished ON booking (slot_id) WHERE status IN ('BOOKED', 'NEEDS_RESCHEDULE');
