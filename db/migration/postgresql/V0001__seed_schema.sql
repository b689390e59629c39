-- PostgreSQL's copy of DuckDB's V0001 (db/migration/duckdb): the same tables, columns, keys and CHECKs, with
-- PostgreSQL's names for the same types (DuckDB's DOUBLE is DOUBLE PRECISION, its 4-byte FLOAT is REAL).
-- Ids come from sequences as on DuckDB, so both databases hand out ids the same way. Real foreign keys come in
-- V0011 (PostgreSQL only), after every table exists.

CREATE SEQUENCE models_seq START 1;
CREATE TABLE models (
    model_id            INTEGER PRIMARY KEY DEFAULT nextval('models_seq'),
    model_name          VARCHAR NOT NULL UNIQUE,
    model_family        VARCHAR NOT NULL,
    model_type          VARCHAR NOT NULL CHECK (model_type IN ('text_embedding', 'text_generation', 'text2text',
                                                   'vision', 'audio', 'multimodal', 'vision_language')),
    model_size          VARCHAR NOT NULL CHECK (model_size IN ('tiny', 'small', 'base', 'large', 'xl', 'xxl')),
    parameters_millions DOUBLE PRECISION CHECK (parameters_millions IS NULL OR parameters_millions > 0),
    source_url          VARCHAR,
    created_at          TIMESTAMP NOT NULL
);

CREATE SEQUENCE validators_seq START 1;
CREATE TABLE validators (
    validator_id       INTEGER PRIMARY KEY DEFAULT nextval('validators_seq'),
    name               VARCHAR,
    type               VARCHAR, -- 'human', 'automated_test', 'ci_pipeline'
    email              VARCHAR,
    organization       VARCHAR,
    verification_level INTEGER, -- 1-3 indicating validation thoroughness
    created_at         TIMESTAMP,
    CHECK (type IN ('human', 'automated_test', 'ci_pipeline')),
    CHECK (verification_level BETWEEN 1 AND 3)
);

CREATE SEQUENCE cross_platform_compatibility_seq START 1;
CREATE TABLE cross_platform_compatibility (
    id                   INTEGER PRIMARY KEY DEFAULT nextval('cross_platform_compatibility_seq'),
    model_id             INTEGER NOT NULL UNIQUE, -- references models(model_id)
    model_type           VARCHAR,
    model_size           VARCHAR,
    cuda_support         BOOLEAN,
    rocm_support         BOOLEAN,
    mps_support          BOOLEAN,
    openvino_support     BOOLEAN,
    qualcomm_support     BOOLEAN,
    webnn_support        BOOLEAN,
    webgpu_support       BOOLEAN,
    cpu_support          BOOLEAN,
    recommended_platform VARCHAR,
    compatibility_score  REAL,
    last_updated         TIMESTAMP
);

CREATE SEQUENCE compatibility_details_seq START 1;
CREATE TABLE compatibility_details (
    id                  INTEGER PRIMARY KEY DEFAULT nextval('compatibility_details_seq'),
    compatibility_id    INTEGER NOT NULL, -- references cross_platform_compatibility(id)
    hardware_type       VARCHAR NOT NULL CHECK (hardware_type IN ('cpu', 'cuda', 'rocm', 'mps', 'openvino',
                                                    'qualcomm', 'webnn', 'webgpu')),
    compatibility_level VARCHAR NOT NULL CHECK (compatibility_level IN ('high', 'medium', 'low', 'unsupported')),
    limitations         TEXT,
    workarounds         TEXT,
    performance_notes   TEXT,
    validation_status   VARCHAR NOT NULL DEFAULT 'unvalidated'
                        CHECK (validation_status IN ('validated', 'partially_validated', 'unvalidated')),
    validator_id        INTEGER, -- references validators(validator_id)
    validation_date     TIMESTAMP,
    UNIQUE (compatibility_id, hardware_type)
);

CREATE SEQUENCE compatibility_history_seq START 1;
CREATE TABLE compatibility_history (
    id              INTEGER PRIMARY KEY DEFAULT nextval('compatibility_history_seq'),
    model_id        INTEGER NOT NULL, -- references models(model_id)
    hardware_type   VARCHAR NOT NULL,
    previous_status VARCHAR,
    new_status      VARCHAR,
    change_reason   TEXT,
    change_date     TIMESTAMP NOT NULL,
    change_version  VARCHAR
);
CREATE INDEX compatibility_history_model_idx ON compatibility_history (model_id);

CREATE SEQUENCE hardware_recommendations_seq START 1;
CREATE TABLE hardware_recommendations (
    id                     INTEGER PRIMARY KEY DEFAULT nextval('hardware_recommendations_seq'),
    model_id               INTEGER NOT NULL, -- references models(model_id)
    task_type              VARCHAR NOT NULL,
    batch_size             INTEGER CHECK (batch_size > 0),
    recommended_hardware   VARCHAR,
    fallback_hardware      VARCHAR,
    recommendation_reason  TEXT,
    performance_ratio      REAL, -- Ratio compared to best hardware
    memory_requirements_mb INTEGER,
    min_compute_units      INTEGER,
    generated_at           TIMESTAMP
);
CREATE INDEX hardware_recommendations_model_idx ON hardware_recommendations (model_id);
