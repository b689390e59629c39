package dev.compatmatrix.demo.store;

import dev.compatmatrix.base.db.TableAppender;
import dev.compatmatrix.demo.GeneratedModel;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.store.MatrixTables;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixTables.ClaimRow;
import dev.compatmatrix.matrix.store.MatrixTables.HistoryRow;
import dev.compatmatrix.matrix.store.MatrixTables.MatrixRow;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes generated models through DuckDB appenders (hundreds of thousands of rows per second), deriving
 * each model's booleans, score and recommended platform with {@link ScoreRule}, as the service layer does. The
 * matrix's tables take their rows in {@link MatrixTables}' column lists, as the writer's.
 * Ids are reserved from the tables' sequences first, so later inserts by the application continue them.
 * The caller owns the connection and its transaction; call {@link #close()} before committing.
 */
public final class BulkLoader implements AutoCloseable {

    private final Connection connection;
    private final DuckDBAppender models;
    private final TableAppender.Rows matrix;
    private final TableAppender.Rows details;
    private final TableAppender.Rows history;
    private final DuckDBAppender recommendations;
    private final DuckDBAppender performance;
    private final TableAppender.Rows reviews;
    private final TableAppender.Rows automatedResults;
    private final IdBlock modelIds = new IdBlock("models_seq");
    private final IdBlock matrixIds = new IdBlock("cross_platform_compatibility_seq");
    private final IdBlock detailIds = new IdBlock("compatibility_details_seq");
    private final IdBlock historyIds = new IdBlock("compatibility_history_seq");
    private final IdBlock recommendationIds = new IdBlock("hardware_recommendations_seq");
    private final IdBlock performanceIds = new IdBlock("performance_results_seq");
    private final IdBlock reviewIds = new IdBlock("validation_reviews_seq");
    private final IdBlock automatedResultIds = new IdBlock("automated_results_seq");

    public BulkLoader(Connection connection) throws SQLException {
        this.connection = connection;
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        models = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "models");
        matrix = rows(MatrixTables.MATRIX_ROWS);
        details = rows(MatrixTables.CLAIMS);
        history = rows(MatrixTables.HISTORY);
        recommendations = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "hardware_recommendations");
        performance = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "performance_results");
        reviews = rows(MatrixTables.REVIEWS);
        automatedResults = rows(MatrixTables.AUTOMATED_RESULTS);
        // duckdb_jdbc 2.0.0.1: after the first flush (2,048 rows) an appender reuses its chunk and writes
        // short inlined strings without clearing stale bytes, so CHECK constraints fail from row 4,096 on.
        for (DuckDBAppender appender : all()) {
            appender.setWriteInlinedStrings(false);
        }
    }

    private TableAppender.Rows rows(MatrixTables.Table<?> table) throws SQLException {
        return TableAppender.Rows.open(connection, table.name(), table.columnNames());
    }

    private DuckDBAppender[] all() {
        return new DuckDBAppender[] {models, recommendations, performance};
    }

    /** Appends one model with everything that belongs to it; returns its model id. */
    public int write(GeneratedModel model, LocalDateTime lastUpdated) throws SQLException {
        int modelId = modelIds.next();
        models.beginRow()
                .append(modelId)
                .append(model.name())
                .append(model.family())
                .append(model.type().key())
                .append(model.size().key())
                .append(model.parametersMillions())
                .appendNull()
                .append(model.createdAt())
                .append(1)
                .appendNull() // V0004: row_version, deleted_at
                .endRow();

        int matrixId = matrixIds.next();
        matrix.add(MatrixTables.MATRIX_ROWS.values(
                null,
                new MatrixRow(
                        matrixId,
                        modelId,
                        model.type().key(),
                        model.size().key(),
                        ScoreRule.derive(model.levels()),
                        lastUpdated)));

        for (Map.Entry<Platform, GeneratedModel.Claim> entry : model.claims().entrySet()) {
            GeneratedModel.Claim claim = entry.getValue();
            int claimId = detailIds.next();
            details.add(MatrixTables.CLAIMS.values(
                    null,
                    new ClaimRow(
                            claimId,
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
                            claim.updatedAt())));
            writeReviews(claimId, modelId, entry.getKey(), claim);
        }
        for (GeneratedModel.Change change : model.history()) {
            history.add(MatrixTables.HISTORY.values(
                    (long) historyIds.next(),
                    new HistoryRow(
                            modelId,
                            change.platform(),
                            change.previous(),
                            change.next(),
                            change.reason(),
                            change.date(),
                            change.version(),
                            change.changedBy())));
        }
        for (GeneratedModel.Recommendation rec : model.recommendations()) {
            recommendations
                    .beginRow()
                    .append(recommendationIds.next())
                    .append(modelId)
                    .append(rec.taskType())
                    .append(rec.batchSize())
                    .append(rec.recommended().key());
            appendNullable(
                    recommendations,
                    rec.fallback() == null ? null : rec.fallback().key());
            recommendations
                    .append(rec.reason())
                    .append((float) rec.performanceRatio())
                    .append(rec.memoryMb())
                    .append(rec.minComputeUnits())
                    .append(rec.generatedAt())
                    .endRow();
        }
        // V0007's column order; generated measurements are all the demo's own.
        for (GeneratedModel.Performance row : model.performance()) {
            performance
                    .beginRow()
                    .append((long) performanceIds.next())
                    .append(modelId)
                    .append(row.platform().key())
                    .append(row.taskType())
                    .append(row.batchSize())
                    .append(row.precision())
                    .append(row.throughputItemsPerS())
                    .append(row.latencyP50Ms())
                    .append(row.latencyP95Ms())
                    .append(row.memoryMb())
                    .append(row.measuredAt())
                    .append("demo")
                    .endRow();
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

    private void writeReviews(int claimId, int modelId, Platform platform, GeneratedModel.Claim claim)
            throws SQLException {
        for (GeneratedModel.Review review : claim.reviews()) {
            reviews.add(MatrixTables.REVIEWS.values(
                    (long) reviewIds.next(),
                    new ReviewRow(
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
                            review.reviewedAt())));
        }
    }

    private static void appendNullable(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    @Override
    public void close() throws SQLException {
        for (TableAppender.Rows rows : new TableAppender.Rows[] {matrix, details, history, reviews, automatedResults}) {
            rows.close();
        }
        for (DuckDBAppender appender : all()) {
            // An explicit flush reports constraint violations; close() alone may drop the last rows silently.
            appender.flush();
            appender.close();
        }
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
                                + "') AS v FROM range(" + BLOCK + "))")) {
                    rs.next();
                    next = rs.getInt(1);
                    end = rs.getInt(2) + 1;
                }
            }
            return next++;
        }
    }
}
