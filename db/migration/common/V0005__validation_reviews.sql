-- Validation (issue "Validation"): every approval and rejection is kept, never overwritten.
CREATE SEQUENCE validation_reviews_seq START 1;
CREATE TABLE validation_reviews (
    id                 BIGINT PRIMARY KEY DEFAULT nextval('validation_reviews_seq'),
    claim_id           BIGINT NOT NULL,      -- references compatibility_details(id); kept after the claim is removed
    claim_version      INTEGER NOT NULL,     -- the claim's row_version that was reviewed
    model_id           INTEGER NOT NULL,
    hardware_type      VARCHAR NOT NULL,
    claim_level        VARCHAR NOT NULL,
    validator_id       INTEGER NOT NULL,     -- references validators(validator_id)
    reviewer           VARCHAR NOT NULL,     -- the console user (or API client) who reviewed
    verification_level INTEGER NOT NULL CHECK (verification_level BETWEEN 1 AND 3),
    decision           VARCHAR NOT NULL CHECK (decision IN ('approve', 'reject')),
    resulting_status   VARCHAR NOT NULL,
    comment            TEXT,
    framework_version  VARCHAR,              -- the claim's version at review time, for staleness
    reviewed_at        TIMESTAMP NOT NULL    -- UTC
);
CREATE INDEX validation_reviews_claim_idx ON validation_reviews (claim_id);
CREATE INDEX validation_reviews_model_idx ON validation_reviews (model_id);
