-- Phone bookings: an association (Navi Dial) or the secretariat books on behalf of a caller's organization.
-- Existing bookings all came through the API.
ALTER TABLE booking ADD COLUMN channel VARCHAR(12) NOT NULL DEFAULT 'API'
    CHECK (channel IN ('API', 'NAVI_DIAL', 'SECRETARIAT'));
ALTER TABLE booking ALTER COLUMN channel DROP DEFAULT;

-- the places one organization holds in one slot (fair shares), counted under the slot's row lock
CREATE INDEX booking_slot_organization ON booking (slot_id, organization_id) WHERE status = 'BOOKED';
