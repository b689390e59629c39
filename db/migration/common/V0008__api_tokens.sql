-- API tokens for machine clients (PRODUCT.md §1, §5): bound to an automated validator row, with scopes and
-- an expiry. Only the SHA-256 hash of a token is stored; the prefix lets people recognise a token in lists.
CREATE SEQUENCE api_tokens_seq START 1;
CREATE TABLE api_tokens (
    token_id     INTEGER PRIMARY KEY DEFAULT nextval('api_tokens_seq'),
    name         VARCHAR NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_prefix VARCHAR NOT NULL,
    token_hash   VARCHAR NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    validator_id INTEGER NOT NULL, -- references validators(validator_id), type ci_pipeline or automated_test
    scopes       VARCHAR NOT NULL, -- space-separated: results:write, read
    created_by   VARCHAR NOT NULL,
    created_at   TIMESTAMP NOT NULL, -- UTC, as every time below
    expires_at   TIMESTAMP NOT NULL,
    revoked_at   TIMESTAMP,
    last_used_at TIMESTAMP
);

-- Ingest batches already applied, so a replayed batch id changes nothing (idempotency per validator).
CREATE TABLE ingest_batches (
    validator_id INTEGER NOT NULL,
    batch_id     VARCHAR NOT NULL CHECK (length(batch_id) BETWEEN 1 AND 100),
    token_id     INTEGER NOT NULL,
    items        INTEGER NOT NULL,
    received_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (validator_id, batch_id)
);

-- Settings an admin changes at run time (e.g. whether badges are public).
CREATE TABLE app_settings (
    name  VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
