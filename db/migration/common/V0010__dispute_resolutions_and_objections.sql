-- Disputes resolved by a validator (PRODUCT.md §4): "keep" the claim (comment required) or "take" the automated
-- level (a claim change through the usual rules). A resolution answers one automated result: a cell stays
-- resolved while that result is the newest one and the claim has the level the resolution left it with.
CREATE SEQUENCE dispute_resolutions_seq START 1;
CREATE TABLE dispute_resolutions (
    id                  BIGINT PRIMARY KEY DEFAULT nextval('dispute_resolutions_seq'),
    claim_id            BIGINT NOT NULL,      -- references compatibility_details(id)
    claim_version       INTEGER NOT NULL,     -- the version the validator looked at
    model_id            INTEGER NOT NULL,
    hardware_type       VARCHAR NOT NULL,
    automated_result_id BIGINT NOT NULL,      -- references automated_results(id): the disagreeing result answered
    decision            VARCHAR NOT NULL CHECK (decision IN ('keep', 'take')),
    kept_level          VARCHAR NOT NULL,     -- the claim's level after the resolution
    validator_id        INTEGER NOT NULL,     -- references validators(validator_id)
    resolver            VARCHAR NOT NULL,     -- the console user
    verification_level  INTEGER NOT NULL CHECK (verification_level BETWEEN 1 AND 3),
    comment             TEXT,
    resolved_at         TIMESTAMP NOT NULL    -- UTC
);
CREATE INDEX dispute_resolutions_result_idx ON dispute_resolutions (automated_result_id);

-- A rejection by a validator below the level of the approval that set the claim's status does not undo it: the
-- rejection (a validation_reviews row) is kept as an objection that a validator of that level must answer. It is
-- answered by any later review of the claim at that level or above, and lapses when the claim is edited.
CREATE TABLE validation_objections (
    review_id     BIGINT PRIMARY KEY,  -- references validation_reviews(id): the rejection
    claim_id      BIGINT NOT NULL,
    claim_version INTEGER NOT NULL,    -- the version objected to
    needs_level   INTEGER NOT NULL CHECK (needs_level BETWEEN 1 AND 3)  -- the level of the approval it could not undo
);
CREATE INDEX validation_objections_claim_idx ON validation_objections (claim_id);
