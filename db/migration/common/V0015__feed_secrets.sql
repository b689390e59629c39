-- Each user's secret for the private feed URLs (/feeds/private/<secret>/…), issue 19. Only the SHA-256 hash of the
-- secret is stored, as for API tokens; the prefix lets the Feeds screen say which secret is current. Rotating replaces
-- the row's hash (the user is the key, so one secret per user), which stops the old URL at once. session_generation is
-- the user's session generation when the secret was made (session_generations, V0012): disabling the user, changing
-- their roles or resetting their password raises it and so stops the secret for good, as it ends their sessions.
-- No index on secret_hash: a lookup scans one row per user, and an update of an indexed column is a delete + insert
-- on DuckDB.
CREATE TABLE feed_secrets (
    username           VARCHAR PRIMARY KEY,
    secret_hash        VARCHAR NOT NULL CHECK (length(secret_hash) = 64),
    secret_prefix      VARCHAR NOT NULL,
    session_generation BIGINT NOT NULL,
    created_at         TIMESTAMP NOT NULL  -- UTC
);
