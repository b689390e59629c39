-- What every application node must see alike when several share one database (issue 18): nothing here may live
-- only in one node's memory.

-- The matrix data version that the deep-page caches compare. Every matrix write (claims, validation, results, and
-- models) inserts one row in its own transaction; inserts of distinct ids never conflict, where one counter row
-- updated by every write would make any two concurrent writes conflict. The version is the count and the sum of the
-- ids written so far: a committed write always changes it, and a rolled-back one leaves nothing behind, as its id is
-- never drawn again. A periodic fold moves the rows into matrix_version's totals, keeping both numbers, so the read
-- stays one row plus a few.
CREATE SEQUENCE matrix_changes_seq START 1;
CREATE TABLE matrix_changes (
    id             BIGINT PRIMARY KEY,
    models_changed BOOLEAN NOT NULL  -- a model added, edited or deleted (the name order depends on these only)
);
CREATE TABLE matrix_version (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    changes              BIGINT NOT NULL,  -- folded rows: their count and the sum of their ids
    changes_id_sum       BIGINT NOT NULL,
    model_changes        BIGINT NOT NULL,  -- the same for the rows with models_changed
    model_changes_id_sum BIGINT NOT NULL
);
INSERT INTO matrix_version (id, changes, changes_id_sum, model_changes, model_changes_id_sum) VALUES (1, 0, 0, 0, 0);

-- Failed sign-ins, per account + client address and per address (security.LoginThrottle); rows older than an hour
-- are deleted.
CREATE TABLE sign_in_failures (
    throttle_key    VARCHAR PRIMARY KEY CHECK (length(throttle_key) <= 400),
    failures        INTEGER NOT NULL,
    last_failure_ms BIGINT NOT NULL  -- epoch milliseconds, UTC
);

-- A user's sessions end on every node when their generation grows (disabled, roles changed, password reset): a
-- session remembers the generation at sign-in and ends on its next request once it is lower.
CREATE TABLE session_generations (
    username   VARCHAR PRIMARY KEY,
    generation BIGINT NOT NULL
);

-- Scheduled jobs that must run once per cluster, not once per node: the node that moves locked_until forward runs.
CREATE TABLE scheduled_job_locks (
    job             VARCHAR PRIMARY KEY,
    locked_until_ms BIGINT NOT NULL,  -- epoch milliseconds, UTC
    locked_by       VARCHAR NOT NULL
);
INSERT INTO scheduled_job_locks (job, locked_until_ms, locked_by) VALUES ('nightly-backup', 0, '');

-- Never written: on PostgreSQL, ingest attempts lock it (SHARE for first attempts, EXCLUSIVE for retries), see
-- base.db.ClusterLock. A table lock, unlike an advisory-lock SELECT, does not fix a REPEATABLE READ snapshot before
-- it is granted, so a retry reads what the batches it waited for wrote.
CREATE TABLE ingest_turns (
    name VARCHAR PRIMARY KEY
);
