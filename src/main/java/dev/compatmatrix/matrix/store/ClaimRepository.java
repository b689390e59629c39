package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.MultiRowSql;
import dev.compatmatrix.base.db.MultiRowSql.Column;
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
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads single claims ({@code compatibility_details} rows); the caller owns the transaction. */
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
        return jdbc.sql(SELECT + "WHERE d.id = :id").param("id", claimId).query(ClaimRepository::map).optional();
    }

    public Optional<Claim> find(int modelId, Platform platform) {
        return jdbc.sql(SELECT + "WHERE c.model_id = :modelId AND d.hardware_type = :platform")
                .param("modelId", modelId).param("platform", platform.key())
                .query(ClaimRepository::map).optional();
    }

    /** The levels of one model's claims (absent platform = not tested). */
    public Map<Platform, CompatibilityLevel> levels(int compatibilityId) {
        Map<Platform, CompatibilityLevel> levels = new EnumMap<>(Platform.class);
        jdbc.sql("SELECT hardware_type, compatibility_level FROM compatibility_details WHERE compatibility_id = :id")
                .param("id", compatibilityId)
                .query(rs -> {
                    levels.put(Platform.fromKey(rs.getString(1)).orElseThrow(),
                            CompatibilityLevel.fromKey(rs.getString(2)).orElseThrow());
                });
        return levels;
    }

    public long insert(int compatibilityId, Platform platform, ClaimData data, String user, LocalDateTime now) {
        return jdbc.sql("""
                        INSERT INTO compatibility_details (compatibility_id, hardware_type, compatibility_level,
                            limitations, workarounds, performance_notes, validation_status, evidence_run,
                            framework_version, device, batch_size, precision, simulated, row_version,
                            updated_by, updated_at)
                        VALUES (:compatibilityId, :platform, :level, :limitations, :workarounds, :notes, 'unvalidated',
                            :run, :framework, :device, :batchSize, :precision, :simulated, 1, :user, :now)
                        RETURNING id
                        """)
                .param("compatibilityId", compatibilityId).param("platform", platform.key())
                .params(dataParams(data)).param("user", user).param("now", now)
                .query(Long.class).single();
    }

    /**
     * Writes a new version when the stored one is still {@code expectedVersion}; returns false when it is
     * not (someone else saved first). A change of substance also resets the validation.
     */
    public boolean update(long claimId, int expectedVersion, ClaimData data, boolean resetValidation, String user,
                          LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE compatibility_details SET compatibility_level = :level, limitations = :limitations,
                            workarounds = :workarounds, performance_notes = :notes, evidence_run = :run,
                            framework_version = :framework, device = :device, batch_size = :batchSize,
                            precision = :precision, simulated = :simulated,
                            validation_status = CASE WHEN :reset THEN 'unvalidated' ELSE validation_status END,
                            validator_id = CASE WHEN :reset THEN NULL ELSE validator_id END,
                            validation_date = CASE WHEN :reset THEN NULL ELSE validation_date END,
                            row_version = row_version + 1, updated_by = :user, updated_at = :now
                        WHERE id = :id AND row_version = :expected
                        """)
                .params(dataParams(data)).param("reset", resetValidation).param("user", user).param("now", now)
                .param("id", claimId).param("expected", expectedVersion)
                .update() == 1;
    }

    /** The claims of several models' matrix rows (the ids as one split text parameter). */
    public List<Claim> findIn(Collection<Integer> compatibilityIds) {
        if (compatibilityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE d.compatibility_id IN (" + TextList.IDS_QUERY + ")")
                .param("ids", TextList.joinIds(compatibilityIds)).query(ClaimRepository::map).list();
    }

    /** Ids for new claims, drawn from the claims' sequence in one statement. */
    public List<Long> newIds(int count) {
        return appender.nextIds("compatibility_details_seq", count);
    }

    /** A new, unvalidated claim with an id from {@link #newIds}. */
    public record NewClaim(long claimId, int compatibilityId, Platform platform, ClaimData data) {
    }

    /** {@link #insert} for many claims, through the appender (column order of V0001, then V0003's columns). */
    public void insertAll(List<NewClaim> claims, String user, LocalDateTime now) {
        appender.append("compatibility_details", claims.stream().map(c -> {
            ClaimData d = c.data();
            return new Object[] {c.claimId(), c.compatibilityId(), c.platform().key(), d.level().key(),
                    d.limitations(), d.workarounds(), d.performanceNotes(), ValidationStatus.UNVALIDATED.key(), null,
                    null, 1, d.evidenceRun(), d.frameworkVersion(), d.device(), d.batchSize(), precision(d),
                    d.simulated(), user, now};
        }).toList());
    }

    /** A new version of a claim read at {@code expectedVersion}, as {@link #update} writes it. */
    public record ClaimUpdate(long claimId, int expectedVersion, ClaimData data, boolean resetValidation) {
    }

    private static final List<Column> MATCH = List.of(new Column("id", "BIGINT"), new Column("row_version", "INTEGER"));

    private static final List<Column> UPDATE_COLUMNS = List.of(new Column("compatibility_level", "VARCHAR"),
            new Column("limitations", "VARCHAR"), new Column("workarounds", "VARCHAR"),
            new Column("performance_notes", "VARCHAR"), new Column("evidence_run", "VARCHAR"),
            new Column("framework_version", "VARCHAR"), new Column("device", "VARCHAR"),
            new Column("batch_size", "INTEGER"), new Column("precision", "VARCHAR"), new Column("simulated", "BOOLEAN"),
            new Column("updated_by", "VARCHAR"), new Column("updated_at", "TIMESTAMP"));

    private static final String NEXT_VERSION = "row_version = compatibility_details.row_version + 1";

    /**
     * {@link #update} for many claims in a few statements: those whose substance changed lose their validation.
     * Returns how many were written; fewer than given means someone else saved one of them first.
     */
    public int updateAll(List<ClaimUpdate> updates, String user, LocalDateTime now) {
        int written = 0;
        for (boolean reset : new boolean[] {true, false}) {
            String extraSet = reset ? "validation_status = 'unvalidated', validator_id = NULL, validation_date = NULL, "
                    + NEXT_VERSION : NEXT_VERSION;
            written += MultiRowSql.update(jdbc, "compatibility_details", MATCH, UPDATE_COLUMNS, extraSet,
                    updates.stream().filter(u -> u.resetValidation() == reset).map(u -> {
                        ClaimData d = u.data();
                        return new Object[] {u.claimId(), u.expectedVersion(), d.level().key(), d.limitations(),
                                d.workarounds(), d.performanceNotes(), d.evidenceRun(), d.frameworkVersion(),
                                d.device(), d.batchSize(), precision(d), d.simulated(), user, now};
                    }).toList());
        }
        return written;
    }

    /** Deletes the claim when it is still at {@code expectedVersion}; returns false otherwise. */
    public boolean delete(long claimId, int expectedVersion) {
        return jdbc.sql("DELETE FROM compatibility_details WHERE id = :id AND row_version = :expected")
                .param("id", claimId).param("expected", expectedVersion).update() == 1;
    }

    /** Sets the status an approval or rejection decided; not a new version of the claim's substance. */
    public void setValidation(long claimId, ValidationStatus status, Integer validatorId, LocalDateTime when) {
        jdbc.sql("""
                        UPDATE compatibility_details SET validation_status = :status, validator_id = :validatorId,
                            validation_date = :when
                        WHERE id = :id""")
                .param("status", status.key()).param("validatorId", validatorId).param("when", when)
                .param("id", claimId).update();
    }

    /** The levels of several models' claims, by compatibility id. */
    public Map<Integer, Map<Platform, CompatibilityLevel>> levelsIn(java.util.Collection<Integer> compatibilityIds) {
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
                    levels.get(rs.getInt(1)).put(Platform.fromKey(rs.getString(2)).orElseThrow(),
                            CompatibilityLevel.fromKey(rs.getString(3)).orElseThrow());
                });
        return levels;
    }

    /** All claims of one model's matrix row, for removing them with the model. */
    public java.util.List<Claim> findAll(int compatibilityId) {
        return jdbc.sql(SELECT + "WHERE d.compatibility_id = :id ORDER BY d.hardware_type").param("id", compatibilityId)
                .query(ClaimRepository::map).list();
    }

    public void deleteAll(int compatibilityId) {
        jdbc.sql("DELETE FROM compatibility_details WHERE compatibility_id = :id").param("id", compatibilityId).update();
    }

    private static Map<String, Object> dataParams(ClaimData data) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("level", data.level().key());
        params.put("limitations", data.limitations());
        params.put("workarounds", data.workarounds());
        params.put("notes", data.performanceNotes());
        params.put("run", data.evidenceRun());
        params.put("framework", data.frameworkVersion());
        params.put("device", data.device());
        params.put("batchSize", data.batchSize());
        params.put("precision", precision(data));
        params.put("simulated", data.simulated());
        return params;
    }

    private static String precision(ClaimData data) {
        return data.precision() == null ? null : data.precision().key();
    }

    private static Claim map(ResultSet rs, int rowNum) throws SQLException {
        ClaimData data = new ClaimData(CompatibilityLevel.fromKey(rs.getString("compatibility_level")).orElseThrow(),
                rs.getString("limitations"), rs.getString("workarounds"), rs.getString("performance_notes"),
                rs.getString("evidence_run"), rs.getString("framework_version"), rs.getString("device"),
                (Integer) rs.getObject("batch_size"), Precision.fromKey(rs.getString("precision")).orElse(null),
                rs.getBoolean("simulated"));
        return new Claim(rs.getLong("id"), rs.getInt("row_version"), rs.getInt("model_id"), rs.getString("model_name"),
                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(), data,
                ValidationStatus.fromKey(rs.getString("validation_status")).orElse(ValidationStatus.UNVALIDATED),
                rs.getString("updated_by"), SqlTimes.utc(rs.getTimestamp("updated_at")));
    }
}
