package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.query.SettingApproval;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code cell_states} (V0017) in step with the claims, in the writer's transaction: after a write, the present
 * state of each cell it touched is closed at the write's time and the claim as it now is (if it still exists) opens
 * the next one. Copying the claim row after the write, rather than restating the write, keeps every kind of change
 * (edits, validations, removals, deleted models) one rule. A few cells take one plain statement each, which reads
 * only the cell's rows; many take two set-based statements (at 100,000 models the set-based copy of one claim scanned
 * every claim: ~20 ms against ~2 ms).
 */
@Component
class CellStates {

    /** A cell a write touched, and its claim now ({@code claimId} null: the write removed it). */
    record Cell(int modelId, Platform platform, Long claimId) {
        String key() {
            return modelId + ":" + platform.key();
        }
    }

    /** Up to this many cells, one plain statement per cell. */
    private static final int FEW = 16;

    private static final String COPY_COLUMNS = """
            INSERT INTO cell_states (model_id, hardware_type, valid_from, valid_to, compatibility_level,
                                     validation_status, validator_id, validation_date, framework_version, version_changed)
            SELECT %s, d.hardware_type, :now, NULL, d.compatibility_level, d.validation_status, d.validator_id,
                   d.validation_date, d.framework_version,
                   EXISTS (SELECT 1 FROM validation_reviews r
                           WHERE r.claim_id = d.id AND %s AND r.framework_version IS DISTINCT FROM d.framework_version)
            """;

    private static final String CLOSE_ONE = """
            UPDATE cell_states SET valid_to = :now
            WHERE model_id = :model AND hardware_type = :platform AND valid_to IS NULL""";

    private static final String OPEN_ONE = COPY_COLUMNS.formatted(":model", SettingApproval.of("r", "d"))
            + "FROM compatibility_details d WHERE d.id = :claim";

    private static final String CLOSE_MANY = """
            UPDATE cell_states SET valid_to = :now
            WHERE valid_to IS NULL AND model_id IN (%s)
              AND (CAST(model_id AS VARCHAR) || ':' || hardware_type) IN (SELECT unnest(string_to_array(:cells, ',')))""".formatted(TextList.IDS_QUERY);

    private static final String OPEN_MANY = COPY_COLUMNS.formatted("c.model_id", SettingApproval.of("r", "d"))
            + "FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id\n"
            + "WHERE d.id IN (SELECT CAST(unnest(string_to_array(:claims, ',')) AS BIGINT))";

    private final JdbcClient jdbc;

    CellStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closes the present state of these cells at {@code now} and opens their claims' present ones. */
    void follow(Collection<Cell> touched, LocalDateTime now) {
        Map<String, Cell> cells = new LinkedHashMap<>(); // the last word on a cell wins (its claim now)
        touched.forEach(c -> cells.put(c.key(), c));
        if (cells.isEmpty()) {
            return;
        }
        if (cells.size() <= FEW) {
            for (Cell cell : cells.values()) {
                jdbc.sql(CLOSE_ONE)
                        .param("now", now)
                        .param("model", cell.modelId())
                        .param("platform", cell.platform().key())
                        .update();
                if (cell.claimId() != null) {
                    jdbc.sql(OPEN_ONE)
                            .param("now", now)
                            .param("model", cell.modelId())
                            .param("claim", cell.claimId())
                            .update();
                }
            }
            return;
        }
        jdbc.sql(CLOSE_MANY)
                .param("now", now)
                .param(
                        "ids",
                        TextList.joinIds(
                                cells.values().stream().map(Cell::modelId).collect(Collectors.toSet())))
                .param("cells", String.join(",", cells.keySet()))
                .update();
        List<String> claims = cells.values().stream()
                .map(Cell::claimId)
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .toList();
        if (!claims.isEmpty()) {
            jdbc.sql(OPEN_MANY)
                    .param("now", now)
                    .param("claims", String.join(",", claims))
                    .update();
        }
    }
}
