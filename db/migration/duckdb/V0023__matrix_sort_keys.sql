-- Issue 24: the model's name, family, parameters and size rank copied onto its matrix row, so a matrix page reads its
-- ids from this one table (no join to models) and sorts there. MatrixWriter keeps them equal to the model's columns in
-- every model write (add, edit, import, bulk load); a deleted model has no matrix row. Size rank: ModelSize.rank.
ALTER TABLE cross_platform_compatibility ADD COLUMN model_name VARCHAR;
ALTER TABLE cross_platform_compatibility ADD COLUMN model_family VARCHAR;
ALTER TABLE cross_platform_compatibility ADD COLUMN parameters_millions DOUBLE;
ALTER TABLE cross_platform_compatibility ADD COLUMN model_size_rank TINYINT;

UPDATE cross_platform_compatibility SET
    model_name = m.model_name, model_family = m.model_family, parameters_millions = m.parameters_millions,
    model_type = m.model_type, model_size = m.model_size,
    model_size_rank = CASE m.model_size WHEN 'tiny' THEN 1 WHEN 'small' THEN 2 WHEN 'base' THEN 3 WHEN 'large' THEN 4
                                        WHEN 'xl' THEN 5 WHEN 'xxl' THEN 6 END
FROM models m
WHERE m.model_id = cross_platform_compatibility.model_id;
