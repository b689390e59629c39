-- Editing claims (issue "Editing"): a row version for optimistic locking, structured evidence, who wrote
-- each history row, and an audit log of every write.

ALTER TABLE compatibility_details ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
-- Evidence: a test run id or link, what ran it, on what, how; a simulated result can never be validated.
ALTER TABLE compatibility_details ADD COLUMN evidence_run VARCHAR;
ALTER TABLE compatibility_details ADD COLUMN framework_version VARCHAR;
ALTER TABLE compatibility_details ADD COLUMN device VARCHAR;
ALTER TABLE compatibility_details ADD COLUMN batch_size INTEGER;
ALTER TABLE compatibility_details ADD COLUMN precision VARCHAR;
ALTER TABLE compatibility_details ADD COLUMN simulated BOOLEAN NOT NULL DEFAULT false;
-- Who wrote the claim's current version and when (UTC); the four-eyes rule of validation reads it.
ALTER TABLE compatibility_details ADD COLUMN updated_by VARCHAR;
ALTER TABLE compatibility_details ADD COLUMN updated_at TIMESTAMP;

ALTER TABLE compatibility_history ADD COLUMN changed_by VARCHAR;

CREATE SEQUENCE audit_log_seq START 1;
CREATE TABLE audit_log (
    id          BIGINT PRIMARY KEY DEFAULT nextval('audit_log_seq'),
    occurred_at TIMESTAMP NOT NULL, -- UTC
    actor       VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,   -- e.g. claim.create, claim.update, claim.remove
    entity      VARCHAR NOT NULL,   -- e.g. compatibility_details
    entity_id   VARCHAR NOT NULL,
    summary     VARCHAR NOT NULL,   -- what, in words
    old_value   VARCHAR,            -- JSON of the changed fields before
    new_value   VARCHAR             -- JSON of the changed fields after
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
