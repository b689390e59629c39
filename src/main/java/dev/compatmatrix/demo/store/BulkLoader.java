package dev.compatmatrix.demo.store;

import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.demo.GeneratedModel;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.store.CellTimeline;
import dev.compatmatrix.matrix.store.MatrixTables;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixTables.CellStateRow;
import dev.compatmatrix.matrix.store.MatrixTables.ClaimRow;
import dev.compatmatrix.matrix.store.MatrixTables.HistoryRow;
import dev.compatmatrix.matrix.store.MatrixTables.MatrixRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes generated models through {@link TableAppender.Rows} (DuckDB's appender or PostgreSQL's COPY: hundreds of
 * thousands of rows per second), deriving
 * each model's booleans, score and recommended platform with {@link ScoreRule}, as the service layer does. The
 * matrix's tables take their rows in {@link MatrixTables}' column lists, as the writer's.
 * Ids are reserved from the tables' sequences first, so later inserts by the application continue them.
 * The caller owns the connection and its transactions; call {@link #flush()} (or {@link #close()}) before each commit.
 */
public final class BulkLoader implements AutoCloseable {

    private final Connection connection;
    private final TableAppender.Rows models;
    private final TableAppender.Rows matrix;
    private final TableAppender.Rows details;
    private final TableAppender.Rows history;
    private final TableAppender.Rows recommendations;
    private final TableAppender.Rows performance;
    private final TableAppender.Rows reviews;
    private final TableAppender.Rows automatedResults;
    private final TableAppender.Rows cellStates;
    private final IdBlock modelIds = new IdBlock("models_seq");
    private final IdBlock matrixIds = new IdBlock("cross_platform_compatibility_seq");
    private final IdBlock detailIds = new IdBlock("compatibility_details_seq");
    private final IdBlock historyIds = new IdBlock("compatibility_history_seq");
    private final IdBlock recommendationIds = new IdBlock("hardware_recommendations_seq");
    private final IdBlock performanceIds = new IdBlock("performance_results_seq");
    private final IdBlock reviewIds = new IdBlock("validation_reviews_seq");
    private final IdBlock automatedResultIds = new IdBlock("automated_results_seq");
    private final IdBlock cellStateIds = new IdBlock("cell_states_seq");

    private static final List<String> MODEL_COLUMNS = List.of(
            "model_id",
            "model_name",
            "model_family",
            "model_type",
            "model_size",
            "parameters_millions",
            "source_url",
            "created_at",
            "row_version",
            "deleted_at");
    private static final List<String> RECOMMENDATION_COLUMNS = List.of(
            "id",
            "model_id",
            "task_type",
            "batch_size",
            "recommended_hardware",
            "fallback_hardware",
            "recommendation_reason",
            "performance_ratio",
            "memory_requirements_mb",
            "min_compute_units",
            "generated_at");
    // V0007's column order; generated measurements are all the demo's own.
    private static final List<String> PERFORMANCE_COLUMNS = List.of(
            "id",
            "model_id",
            "hardware_type",
            "task_type",
            "batch_size",
            "precision",
            "throughput_items_per_s",
            "latency_p50_ms",
            "latency_p95_ms",
            "memory_mb",
            "measured_at",
            "source");

    public BulkLoader(Connection connection) throws SQLException {
        this.connection = connection;
        models = TableAppender.Rows.open(connection, "models", MODEL_COLUMNS);
        matrix = rows(MatrixTables.MATRIX_ROWS);
        details = rows(MatrixTables.CLAIMS);
        history = rows(MatrixTables.HISTORY);
        recommendations = TableAppender.Rows.open(connection, "hardware_recommendations", RECOMMENDATION_COLUMNS);
        performance = TableAppender.Rows.open(connection, "performance_results", PERFORMANCE_COLUMNS);
        reviews = rows(MatrixTables.REVIEWS);
        automatedResults = rows(MatrixTables.AUTOMATED_RESULTS);
        cellStates = rows(MatrixTables.CELL_STATES);
    }

    private TableAppender.Rows rows(MatrixTables.Table<?> table) throws SQLException {
        return TableAppender.Rows.open(connection, table.name(), table.columnNames());
    }

    /** Appends one model with everything that belongs to it; returns its model id. */
    public int write(GeneratedModel model, LocalDateTime lastUpdated) throws SQLException {
        int modelId = modelIds.next();
        models.add(new Object[] {
            modelId,
            model.name(),
            model.family(),
            model.type().key(),
            model.size().key(),
            model.parametersMillions(),
            null,
            model.createdAt(),
            1,
            null
        });

        int matrixId = matrixIds.next();
        matrix.add(MatrixTables.MATRIX_ROWS.values(
                null,
                new MatrixRow(
                        matrixId,
                        modelId,
                        new ModelData(
                                model.name(),
                                model.family(),
                                model.type(),
                                model.size(),
                                model.parametersMillions(),
                                null),
                        ScoreRule.derive(model.levels()),
                        lastUpdated)));

        Map<Platform, ClaimRow> claims = new EnumMap<>(Platform.class);
        Map<Platform, List<ReviewRow>> reviewsByCell = new EnumMap<>(Platform.class);
        for (Map.Entry<Platform, GeneratedModel.Claim> entry : model.claims().entrySet()) {
            GeneratedModel.Claim claim = entry.getValue();
            ClaimRow row = new ClaimRow(
                    detailIds.next(),
                    matrixId,
                    entry.getKey(),
                    new ClaimData(
                            claim.level(),
                            claim.limitations(),
                            claim.workarounds(),
                            claim.performanceNotes(),
                            claim.evidenceRun(),
                            claim.frameworkVersion(),
                            claim.device(),
                            claim.batchSize(),
                            Precision.fromKey(claim.precision()).orElseThrow(),
                            false),
                    claim.status(),
                    claim.validatorId(),
                    claim.validationDate(),
                    claim.version(),
                    claim.updatedBy(),
                    claim.updatedAt());
            details.add(MatrixTables.CLAIMS.values(null, row));
            claims.put(entry.getKey(), row);
            reviewsByCell.put(entry.getKey(), writeReviews(row.id(), modelId, entry.getKey(), claim));
        }
        Map<Platform, List<HistoryRow>> historyByCell = new EnumMap<>(Platform.class);
        for (GeneratedModel.Change change : model.history()) {
            HistoryRow row = new HistoryRow(
                    modelId,
                    change.platform(),
                    change.previous(),
                    change.next(),
                    change.reason(),
                    change.date(),
                    change.version(),
                    change.changedBy());
            history.add(MatrixTables.HISTORY.values((long) historyIds.next(), row));
            historyByCell
                    .computeIfAbsent(change.platform(), p -> new ArrayList<>())
                    .add(row);
        }
        for (Platform platform : Platform.values()) {
            for (CellStateRow state : CellTimeline.rebuild(
                    modelId,
                    platform,
                    historyByCell.getOrDefault(platform, List.of()),
                    reviewsByCell.getOrDefault(platform, List.of()),
                    claims.get(platform),
                    model.createdAt())) {
                cellStates.add(MatrixTables.CELL_STATES.values((long) cellStateIds.next(), state));
            }
        }
        for (GeneratedModel.Recommendation rec : model.recommendations()) {
            recommendations.add(new Object[] {
                recommendationIds.next(),
                modelId,
                rec.taskType(),
                rec.batchSize(),
                rec.recommended().key(),
                rec.fallback() == null ? null : rec.fallback().key(),
                rec.reason(),
                (float) rec.performanceRatio(),
                rec.memoryMb(),
                rec.minComputeUnits(),
                rec.generatedAt()
            });
        }
        for (GeneratedModel.Performance row : model.performance()) {
            performance.add(new Object[] {
                (long) performanceIds.next(),
                modelId,
                row.platform().key(),
                row.taskType(),
                row.batchSize(),
                row.precision(),
                row.throughputItemsPerS(),
                row.latencyP50Ms(),
                row.latencyP95Ms(),
                row.memoryMb(),
                row.measuredAt(),
                "demo"
            });
        }
        for (GeneratedModel.AutomatedResult result : model.automatedResults()) {
            automatedResults.add(MatrixTables.AUTOMATED_RESULTS.values(
                    (long) automatedResultIds.next(),
                    new AutomatedResultRow(
                            modelId,
                            result.platform(),
                            result.validatorId(),
                            result.reportedLevel(),
                            result.evidenceRun(),
                            result.frameworkVersion(),
                            result.reportedAt())));
        }
        return modelId;
    }

    private List<ReviewRow> writeReviews(long claimId, int modelId, Platform platform, GeneratedModel.Claim claim)
            throws SQLException {
        List<ReviewRow> written = new ArrayList<>();
        for (GeneratedModel.Review review : claim.reviews()) {
            ReviewRow row = new ReviewRow(
                    claimId,
                    review.claimVersion(),
                    modelId,
                    platform,
                    review.claimLevel(),
                    review.validatorId(),
                    review.reviewer(),
                    review.verificationLevel(),
                    review.decision(),
                    review.resultingStatus(),
                    review.comment(),
                    review.frameworkVersion(),
                    review.reviewedAt());
            reviews.add(MatrixTables.REVIEWS.values((long) reviewIds.next(), row));
            written.add(row);
        }
        return written;
    }

    /** Hands every row written so far to the connection's current transaction; more models may follow. */
    public void flush() throws SQLException {
        for (TableAppender.Rows rows : tables()) {
            rows.flush();
        }
    }

    @Override
    public void close() throws SQLException {
        for (TableAppender.Rows rows : tables()) {
            rows.close();
        }
    }

    private TableAppender.Rows[] tables() {
        return new TableAppender.Rows[] {
            models, matrix, details, history, recommendations, performance, reviews, automatedResults, cellStates
        };
    }

    /** Ids taken from a sequence a block at a time, so the sequence stays ahead of every id written. */
    private final class IdBlock {
        private static final int BLOCK = 4096;
        private final String sequence;
        private int next;
        private int end;

        IdBlock(String sequence) {
            this.sequence = sequence;
        }

        int next() throws SQLException {
            if (next == end) {
                try (var st = connection.createStatement();
                        var rs = st.executeQuery("SELECT min(v), max(v) FROM (SELECT nextval('" + sequence
                                + "') AS v FROM generate_series(1, " + BLOCK + ")) AS block")) {
                    rs.next();
                    next = rs.getInt(1);
                    end = rs.getInt(2) + 1;
                }
            }
            return next++;
        }
    }
}
