package dev.compatmatrix.matrix.store;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends results reported by automated validators for a cell. */
@Repository
public class AutomatedResultRepository {

    private final JdbcClient jdbc;

    public AutomatedResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(int modelId, String platform, int validatorId, String level, String run, String version,
                       LocalDateTime reportedAt) {
        jdbc.sql("""
                        INSERT INTO automated_results (model_id, hardware_type, validator_id, reported_level, evidence_run,
                            framework_version, reported_at)
                        VALUES (:modelId, :platform, :validatorId, :level, :run, :version, :at)""")
                .param("modelId", modelId).param("platform", platform).param("validatorId", validatorId)
                .param("level", level).param("run", run).param("version", version).param("at", reportedAt)
                .update();
    }
}
