package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.query.SettingApproval;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code cell_states} (V0017) in step with the claims, in the writer's transaction: after a write, the present
 * state of each cell it touched is closed at the write's time and the claim as it now is (if it still exists) opens
 * the next one. Copying the claim row after the write, rather than restating the write, keeps every kind of change
 * (edits, validations, removals, deleted models) one rule.
 */
@Component
class CellStates {

    /** A cell, as the writer names the ones a write touched. */
    record Cell(int modelId, Platform platform) {
        String key() {
            return modelId + ":" + platform.key();
        }
    }

    private static final String CELL_KEY =
            "(CAST(%s AS VARCHAR) || ':' || %s) IN (SELECT unnest(string_to_array(:cells, ',')))";

    private static final String CLOSE =
            """
            UPDATE cell_states SET valid_to = :now
            WHERE valid_to IS NULL AND model_id IN (%s) AND %s""".formatted(TextList.IDS_QUERY, CELL_KEY.formatted("model_id", "hardware_type"));

    private static final String OPEN = """
            INSERT INTO cell_states (model_id, hardware_type, valid_from, valid_to, compatibility_level,
                                     validation_status, validator_id, validation_date, framework_version, version_changed)
            SELECT c.model_id, d.hardware_type, :now, NULL, d.compatibility_level, d.validation_status, d.validator_id,
                   d.validation_date, d.framework_version,
                   EXISTS (SELECT 1 FROM validation_reviews r
                           WHERE r.claim_id = d.id AND %s AND r.framework_version IS DISTINCT FROM d.framework_version)
            FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
            WHERE c.model_id IN (%s) AND %s""".formatted(
            SettingApproval.of("r", "d"), TextList.IDS_QUERY, CELL_KEY.formatted("c.model_id", "d.hardware_type"));

    private final JdbcClient jdbc;

    CellStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closes the present state of these cells at {@code now} and opens their claims' present ones. */
    void follow(Collection<Cell> cells, LocalDateTime now) {
        if (cells.isEmpty()) {
            return;
        }
        Set<Integer> models = new LinkedHashSet<>();
        cells.forEach(c -> models.add(c.modelId()));
        String keys = cells.stream().map(Cell::key).distinct().collect(Collectors.joining(","));
        String ids = TextList.joinIds(models);
        jdbc.sql(CLOSE).param("now", now).param("ids", ids).param("cells", keys).update();
        jdbc.sql(OPEN).param("now", now).param("ids", ids).param("cells", keys).update();
    }
}
