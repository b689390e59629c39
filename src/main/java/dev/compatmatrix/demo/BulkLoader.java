package dev.compatmatrix.demo;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes generated models through DuckDB appenders (hundreds of thousands of rows per second), deriving
 * each model's booleans, score and recommended platform with {@link ScoreRule}, as the service layer does.
 * Ids are reserved from the tables' sequences first, so later inserts by the application continue them.
 * The caller owns the connection and its transaction; call {@link #close()} before committing.
 */
public final class BulkLoader implements AutoCloseable {

    private final Connection connection;
    private final DuckDBAppender models;
    private final DuckDBAppender matrix;
    private final DuckDBAppender details;
    private final DuckDBAppender history;
    private final DuckDBAppender recommendations;
    private final DuckDBAppender performance;
    private final DuckDBAppender reviews;
    private final DuckDBAppender automatedResults;
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
        matrix = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cross_platform_compatibility");
        details = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "compatibility_details");
        history = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "compatibility_history");
        recommendations = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "hardware_recommendations");
        performance = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "performance_results");
        reviews = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "validation_reviews");
        automatedResults = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "automated_results");
        // duckdb_jdbc 2.0.0.1: after the first flush (2,048 rows) an appender reuses its chunk and writes
        // short inlined strings without clearing stale bytes, so CHECK constraints fail from row 4,096 on.
        for (DuckDBAppender appender : all()) {
            appender.setWriteInlinedStrings(false);
        }
    }

    private DuckDBAppender[] all() {
        return new DuckDBAppender[] {models, matrix, details, history, recommendations, performance, reviews,
                automatedResults};
    }

    /** Appends one model with everything that belongs to it; returns its model id. */
    public int write(GeneratedModel model, LocalDateTime lastUpdated) throws SQLException {
        int modelId = modelIds.next();
        models.beginRow().append(modelId).append(model.name()).append(model.family()).append(model.type().key())
                .append(model.size().key()).append(model.parametersMillions()).appendNull()
                .append(model.createdAt())
                .append(1).appendNull() // V0004: row_version, deleted_at
                .endRow();

        int matrixId = matrixIds.next();
        ScoreRule.Derived derived = ScoreRule.derive(model.levels());
        matrix.beginRow().append(matrixId).append(modelId).append(model.type().key()).append(model.size().key());
        // The seed's column order: cuda, rocm, mps, openvino, qualcomm, webnn, webgpu, cpu.
        for (Platform p : new Platform[] {Platform.CUDA, Platform.ROCM, Platform.MPS, Platform.OPENVINO,
                Platform.QUALCOMM, Platform.WEBNN, Platform.WEBGPU, Platform.CPU}) {
            matrix.append(derived.supports(p));
        }
        if (derived.recommended() == null) {
            matrix.appendNull();
        } else {
            matrix.append(derived.recommended().key());
        }
        matrix.append((float) derived.score()).append(lastUpdated);
        for (Platform p : Platform.values()) { // V0009's column order
            Integer rank = derived.levelRank(p);
            if (rank == null) {
                matrix.appendNull();
            } else {
                matrix.append(rank.byteValue());
            }
        }
        matrix.endRow();

        for (Map.Entry<Platform, GeneratedModel.Claim> entry : model.claims().entrySet()) {
            GeneratedModel.Claim claim = entry.getValue();
            int claimId = detailIds.next();
            details.beginRow().append(claimId).append(matrixId).append(entry.getKey().key())
                    .append(claim.level().key());
            appendNullable(details, claim.limitations());
            appendNullable(details, claim.workarounds());
            appendNullable(details, claim.performanceNotes());
            details.append(claim.status().key()).append(claim.validatorId());
            if (claim.validationDate() == null) {
                details.appendNull();
            } else {
                details.append(claim.validationDate());
            }
            // V0003: row_version, evidence (run, version, device, batch, precision, simulated), updated_by/at.
            details.append(claim.version()).append(claim.evidenceRun()).append(claim.frameworkVersion())
                    .append(claim.device()).append(claim.batchSize()).append(claim.precision()).append(false);
            appendNullable(details, claim.updatedBy());
            details.append(claim.updatedAt());
            details.endRow();
            writeReviews(claimId, modelId, entry.getKey(), claim);
        }
        for (GeneratedModel.Change change : model.history()) {
            history.beginRow().append(historyIds.next()).append(modelId).append(change.platform().key());
            appendNullable(history, change.previous() == null ? null : change.previous().key());
            appendNullable(history, change.next() == null ? null : change.next().key());
            history.append(change.reason()).append(change.date()).append(change.version())
                    .append(change.changedBy()) // V0003: changed_by
                    .endRow();
        }
        for (GeneratedModel.Recommendation rec : model.recommendations()) {
            recommendations.beginRow().append(recommendationIds.next()).append(modelId).append(rec.taskType())
                    .append(rec.batchSize()).append(rec.recommended().key());
            appendNullable(recommendations, rec.fallback() == null ? null : rec.fallback().key());
            recommendations.append(rec.reason()).append((float) rec.performanceRatio()).append(rec.memoryMb())
                    .append(rec.minComputeUnits()).append(rec.generatedAt()).endRow();
        }
        // V0007's column order; generated measurements are all the demo's own.
        for (GeneratedModel.Performance row : model.performance()) {
            performance.beginRow().append((long) performanceIds.next()).append(modelId).append(row.platform().key())
                    .append(row.taskType()).append(row.batchSize()).append(row.precision())
                    .append(row.throughputItemsPerS()).append(row.latencyP50Ms()).append(row.latencyP95Ms())
                    .append(row.memoryMb()).append(row.measuredAt()).append("demo").endRow();
        }
        // V0006's column order.
        for (GeneratedModel.AutomatedResult result : model.automatedResults()) {
            automatedResults.beginRow().append((long) automatedResultIds.next()).append(modelId)
                    .append(result.platform().key()).append(result.validatorId()).append(result.reportedLevel().key())
                    .append(result.evidenceRun()).append(result.frameworkVersion()).append(result.reportedAt())
                    .endRow();
        }
        return modelId;
    }

    /** V0005's column order. */
    private void writeReviews(int claimId, int modelId, Platform platform, GeneratedModel.Claim claim)
            throws SQLException {
        for (GeneratedModel.Review review : claim.reviews()) {
            reviews.beginRow().append((long) reviewIds.next()).append((long) claimId).append(review.claimVersion())
                    .append(modelId).append(platform.key()).append(review.claimLevel().key())
                    .append(review.validatorId()).append(review.reviewer()).append(review.verificationLevel())
                    .append(review.decision().key()).append(review.resultingStatus().key());
            appendNullable(reviews, review.comment());
            reviews.append(review.frameworkVersion()).append(review.reviewedAt()).endRow();
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
