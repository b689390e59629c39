-- Webhooks (issue 19): endpoints that receive matrix changes as signed JSON, a durable outbox of deliveries filled
-- from matrix_events (fanned_out) and the log of every attempt. No foreign keys: deleting a webhook deletes its rows.

-- secret_sealed is the signing secret encrypted with the server's key (AES-256-GCM, WebhookSecrets): the server must
-- know the secret itself to compute each HMAC, so a hash would not do; the database alone does not reveal it.
CREATE SEQUENCE webhooks_seq START 1;
CREATE TABLE webhooks (
    id            BIGINT PRIMARY KEY DEFAULT nextval('webhooks_seq'),
    owner         VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    scope         VARCHAR NOT NULL CHECK (scope IN ('all', 'levels', 'watches')),
    secret_sealed VARCHAR NOT NULL,
    secret_hint   VARCHAR NOT NULL,      -- the secret's first characters, to tell secrets apart
    created_at    TIMESTAMP NOT NULL     -- UTC
);
CREATE INDEX webhooks_owner_idx ON webhooks (owner);

-- One delivery per webhook and change (change_id null: a test event). The body is fixed when the delivery is queued,
-- so every retry sends the same bytes with the same event_id. Leases (leased_until, leased_by) keep two nodes from
-- sending one delivery at once; state, due time and lease are not indexed, as DuckDB rewrites a row whose indexed
-- column changes.
CREATE SEQUENCE webhook_deliveries_seq START 1;
CREATE TABLE webhook_deliveries (
    id              BIGINT PRIMARY KEY,
    webhook_id      BIGINT NOT NULL,
    change_id       BIGINT,
    event_id        VARCHAR NOT NULL,
    body            VARCHAR NOT NULL,
    state           VARCHAR NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,  -- UTC
    leased_until    TIMESTAMP,           -- UTC
    leased_by       VARCHAR,
    created_at      TIMESTAMP NOT NULL,  -- UTC
    finished_at     TIMESTAMP,           -- UTC: delivered or given up
    UNIQUE (webhook_id, change_id)
);
CREATE INDEX webhook_deliveries_hook_idx ON webhook_deliveries (webhook_id);

-- Every attempt to send a delivery: the receiver's status code, or the error that stopped it.
CREATE SEQUENCE webhook_attempts_seq START 1;
CREATE TABLE webhook_attempts (
    id           BIGINT PRIMARY KEY DEFAULT nextval('webhook_attempts_seq'),
    delivery_id  BIGINT NOT NULL,
    webhook_id   BIGINT NOT NULL,
    event_id     VARCHAR NOT NULL,
    attempt      INTEGER NOT NULL,
    attempted_at TIMESTAMP NOT NULL,     -- UTC
    status_code  INTEGER,
    error        VARCHAR,
    duration_ms  BIGINT NOT NULL,
    outcome      VARCHAR NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed'))
);
CREATE INDEX webhook_attempts_hook_idx ON webhook_attempts (webhook_id, id);
