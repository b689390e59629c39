-- Predicted compatibility for untested cells (issue 21). Kept apart from the claims: nothing here is read by
-- coverage, scores, recommendations, the dashboard, the validation queue or an export without includePredictions.

-- One row per training run, adopted or not, with its evaluation (k-fold cross-validation grouped by model) beside
-- the baseline's (the majority level of the model's family on the platform, else of its type).
-- state: RUNNING, ADOPTED (its predictions are the ones shown), NOT_ADOPTED (its evaluation was worse than the
-- adopted run's, or it had nothing to learn from), FAILED. trigger: ADMIN, CHANGES (after N accepted changes), NIGHTLY.
CREATE SEQUENCE prediction_runs_seq START 1;
CREATE TABLE prediction_runs (
    id                BIGINT PRIMARY KEY DEFAULT nextval('prediction_runs_seq'),
    started_at        TIMESTAMP NOT NULL,  -- UTC
    finished_at       TIMESTAMP,           -- UTC
    trigger_kind      VARCHAR NOT NULL,
    requested_by      VARCHAR,             -- the admin, or null for an automatic run
    state             VARCHAR NOT NULL,
    message           VARCHAR,             -- why not adopted, what failed, or what was learnt from, in words
    claims_used       INTEGER,
    models_used       INTEGER,
    folds             INTEGER,
    accuracy          FLOAT8,
    baseline_accuracy FLOAT8,
    macro_f1          FLOAT8,
    baseline_macro_f1 FLOAT8,
    ece               FLOAT8,              -- expected calibration error
    baseline_ece      FLOAT8,
    train_millis      BIGINT
);

-- A run's evaluation per platform. confusion: JSON [[…]] rows = the claimed level, columns = the predicted one, both in
-- the order high, medium, low, unsupported. beats_baseline decides whether the run's predictions on the platform are
-- shown at all.
CREATE TABLE prediction_platform_metrics (
    run_id            BIGINT NOT NULL,
    hardware_type     VARCHAR NOT NULL,
    examples          INTEGER NOT NULL,
    accuracy          FLOAT8,
    baseline_accuracy FLOAT8,
    macro_f1          FLOAT8,
    baseline_macro_f1 FLOAT8,
    ece               FLOAT8,
    baseline_ece      FLOAT8,
    confusion         VARCHAR,
    beats_baseline    BOOLEAN NOT NULL,
    PRIMARY KEY (run_id, hardware_type)
);

-- The adopted run's prediction for each cell that was untested when it ran (replaced whole when a run is adopted).
-- A cell that has a claim now shows the claim, never this row. reasons: the strongest reasons in words, one per line.
CREATE TABLE predictions (
    run_id          BIGINT NOT NULL,
    model_id        INTEGER NOT NULL,
    hardware_type   VARCHAR NOT NULL,
    predicted_level VARCHAR NOT NULL,
    p_high          FLOAT8 NOT NULL,
    p_medium        FLOAT8 NOT NULL,
    p_low           FLOAT8 NOT NULL,
    p_unsupported   FLOAT8 NOT NULL,
    entropy         FLOAT8 NOT NULL,   -- bits, 0 (certain) to 2 (all four levels alike)
    reasons         VARCHAR NOT NULL,
    PRIMARY KEY (model_id, hardware_type)
);
