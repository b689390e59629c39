-- Results reported by automated validators (CI pipelines, test harnesses) for a cell. The ingest API writes
-- them; a cell whose newest automated result disagrees with its claim's level is "disputed" (PRODUCT.md §4).
CREATE SEQUENCE automated_results_seq START 1;
CREATE TABLE automated_results (
    id                BIGINT PRIMARY KEY DEFAULT nextval('automated_results_seq'),
    model_id          INTEGER NOT NULL,  -- references models(model_id)
    hardware_type     VARCHAR NOT NULL,
    validator_id      INTEGER NOT NULL,  -- references validators(validator_id), type automated_test or ci_pipeline
    reported_level    VARCHAR NOT NULL CHECK (reported_level IN ('high', 'medium', 'low', 'unsupported')),
    evidence_run      VARCHAR,
    framework_version VARCHAR,
    reported_at       TIMESTAMP NOT NULL -- UTC
);
CREATE INDEX automated_results_cell_idx ON automated_results (model_id, hardware_type);
