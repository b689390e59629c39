package dev.compatmatrix.matrix.store;

import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.ValidationStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The matrix's tables as rows are appended to them, by the writer and by the bulk loader alike: each table's
 * columns once, in the table's order (the appender checks them against the schema), each with the value it takes
 * from the table's row record. A table whose ids come from its sequence when appended has no id in its record.
 */
public final class MatrixTables {

    private MatrixTables() {}

    /** A column and its SQL type, and how a row record gives its value. */
    public record Column<R>(String name, String sqlType, Function<R, ?> value) {}

    /** A table's name, the sequence of its ids, and its columns; {@code drawsIds}: the id is not in the record. */
    public static final class Table<R> {
        private final String name;
        private final String sequence;
        private final boolean drawsIds;
        private final List<Column<R>> columns = new ArrayList<>();

        private Table(String name, String sequence, boolean drawsIds) {
            this.name = name;
            this.sequence = sequence;
            this.drawsIds = drawsIds;
        }

        private Table<R> col(String column, String sqlType, Function<R, ?> value) {
            columns.add(new Column<>(column, sqlType, value));
            return this;
        }

        public String name() {
            return name;
        }

        public String sequence() {
            return sequence;
        }

        public boolean drawsIds() {
            return drawsIds;
        }

        /** The column names in the table's order, the drawn id first when the table draws it. */
        public List<String> columnNames() {
            List<String> names = new ArrayList<>();
            if (drawsIds) {
                names.add("id");
            }
            columns.forEach(c -> names.add(c.name()));
            return names;
        }

