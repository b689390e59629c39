-- Each platform's level as a number on the model's matrix row (high 4, medium 3, low 2, unsupported 1; NULL when
-- not tested), kept with the other derived columns in the same write. Sorting the matrix by a platform then reads
-- the matrix row alone instead of joining every claim of that platform (BENCHMARKS.md, run F: the first page's ids
-- at 100,000 models 31 → 17 ms).
ALTER TABLE cross_platform_compatibility ADD COLUMN cpu_level_rank TINYINT;
ALTER TABLE cross_platform_compatibility ADD COLUMN cuda_level_rank TINYINT;
ALTER TABLE cross_platform_compatibility ADD COLUMN rocm_level_rank TINYINT;
ALTER TABLE cross_platform_compatibility ADD COLUMN mps_level_rank TINYINT;
ALTER TABLE cross_platform_compatibility ADD COLUMN openvino_level_rank TINYINT;
ALTER TABLE cross_platform_compatibility ADD COLUMN qualcomm_level_rank TINYINT;
ALTER TABLE cross_platform_compatibility ADD COLUMN webnn_level_rank TINYINT;
ALTER TABLE cross_platform_compatibility ADD COLUMN webgpu_level_rank TINYINT;

UPDATE cross_platform_compatibility SET
    cpu_level_rank = r.cpu, cuda_level_rank = r.cuda, rocm_level_rank = r.rocm, mps_level_rank = r.mps,
    openvino_level_rank = r.openvino, qualcomm_level_rank = r.qualcomm, webnn_level_rank = r.webnn,
    webgpu_level_rank = r.webgpu
FROM (
    SELECT compatibility_id,
           max(rank) FILTER (WHERE hardware_type = 'cpu') AS cpu,
           max(rank) FILTER (WHERE hardware_type = 'cuda') AS cuda,
           max(rank) FILTER (WHERE hardware_type = 'rocm') AS rocm,
           max(rank) FILTER (WHERE hardware_type = 'mps') AS mps,
           max(rank) FILTER (WHERE hardware_type = 'openvino') AS openvino,
           max(rank) FILTER (WHERE hardware_type = 'qualcomm') AS qualcomm,
           max(rank) FILTER (WHERE hardware_type = 'webnn') AS webnn,
           max(rank) FILTER (WHERE hardware_type = 'webgpu') AS webgpu
    FROM (SELECT compatibility_id, hardware_type,
                 CASE compatibility_level WHEN 'high' THEN 4 WHEN 'medium' THEN 3 WHEN 'low' THEN 2
                                          WHEN 'unsupported' THEN 1 END AS rank
          FROM compatibility_details)
    GROUP BY compatibility_id
) AS r
WHERE cross_platform_compatibility.id = r.compatibility_id;
