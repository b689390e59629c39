-- Live updates, watching, feeds and webhooks (issue 19).

-- Every committed change of the matrix, one row per cell or model changed, written by the matrix writer in the
-- transaction of the change. Rows of one transaction share change_id (the id of the first), which is what a commit
-- signals to every application node (PostgreSQL NOTIFY, or in process on DuckDB). Rows are never updated except
-- fanned_out, which the webhook outbox sets once it has queued the row's deliveries.
CREATE SEQUENCE matrix_events_seq START 1;
CREATE TABLE matrix_events (
    id             BIGINT PRIMARY KEY,
    change_id      BIGINT NOT NULL,
    occurred_at    TIMESTAMP NOT NULL,  -- UTC
    kind           VARCHAR NOT NULL CHECK (kind IN ('claim_created', 'level_changed', 'claim_edited', 'claim_removed',
                                                    'validation', 'dispute_resolved', 'result', 'model_added',
                                                    'model_edited', 'model_deleted')),
    model_id       INTEGER NOT NULL,    -- references models(model_id); deleted models keep their row
    hardware_type  VARCHAR,             -- null: the model itself changed
    previous_level VARCHAR,             -- level changes: before; results: the claim's level then (null: not tested)
    new_level      VARCHAR,             -- level changes: after; results: the reported level
    detail         VARCHAR,             -- validation: the resulting status; dispute_resolved: the decision
    actor          VARCHAR,             -- who changed it (a user, or api:<token> for a pipeline)
    fanned_out     BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX matrix_events_change_idx ON matrix_events (change_id);
CREATE INDEX matrix_events_model_idx ON matrix_events (model_id, id);

-- What a signed-in user follows: a model, a platform, a family or one cell. target is kind:key, one watch per user
-- and target (NULLs would make a unique key over the typed columns let duplicates in).
CREATE SEQUENCE watches_seq START 1;
CREATE TABLE watches (
    id            BIGINT PRIMARY KEY DEFAULT nextval('watches_seq'),
    username      VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL CHECK (kind IN ('model', 'platform', 'family', 'cell')),
    model_id      INTEGER,              -- model and cell watches
    hardware_type VARCHAR,              -- platform and cell watches
    model_family  VARCHAR,              -- family watches
    target        VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL,   -- UTC
    UNIQUE (username, target),
    CHECK ((kind = 'model' AND model_id IS NOT NULL AND hardware_type IS NULL AND model_family IS NULL)
        OR (kind = 'platform' AND model_id IS NULL AND hardware_type IS NOT NULL AND model_family IS NULL)
        OR (kind = 'family' AND model_id IS NULL AND hardware_type IS NULL AND model_family IS NOT NULL)
        OR (kind = 'cell' AND model_id IS NOT NULL AND hardware_type IS NOT NULL AND model_family IS NULL))
);
CREATE INDEX watches_user_idx ON watches (username);
