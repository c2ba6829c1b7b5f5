-- Every Navi Dial routing answer, served or not, for the secretariat's statistics (calls per prefecture and
-- reason, unmet demand per prefecture and mode). No personal data: no caller details, and a caller located by
-- coordinates is kept only as the prefecture of the office nearest to the point.
CREATE TABLE routing_decision (
    id                 BIGSERIAL    PRIMARY KEY,
    decided_at         TIMESTAMPTZ  NOT NULL,
    caller_prefecture  CHAR(2)      NOT NULL,
    located_by         VARCHAR(10)  NOT NULL CHECK (located_by IN ('PREFECTURE', 'POINT')),
    mode               VARCHAR(12)  NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'ONLINE')),
    served             BOOLEAN      NOT NULL,
    chosen_code        CHAR(2),
    reason             VARCHAR(20)  CHECK (reason IN ('HOME', 'NEAREST_TO_HOME', 'NEAREST_TO_CALLER')),
    distance_km        NUMERIC(7, 1),
    CHECK (served = (chosen_code IS NOT NULL AND reason IS NOT NULL))
);
CREATE INDEX routing_decision_time ON routing_decision (decided_at);
