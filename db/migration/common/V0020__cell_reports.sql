-- Feedback from users on a cell (issue 22): "works for me", "fails for me" or "partly", with the reporter's
-- environment. A report never changes a level, a validation status, coverage or scores by itself; an editor or a
-- validator triages it. A report is never deleted, only closed.

-- state: OPEN, ACCEPTED (a claim change was saved from it: accepted_claim_id), DECLINED (close_reason says why),
-- DUPLICATE (duplicate_of names the report it repeats). One OPEN report per reporter and cell: a second report updates
-- the first (the service keeps this; DuckDB has no partial unique index).
-- reporter: a username, or "api:<token name>" for a report posted with an API token (matrix.Actor).
-- level_at_report: the cell's claimed level when the report was made or last updated (null: not tested).
CREATE SEQUENCE cell_reports_seq START 1;
CREATE TABLE cell_reports (
    id                BIGINT PRIMARY KEY DEFAULT nextval('cell_reports_seq'),
    model_id          INTEGER NOT NULL,
    hardware_type     VARCHAR NOT NULL,
    reporter          VARCHAR NOT NULL,
    outcome           VARCHAR NOT NULL,
    framework         VARCHAR,
    framework_version VARCHAR,
    driver            VARCHAR,
    device            VARCHAR,
    precision         VARCHAR,
    batch_size        INTEGER,
    comment           VARCHAR,
    link              VARCHAR,
    level_at_report   VARCHAR,
    state             VARCHAR NOT NULL,
    created_at        TIMESTAMP NOT NULL,  -- UTC
    updated_at        TIMESTAMP NOT NULL,  -- UTC
    closed_at         TIMESTAMP,           -- UTC
    closed_by         VARCHAR,
    close_reason      VARCHAR,
    duplicate_of      BIGINT,
    accepted_claim_id BIGINT,
    row_version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cell_reports_cell ON cell_reports (model_id, hardware_type, state);
CREATE INDEX cell_reports_reporter ON cell_reports (reporter, created_at);

-- The report a claim change was accepted from (null for every other change).
ALTER TABLE compatibility_history ADD COLUMN report_id BIGINT;
