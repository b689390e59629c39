-- The seed's "extended metrics" (PRODUCT.md §2): measured performance per model × hardware × task × batch size ×
-- precision, for the model page's comparison across platforms. Demo rows carry source 'demo'; the ingest API
-- will write 'ci:<validator>'. Several measurements of the same choice may exist: readers take the newest.
CREATE SEQUENCE performance_results_seq START 1;
CREATE TABLE performance_results (
    id                     BIGINT PRIMARY KEY DEFAULT nextval('performance_results_seq'),
    model_id               INTEGER NOT NULL, -- references models(model_id): the FOREIGN KEY is in V0011
    hardware_type          VARCHAR NOT NULL CHECK (hardware_type IN ('cpu', 'cuda', 'rocm', 'mps', 'openvino',
                                                       'qualcomm', 'webnn', 'webgpu')),
    task_type              VARCHAR NOT NULL,
    batch_size             INTEGER NOT NULL CHECK (batch_size > 0),
    -- The keys of compatibility/Precision, as a claim's evidence names them.
    precision              VARCHAR NOT NULL CHECK (precision IN ('fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8',
                                                       'int4')),
    throughput_items_per_s DOUBLE PRECISION CHECK (throughput_items_per_s >= 0),
    latency_p50_ms         DOUBLE PRECISION CHECK (latency_p50_ms >= 0),
    latency_p95_ms         DOUBLE PRECISION CHECK (latency_p95_ms >= latency_p50_ms), -- a percentile above the median
    memory_mb              INTEGER CHECK (memory_mb >= 0),
    measured_at            TIMESTAMP NOT NULL, -- UTC
    source                 VARCHAR NOT NULL
);
-- Every read is one model's rows (model page), and a model delete removes them.
CREATE INDEX performance_results_model_idx ON performance_results (model_id);
