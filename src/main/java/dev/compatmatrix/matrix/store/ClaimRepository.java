package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.SqlTimes;
import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.ValidationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads claims ({@code compatibility_details} rows); {@link MatrixWriter} writes them. */
@Repository
public class ClaimRepository {

    private static final String SELECT = """
            SELECT d.id, d.row_version, c.model_id, m.model_name, d.hardware_type, d.compatibility_level,
                   d.limitations, d.workarounds, d.performance_notes, d.evidence_run, d.framework_version, d.device,
                   d.batch_size, d.precision, d.simulated, d.validation_status, d.updated_by, d.updated_at
            FROM compatibility_details d
            JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
            JOIN models m ON m.model_id = c.model_id
            """;

    private final JdbcClient jdbc;
    private final TableAppender appender;

    public ClaimRepository(JdbcClient jdbc, TableAppender appender) {
        this.jdbc = jdbc;
        this.appender = appender;
    }

    public Optional<Claim> findById(long claimId) {
        return jdbc.sql(SELECT + "WHERE d.id = :id")
                .param("id", claimId)
                .query(ClaimRepository::map)
                .optional();
    }

    public Optional<Claim> find(int modelId, Platform platform) {
        return jdbc.sql(SELECT + "WHERE c.model_id = :modelId AND d.hardware_type = :platform")
                .param("modelId", modelId)
                .param("platform", platform.key())
                .query(ClaimRepository::map)
                .optional();
    }

    /** The claims of several models' matrix rows (the ids as one split text parameter). */
    public List<Claim> findIn(Collection<Integer> compatibilityIds) {
        if (compatibilityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE d.compatibility_id IN (" + TextList.IDS_QUERY + ")")
                .param("ids", TextList.joinIds(compatibilityIds))
                .query(ClaimRepository::map)
                .list();
    }

    /** Ids for new claims, drawn from the claims' sequence in one statement. */
    public List<Long> newIds(int count) {
        return appender.nextIds("compatibility_details_seq", count);
    }

    /** The levels of several models' claims, by compatibility id. */
    Map<Integer, Map<Platform, CompatibilityLevel>> levelsIn(java.util.Collection<Integer> compatibilityIds) {
        Map<Integer, Map<Platform, CompatibilityLevel>> levels = new java.util.HashMap<>();
        compatibilityIds.forEach(id -> levels.put(id, new EnumMap<>(Platform.class)));
        if (compatibilityIds.isEmpty()) {
            return levels;
        }
        jdbc.sql("""
                        SELECT compatibility_id, hardware_type, compatibility_level FROM compatibility_details
                        WHERE compatibility_id IN (""" + TextList.IDS_QUERY + ")")
                .param("ids", TextList.joinIds(compatibilityIds))
                .query(rs -> {
                    levels.get(rs.getInt(1))
                            .put(
                                    Platform.fromKey(rs.getString(2)).orElseThrow(),
                                    CompatibilityLevel.fromKey(rs.getString(3)).orElseThrow());
                });
        return levels;
    }

    /** The claimed levels of these models (by model id), by platform; a model without claims has none. */
    Map<Integer, Map<Platform, CompatibilityLevel>> levelsOfModels(java.util.Collection<Integer> modelIds) {
        Map<Integer, Map<Platform, CompatibilityLevel>> levels = new java.util.HashMap<>();
        if (modelIds.isEmpty()) {
            return levels;
        }
        jdbc.sql("""
                        SELECT c.model_id, d.hardware_type, d.compatibility_level
                        FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        WHERE c.model_id IN (""" + TextList.IDS_QUERY + ")")
                .param("ids", TextList.joinIds(modelIds))
                .query(rs -> {
                    levels.computeIfAbsent(rs.getInt(1), id -> new EnumMap<>(Platform.class))
                            .put(
                                    Platform.fromKey(rs.getString(2)).orElseThrow(),
                                    CompatibilityLevel.fromKey(rs.getString(3)).orElseThrow());
                });
        return levels;
    }

    /** All claims of one model's matrix row, by platform. */
    public java.util.List<Claim> findAll(int compatibilityId) {
        return jdbc.sql(SELECT + "WHERE d.compatibility_id = :id ORDER BY d.hardware_type")
                .param("id", compatibilityId)
                .query(ClaimRepository::map)
                .list();
    }

    private static Claim map(ResultSet rs, int rowNum) throws SQLException {
        ClaimData data = new ClaimData(
                CompatibilityLevel.fromKey(rs.getString("compatibility_level")).orElseThrow(),
                rs.getString("limitations"),
                rs.getString("workarounds"),
                rs.getString("performance_notes"),
                rs.getString("evidence_run"),
                rs.getString("framework_version"),
                rs.getString("device"),
                (Integer) rs.getObject("batch_size"),
                Precision.fromKey(rs.getString("precision")).orElse(null),
                rs.getBoolean("simulated"));
        return new Claim(
                rs.getLong("id"),
                rs.getInt("row_version"),
                rs.getInt("model_id"),
                rs.getString("model_name"),
                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                data,
                ValidationStatus.fromKey(rs.getString("validation_status")).orElse(ValidationStatus.UNVALIDATED),
                rs.getString("updated_by"),
                SqlTimes.utc(rs.getTimestamp("updated_at")));
    }
}
