package dev.compatmatrix.matrix.store;

import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.MatrixTables.CellStateRow;
import dev.compatmatrix.matrix.store.MatrixTables.ClaimRow;
import dev.compatmatrix.matrix.store.MatrixTables.HistoryRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fills {@code cell_states} for a database made before V0017 (migration V0018): every cell's states rebuilt by
 * {@link CellTimeline} from its history, reviews and present claim. Only when the table is empty and there are claims
 * or history to rebuild from (a new database, or one the writer already keeps, is left alone). Models are read a block
 * of ids at a time, in id order, so 100,000 models never need their whole history in memory at once.
 */
public final class CellStatesFromHistory {

    /** Models per block: a few tens of thousands of history rows in memory at a time. */
    static final int MODELS_PER_BLOCK = 1_000;

    private static final String NEEDED = """
            SELECT (SELECT count(*) FROM cell_states) = 0
               AND (EXISTS (SELECT 1 FROM compatibility_details) OR EXISTS (SELECT 1 FROM compatibility_history))""";
    private static final String ID_RANGE = """
            SELECT min(model_id), max(model_id) FROM (
                SELECT model_id FROM models UNION ALL SELECT model_id FROM compatibility_history) ids""";
    private static final String MODELS = """
            SELECT model_id, created_at FROM models WHERE model_id >= ? AND model_id < ?""";
    private static final String HISTORY = """
            SELECT model_id, hardware_type, previous_status, new_status, change_reason, change_date, change_version,
                   changed_by
            FROM compatibility_history WHERE model_id >= ? AND model_id < ?
            ORDER BY model_id, change_date, id""";
    private static final String REVIEWS = """
            SELECT claim_id, claim_version, model_id, hardware_type, claim_level, validator_id, reviewer,
                   verification_level, decision, resulting_status, comment, framework_version, reviewed_at
            FROM validation_reviews WHERE model_id >= ? AND model_id < ?
            ORDER BY model_id, reviewed_at, id""";
    private static final String CLAIMS = """
            SELECT c.model_id, d.id, d.compatibility_id, d.hardware_type, d.compatibility_level, d.framework_version,
                   d.validation_status, d.validator_id, d.validation_date, d.row_version, d.updated_by, d.updated_at
            FROM compatibility_details d JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
            WHERE c.model_id >= ? AND c.model_id < ?""";

    private CellStatesFromHistory() {}

    /** A cell, as the blocks group their rows. */
    private record Cell(int modelId, Platform platform) {}

    /** What a block of models holds, cell by cell. */
    private static final class Block {
        final Map<Integer, LocalDateTime> since = new HashMap<>();
        final Set<Cell> cells = new LinkedHashSet<>();
        final Map<Cell, List<HistoryRow>> history = new HashMap<>();
        final Map<Cell, List<ReviewRow>> reviews = new HashMap<>();
        final Map<Cell, ClaimRow> claims = new HashMap<>();
    }

    /** Rebuilds the states when {@code cell_states} is empty and there is something to rebuild; returns the rows written. */
    public static long fillIfEmpty(Connection connection) throws SQLException {
        if (!queryBoolean(connection, NEEDED)) {
            return 0;
        }
        long written = 0;
        int[] range = idRange(connection);
        try (TableAppender.Rows out = TableAppender.Rows.open(
                connection, MatrixTables.CELL_STATES.name(), MatrixTables.CELL_STATES.columnNames())) {
            for (long from = range[0]; from <= range[1]; from += MODELS_PER_BLOCK) {
                List<CellStateRow> states = rebuild(read(connection, (int) from, (int) from + MODELS_PER_BLOCK));
                List<Long> ids = nextIds(connection, states.size());
                for (int i = 0; i < states.size(); i++) {
                    out.add(MatrixTables.CELL_STATES.values(ids.get(i), states.get(i)));
                }
                written += states.size();
            }
        }
        return written;
    }

    private static List<CellStateRow> rebuild(Block block) {
        List<CellStateRow> states = new ArrayList<>();
        for (Cell cell : block.cells) {
            states.addAll(CellTimeline.rebuild(
                    cell.modelId(),
                    cell.platform(),
                    block.history.getOrDefault(cell, List.of()),
                    block.reviews.getOrDefault(cell, List.of()),
                    block.claims.get(cell),
                    block.since.get(cell.modelId())));
        }
        return states;
    }

    private static Block read(Connection connection, int fromId, int toId) throws SQLException {
        Block block = new Block();
        forEachRow(connection, MODELS, fromId, toId, rs -> block.since.put(rs.getInt(1), time(rs, 2)));
        forEachRow(connection, HISTORY, fromId, toId, rs -> {
            Cell cell = cell(block, rs.getInt(1), rs.getString(2));
            if (cell != null) {
                block.history
                        .computeIfAbsent(cell, c -> new ArrayList<>())
                        .add(new HistoryRow(
                                cell.modelId(),
                                cell.platform(),
                                level(rs, 3),
                                level(rs, 4),
                                rs.getString(5),
                                time(rs, 6),
                                rs.getString(7),
                                rs.getString(8)));
            }
        });
        forEachRow(connection, REVIEWS, fromId, toId, rs -> {
            Cell cell = cell(block, rs.getInt(3), rs.getString(4));
            if (cell != null) {
                block.reviews
                        .computeIfAbsent(cell, c -> new ArrayList<>())
                        .add(new ReviewRow(
                                rs.getLong(1),
                                rs.getInt(2),
                                cell.modelId(),
                                cell.platform(),
                                level(rs, 5),
                                rs.getInt(6),
                                rs.getString(7),
                                rs.getInt(8),
                                Review.Decision.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
                                status(rs, 10),
                                rs.getString(11),
                                rs.getString(12),
                                time(rs, 13)));
            }
        });
        forEachRow(connection, CLAIMS, fromId, toId, rs -> {
            Cell cell = cell(block, rs.getInt(1), rs.getString(4));
            if (cell != null) {
                ClaimData data =
                        new ClaimData(level(rs, 5), null, null, null, null, rs.getString(6), null, null, null, false);
                block.claims.put(
                        cell,
                        new ClaimRow(
                                rs.getLong(2),
                                rs.getInt(3),
                                cell.platform(),
                                data,
                                status(rs, 7),
                                (Integer) rs.getObject(8),
                                time(rs, 9),
                                rs.getInt(10),
                                rs.getString(11),
                                time(rs, 12)));
            }
        });
        return block;
    }

    /** The cell of a row (null for a platform this console no longer knows), added to the block's cells. */
    private static Cell cell(Block block, int modelId, String platform) {
        Cell cell = Platform.fromKey(platform).map(p -> new Cell(modelId, p)).orElse(null);
        if (cell != null) {
            block.cells.add(cell);
        }
        return cell;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void forEachRow(Connection connection, String sql, int fromId, int toId, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, fromId);
            statement.setInt(2, toId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static CompatibilityLevel level(ResultSet rs, int column) throws SQLException {
        String key = rs.getString(column);
        return key == null ? null : CompatibilityLevel.fromKey(key).orElseThrow();
    }

    private static ValidationStatus status(ResultSet rs, int column) throws SQLException {
        return ValidationStatus.fromKey(rs.getString(column)).orElseThrow();
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static int[] idRange(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(ID_RANGE)) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2)};
        }
    }

    private static List<Long> nextIds(Connection connection, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nextval('cell_states_seq') AS id FROM generate_series(1, ?) ORDER BY id")) {
            statement.setInt(1, count);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
