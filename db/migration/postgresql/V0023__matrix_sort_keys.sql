-- Issue 24: the model's name, family, parameters and size rank copied onto its matrix row, so a matrix page reads its
-- ids from this one table (no join to models) and an index of this table serves its order. MatrixWriter keeps them
-- equal to the model's columns in every model write (add, edit, import, bulk load); a deleted model has no matrix
-- row. Size rank: ModelSize.rank.
ALTER TABLE cross_platform_compatibility ADD COLUMN model_name VARCHAR;
ALTER TABLE cross_platform_compatibility ADD COLUMN model_family VARCHAR;
ALTER TABLE cross_platform_compatibility ADD COLUMN parameters_millions DOUBLE PRECISION;
ALTER TABLE cross_platform_compatibility ADD COLUMN model_size_rank SMALLINT;

UPDATE cross_platform_compatibility SET
    model_name = m.model_name, model_family = m.model_family, parameters_millions = m.parameters_millions,
    model_type = m.model_type, model_size = m.model_size,
    model_size_rank = CASE m.model_size WHEN 'tiny' THEN 1 WHEN 'small' THEN 2 WHEN 'base' THEN 3 WHEN 'large' THEN 4
                                        WHEN 'xl' THEN 5 WHEN 'xxl' THEN 6 END
FROM models m
WHERE m.model_id = cross_platform_compatibility.model_id;

-- Every order the matrix shows, as an index PostgreSQL walks and stops after a page: the name (with the id, so a deep
-- page in name order is an index-only scan), and per sortable column "column ASC NULLS LAST, name" and
-- "column DESC NULLS LAST, name" (ties by name ascending in both directions, which no backward walk of one index gives).
CREATE INDEX matrix_by_name_idx ON cross_platform_compatibility (model_name) INCLUDE (model_id);
CREATE INDEX matrix_by_family_idx ON cross_platform_compatibility (model_family, model_name);
CREATE INDEX matrix_by_family_desc_idx ON cross_platform_compatibility (model_family DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_type_idx ON cross_platform_compatibility (model_type, model_name);
CREATE INDEX matrix_by_type_desc_idx ON cross_platform_compatibility (model_type DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_size_idx ON cross_platform_compatibility (model_size_rank, model_name);
CREATE INDEX matrix_by_size_desc_idx ON cross_platform_compatibility (model_size_rank DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_parameters_idx ON cross_platform_compatibility (parameters_millions, model_name);
CREATE INDEX matrix_by_parameters_desc_idx ON cross_platform_compatibility (parameters_millions DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_score_idx ON cross_platform_compatibility (compatibility_score, model_name);
CREATE INDEX matrix_by_score_desc_idx ON cross_platform_compatibility (compatibility_score DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_recommended_idx ON cross_platform_compatibility (recommended_platform, model_name);
CREATE INDEX matrix_by_recommended_desc_idx ON cross_platform_compatibility (recommended_platform DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_cpu_idx ON cross_platform_compatibility (cpu_level_rank, model_name);
CREATE INDEX matrix_by_cpu_desc_idx ON cross_platform_compatibility (cpu_level_rank DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_cuda_idx ON cross_platform_compatibility (cuda_level_rank, model_name);
CREATE INDEX matrix_by_cuda_desc_idx ON cross_platform_compatibility (cuda_level_rank DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_rocm_idx ON cross_platform_compatibility (rocm_level_rank, model_name);
CREATE INDEX matrix_by_rocm_desc_idx ON cross_platform_compatibility (rocm_level_rank DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_mps_idx ON cross_platform_compatibility (mps_level_rank, model_name);
CREATE INDEX matrix_by_mps_desc_idx ON cross_platform_compatibility (mps_level_rank DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_openvino_idx ON cross_platform_compatibility (openvino_level_rank, model_name);
CREATE INDEX matrix_by_openvino_desc_idx ON cross_platform_compatibility (openvino_level_rank DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_qualcomm_idx ON cross_platform_compatibility (qualcomm_level_rank, model_name);
CREATE INDEX matrix_by_qualcomm_desc_idx ON cross_platform_compatibility (qualcomm_level_rank DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_webnn_idx ON cross_platform_compatibility (webnn_level_rank, model_name);
CREATE INDEX matrix_by_webnn_desc_idx ON cross_platform_compatibility (webnn_level_rank DESC NULLS LAST, model_name);
CREATE INDEX matrix_by_webgpu_idx ON cross_platform_compatibility (webgpu_level_rank, model_name);
CREATE INDEX matrix_by_webgpu_desc_idx ON cross_platform_compatibility (webgpu_level_rank DESC NULLS LAST, model_name);

-- Text search on the matrix (ILIKE '%text%' on name or family) reads this table too: trigram indexes as V0022's.
CREATE INDEX matrix_name_trigram_idx ON cross_platform_compatibility USING gin (model_name gin_trgm_ops);
CREATE INDEX matrix_family_trigram_idx ON cross_platform_compatibility USING gin (model_family gin_trgm_ops);