        /** The named columns, for statements that write only some of them. */
        public List<Column<R>> columns(String... names) {
            return java.util.Arrays.stream(names)
                    .map(n -> columns.stream()
                            .filter(c -> c.name().equals(n))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + n)))
                    .toList();
        }

        /** A row's values of the given columns, in their order (for statements that write only some columns). */
        @SafeVarargs
        public final Object[] values(R row, List<Column<R>>... columnLists) {
            List<Object> values = new ArrayList<>();
            for (List<Column<R>> list : columnLists) {
                list.forEach(c -> values.add(c.value().apply(row)));
            }
            return values.toArray();
        }

        /** A row's values in column order; {@code id} is the drawn id (ignored when the record holds its own). */
        public Object[] values(Long id, R row) {
            List<Object> values = new ArrayList<>();
            if (drawsIds) {
                values.add(id);
            }
            columns.forEach(c -> values.add(c.value().apply(row)));
            return values.toArray();
        }
    }

    /** A {@code compatibility_details} row: a claim. */
    public record ClaimRow(
            long id,
            int compatibilityId,
            Platform platform,
            ClaimData data,
            ValidationStatus status,
            Integer validatorId,
            LocalDateTime validationDate,
            int version,
            String updatedBy,
            LocalDateTime updatedAt) {}

    /** A {@code compatibility_history} row: a level change ({@code previous} null: created, {@code next} null: removed). */
    public record HistoryRow(
            int modelId,
            Platform platform,
            CompatibilityLevel previous,
            CompatibilityLevel next,
            String reason,
            LocalDateTime date,
            String version,
            String changedBy,
            Long reportId) {

        /** A change not accepted from a user's report. */
        public HistoryRow(
                int modelId,
                Platform platform,
                CompatibilityLevel previous,
                CompatibilityLevel next,
                String reason,
                LocalDateTime date,
                String version,
                String changedBy) {
            this(modelId, platform, previous, next, reason, date, version, changedBy, null);
        }
    }

    /**
     * A {@code cross_platform_compatibility} row: a model's matrix row with what {@link ScoreRule} derived, and the
     * model's own columns the matrix sorts and filters by (V0023: pages read their ids from this table alone).
     */
    public record MatrixRow(
            int id, int modelId, ModelData model, ScoreRule.Derived derived, LocalDateTime lastUpdated) {}

    /** A {@code validation_reviews} row: an approval or rejection of one claim version. */
    public record ReviewRow(
            long claimId,
            int claimVersion,
            int modelId,
            Platform platform,
            CompatibilityLevel claimLevel,
            int validatorId,
            String reviewer,
            int verificationLevel,
            Review.Decision decision,
            ValidationStatus resultingStatus,
            String comment,
            String frameworkVersion,
            LocalDateTime reviewedAt) {}

    /** An {@code automated_results} row: what a pipeline or test harness reported for a cell. */
    public record AutomatedResultRow(
            int modelId,
            Platform platform,
            int validatorId,
            CompatibilityLevel reportedLevel,
            String evidenceRun,
            String frameworkVersion,
            LocalDateTime reportedAt) {}

    /** A {@code dispute_resolutions} row: how a validator answered an automated result that disagreed. */
    public record ResolutionRow(
            long claimId,
            int claimVersion,
            int modelId,
            Platform platform,
            long automatedResultId,
            DisputeDecision decision,
            CompatibilityLevel keptLevel,
            int validatorId,
            String resolver,
            int verificationLevel,
            String comment,
            LocalDateTime resolvedAt) {}

    /** A {@code validation_objections} row: a rejection kept for a validator of {@code needsLevel}. */
    public record ObjectionRow(long reviewId, long claimId, int claimVersion, int needsLevel) {}

    /**
     * A {@code cell_states} row (V0017): one state of a cell's claim from {@code from} until {@code to} (null: the
     * present state).
     */
    public record CellStateRow(
            int modelId,
            Platform platform,
            LocalDateTime from,
            LocalDateTime to,
            CompatibilityLevel level,
            ValidationStatus status,
            Integer validatorId,
            LocalDateTime validationDate,
            String frameworkVersion,
            boolean versionChanged) {}

    /** A {@code matrix_events} row (V0013): one committed change of a cell or a model, in its transaction's change. */
    public record EventRow(long id, long changeId, MatrixEvents.Event event) {}

    public static final Table<ClaimRow> CLAIMS = new Table<ClaimRow>(
                    "compatibility_details", "compatibility_details_seq", false)
            .col("id", "BIGINT", ClaimRow::id)
            .col("compatibility_id", "INTEGER", ClaimRow::compatibilityId)
            .col("hardware_type", "VARCHAR", r -> r.platform().key())
            .col("compatibility_level", "VARCHAR", r -> r.data().level().key())
            .col("limitations", "VARCHAR", r -> r.data().limitations())
            .col("workarounds", "VARCHAR", r -> r.data().workarounds())
            .col("performance_notes", "VARCHAR", r -> r.data().performanceNotes())
            .col("validation_status", "VARCHAR", r -> r.status().key())
            .col("validator_id", "INTEGER", ClaimRow::validatorId)
            .col("validation_date", "TIMESTAMP", ClaimRow::validationDate)
            .col("row_version", "INTEGER", ClaimRow::version)
            .col("evidence_run", "VARCHAR", r -> r.data().evidenceRun())
            .col("framework_version", "VARCHAR", r -> r.data().frameworkVersion())
            .col("device", "VARCHAR", r -> r.data().device())
            .col("batch_size", "INTEGER", r -> r.data().batchSize())
            .col(
                    "precision",
                    "VARCHAR",
                    r -> r.data().precision() == null
                            ? null
                            : r.data().precision().key())
            .col("simulated", "BOOLEAN", r -> r.data().simulated())
            .col("updated_by", "VARCHAR", ClaimRow::updatedBy)
            .col("updated_at", "TIMESTAMP", ClaimRow::updatedAt);

    public static final Table<HistoryRow> HISTORY = new Table<HistoryRow>(
                    "compatibility_history", "compatibility_history_seq", true)
            .col("model_id", "INTEGER", HistoryRow::modelId)
            .col("hardware_type", "VARCHAR", r -> r.platform().key())
            .col(
                    "previous_status",
                    "VARCHAR",
                    r -> r.previous() == null ? null : r.previous().key())
            .col(
                    "new_status",
                    "VARCHAR",
                    r -> r.next() == null ? null : r.next().key())
            .col("change_reason", "VARCHAR", HistoryRow::reason)
            .col("change_date", "TIMESTAMP", HistoryRow::date)
            .col("change_version", "VARCHAR", HistoryRow::version)
            .col("changed_by", "VARCHAR", HistoryRow::changedBy)
            .col("report_id", "BIGINT", HistoryRow::reportId);

    public static final Table<MatrixRow> MATRIX_ROWS = matrixRows();

    private static Table<MatrixRow> matrixRows() {
        Table<MatrixRow> table = new Table<MatrixRow>(
                        "cross_platform_compatibility", "cross_platform_compatibility_seq", false)
                .col("id", "INTEGER", MatrixRow::id)
                .col("model_id", "INTEGER", MatrixRow::modelId)
                .col("model_type", "VARCHAR", r -> r.model().type().key())
                .col("model_size", "VARCHAR", r -> r.model().size().key());
        // The seed's order of the support columns.
        for (Platform p : List.of(
                Platform.CUDA,
                Platform.ROCM,
                Platform.MPS,
                Platform.OPENVINO,
                Platform.QUALCOMM,
                Platform.WEBNN,
                Platform.WEBGPU,
                Platform.CPU)) {
            table.col(p.key() + "_support", "BOOLEAN", r -> r.derived().supports(p));
        }
        table.col(
                        "recommended_platform",
                        "VARCHAR",
                        r -> r.derived().recommended() == null
                                ? null
                                : r.derived().recommended().key())
                .col("compatibility_score", "FLOAT", r -> r.derived().score())
                .col("last_updated", "TIMESTAMP", MatrixRow::lastUpdated);
        for (Platform p : Platform.values()) { // V0009's order of the level ranks
            table.col(p.key() + "_level_rank", "TINYINT", r -> r.derived().levelRank(p));
        }
        return table.col("model_name", "VARCHAR", r -> r.model().name()) // V0023's sort keys
                .col("model_family", "VARCHAR", r -> r.model().family())
                .col("parameters_millions", "DOUBLE", r -> r.model().parametersMillions())
                .col("model_size_rank", "TINYINT", r -> r.model().size().rank());
    }

    public static final Table<ReviewRow> REVIEWS = new Table<ReviewRow>(
                    "validation_reviews", "validation_reviews_seq", true)
            .col("claim_id", "BIGINT", ReviewRow::claimId)
            .col("claim_version", "INTEGER", ReviewRow::claimVersion)
            .col("model_id", "INTEGER", ReviewRow::modelId)
            .col("hardware_type", "VARCHAR", r -> r.platform().key())
            .col("claim_level", "VARCHAR", r -> r.claimLevel().key())
            .col("validator_id", "INTEGER", ReviewRow::validatorId)
            .col("reviewer", "VARCHAR", ReviewRow::reviewer)
            .col("verification_level", "INTEGER", ReviewRow::verificationLevel)
            .col("decision", "VARCHAR", r -> r.decision().key())
            .col("resulting_status", "VARCHAR", r -> r.resultingStatus().key())
            .col("comment", "VARCHAR", ReviewRow::comment)
            .col("framework_version", "VARCHAR", ReviewRow::frameworkVersion)
            .col("reviewed_at", "TIMESTAMP", ReviewRow::reviewedAt);

    public static final Table<AutomatedResultRow> AUTOMATED_RESULTS = new Table<AutomatedResultRow>(
                    "automated_results", "automated_results_seq", true)
            .col("model_id", "INTEGER", AutomatedResultRow::modelId)
            .col("hardware_type", "VARCHAR", r -> r.platform().key())
            .col("validator_id", "INTEGER", AutomatedResultRow::validatorId)
            .col("reported_level", "VARCHAR", r -> r.reportedLevel().key())
            .col("evidence_run", "VARCHAR", AutomatedResultRow::evidenceRun)
            .col("framework_version", "VARCHAR", AutomatedResultRow::frameworkVersion)
            .col("reported_at", "TIMESTAMP", AutomatedResultRow::reportedAt);

    public static final Table<ResolutionRow> RESOLUTIONS = new Table<ResolutionRow>(
                    "dispute_resolutions", "dispute_resolutions_seq", true)
            .col("claim_id", "BIGINT", ResolutionRow::claimId)
            .col("claim_version", "INTEGER", ResolutionRow::claimVersion)
            .col("model_id", "INTEGER", ResolutionRow::modelId)
            .col("hardware_type", "VARCHAR", r -> r.platform().key())
            .col("automated_result_id", "BIGINT", ResolutionRow::automatedResultId)
            .col("decision", "VARCHAR", r -> r.decision().key())
            .col("kept_level", "VARCHAR", r -> r.keptLevel().key())
            .col("validator_id", "INTEGER", ResolutionRow::validatorId)
            .col("resolver", "VARCHAR", ResolutionRow::resolver)
            .col("verification_level", "INTEGER", ResolutionRow::verificationLevel)
            .col("comment", "VARCHAR", ResolutionRow::comment)
            .col("resolved_at", "TIMESTAMP", ResolutionRow::resolvedAt);

    public static final Table<ObjectionRow> OBJECTIONS = new Table<ObjectionRow>("validation_objections", null, false)
            .col("review_id", "BIGINT", ObjectionRow::reviewId)
            .col("claim_id", "BIGINT", ObjectionRow::claimId)
            .col("claim_version", "INTEGER", ObjectionRow::claimVersion)
            .col("needs_level", "INTEGER", ObjectionRow::needsLevel);

    public static final Table<EventRow> EVENTS = new Table<EventRow>("matrix_events", "matrix_events_seq", false)
            .col("id", "BIGINT", EventRow::id)
            .col("change_id", "BIGINT", EventRow::changeId)
            .col("occurred_at", "TIMESTAMP", r -> r.event().at())
            .col("kind", "VARCHAR", r -> r.event().kind().key())
            .col("model_id", "INTEGER", r -> r.event().modelId())
            .col(
                    "hardware_type",
                    "VARCHAR",
                    r -> r.event().platform() == null
                            ? null
                            : r.event().platform().key())
            .col(
                    "previous_level",
                    "VARCHAR",
                    r -> r.event().previous() == null
                            ? null
                            : r.event().previous().key())
            .col(
                    "new_level",
                    "VARCHAR",
                    r -> r.event().next() == null ? null : r.event().next().key())
            .col("detail", "VARCHAR", r -> r.event().detail())
            .col("actor", "VARCHAR", r -> r.event().actor())
            .col("fanned_out", "BOOLEAN", r -> false);

    public static final Table<CellStateRow> CELL_STATES = new Table<CellStateRow>(
                    "cell_states", "cell_states_seq", true)
            .col("model_id", "INTEGER", CellStateRow::modelId)
            .col("hardware_type", "VARCHAR", r -> r.platform().key())
            .col("valid_from", "TIMESTAMP", CellStateRow::from)
            .col("valid_to", "TIMESTAMP", CellStateRow::to)
            .col("compatibility_level", "VARCHAR", r -> r.level().key())
            .col("validation_status", "VARCHAR", r -> r.status().key())
            .col("validator_id", "INTEGER", CellStateRow::validatorId)
            .col("validation_date", "TIMESTAMP", CellStateRow::validationDate)
            .col("framework_version", "VARCHAR", CellStateRow::frameworkVersion)
            .col("version_changed", "BOOLEAN", CellStateRow::versionChanged);
}
