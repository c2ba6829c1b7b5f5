-- Registration order numbers (confirmation and waitlist order) come from one sequence instead of a
-- counter on the seminar row: a flash crowd's waitlist places are then added under a shared lock on
-- the seminar, in parallel, and only seat decisions take the row's exclusive lock. Order numbers only
-- compare within one seminar, so starting above every seminar's old counter keeps each order intact.
CREATE SEQUENCE registration_order;
SELECT setval('registration_order', GREATEST(1, (SELECT COALESCE(max(sequence_counter), 0) FROM seminar)));

-- The waiting count is derived from the registrations now (a shared lock cannot update the row).
ALTER TABLE seminar DROP COLUMN sequence_counter, DROP COLUMN waitlisted_count;
