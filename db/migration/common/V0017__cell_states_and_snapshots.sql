-- Time travel (issue 20): every state a cell has had, and named points in time.

-- One row per state of a cell's claim, from the write that made it (valid_from) to the write that replaced or removed
-- it (valid_to; null while it is the claim's present state). The matrix writer closes and opens these rows in the
-- transaction of every claim write and validation, so the matrix as of an instant T is the rows with
-- valid_from < T AND (valid_to IS NULL OR valid_to >= T), without replaying the history. A cell that was not tested
-- at T has no such row. version_changed: the approval that set the status recorded another framework version than the
-- claim had in this state (what makes a validation stale besides its age).
CREATE SEQUENCE cell_states_seq START 1;
CREATE TABLE cell_states (
    id                  BIGINT PRIMARY KEY DEFAULT nextval('cell_states_seq'),
    model_id            INTEGER NOT NULL,   -- references models(model_id); deleted models keep their states
    hardware_type       VARCHAR NOT NULL,
    valid_from          TIMESTAMP NOT NULL, -- UTC
    valid_to            TIMESTAMP,          -- UTC; null: the present state
    compatibility_level VARCHAR NOT NULL,
    validation_status   VARCHAR NOT NULL,
    validator_id        INTEGER,
    validation_date     TIMESTAMP,
    framework_version   VARCHAR,
    version_changed     BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX cell_states_cell_idx ON cell_states (model_id, hardware_type);

-- A named point in time (a release), marked by an editor or admin; selectable wherever a date is.
CREATE SEQUENCE snapshots_seq START 1;
CREATE TABLE snapshots (
    id         BIGINT PRIMARY KEY DEFAULT nextval('snapshots_seq'),
    name       VARCHAR NOT NULL UNIQUE,
    taken_at   TIMESTAMP NOT NULL,  -- UTC
    created_by VARCHAR NOT NULL,
    note       VARCHAR
);
