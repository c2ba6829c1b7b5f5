-- The test application's one table: the effect of an applied event or an executed request.
CREATE TABLE test_note (
    id        VARCHAR(120) PRIMARY KEY,
    text      VARCHAR(200) NOT NULL
);
