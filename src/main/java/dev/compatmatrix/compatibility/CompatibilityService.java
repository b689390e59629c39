package dev.compatmatrix.compatibility;

import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.compatibility.query.AsOfMatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.feedback.query.OpenReportsQuery;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.LevelSinceQuery;
import dev.compatmatrix.matrix.query.SnapshotQuery;
import dev.compatmatrix.matrix.time.InvalidPointInTimeException;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.matrix.time.TimePoints;
import dev.compatmatrix.prediction.query.ShownPredictionsQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the matrix. Every signed-in role may read (VIEWER is in every role). */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class CompatibilityService {

    /** A grid page may not ask for more rows than this. */
    static final int MAX_PAGE_SIZE = 500;

    /** The asOf parameter of the matrix's URL and API. */
    public static final String AS_OF = "asOf";

    private final MatrixQuery matrix;
    private final AsOfMatrixQuery past;
    private final LevelSinceQuery levelSince;
    private final TimePoints timePoints;
    private final SnapshotQuery snapshots;
    private final ModelRepository models;
    private final Clock clock;
    private final ShownPredictionsQuery predictions;
    private final OpenReportsQuery reports;

    public CompatibilityService(
            MatrixQuery matrix,
            AsOfMatrixQuery past,
            LevelSinceQuery levelSince,
            TimePoints timePoints,
            SnapshotQuery snapshots,
            ModelRepository models,
            Clock clock,
            ShownPredictionsQuery predictions,
            OpenReportsQuery reports) {
        this.predictions = predictions;
        this.reports = reports;
        this.matrix = matrix;
        this.past = past;
        this.levelSince = levelSince;
        this.timePoints = timePoints;
        this.snapshots = snapshots;
        this.models = models;
        this.clock = clock;
    }

    /**
     * A page of the live matrix, each claim with since when it has had its level, each cell with the users' open
     * reports that count there.
     */
    public List<MatrixRow> matrixPage(MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        return withReports(withSince(
                matrix.page(filter, sort, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE)), liveSince()));
    }

    /** These models' rows as the matrix shows them (a live change reads the rows it touched again). */
    public List<MatrixRow> matrixRows(Collection<Integer> modelIds) {
        return withReports(withSince(matrix.rows(List.copyOf(modelIds)), liveSince()));
    }

    /** One read for the rows shown: the open reports on their cells (of now only: the past matrix has none). */
    private List<MatrixRow> withReports(List<MatrixRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var counted = reports.forModels(rows.stream().map(MatrixRow::modelId).toList());
        return rows.stream()
                .map(row -> row.withReports(counted.getOrDefault(row.modelId(), java.util.Map.of())))
                .toList();
    }

    /**
     * {@link #matrixPage} with each untested cell's shown prediction ("Show predictions" on): one more read for the
     * page's models. Predictions are of now only: the matrix as of a past point has none.
     */
    public List<MatrixRow> matrixPageWithPredictions(MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        return withPredictions(matrixPage(filter, sort, offset, limit));
    }

    /** {@link #matrixRows} with their shown predictions (a live change while "Show predictions" is on). */
    public List<MatrixRow> matrixRowsWithPredictions(Collection<Integer> modelIds) {
        return withPredictions(matrixRows(modelIds));
    }

    private List<MatrixRow> withPredictions(List<MatrixRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var shown = predictions.forModels(rows.stream().map(MatrixRow::modelId).toList());
        return rows.stream()
                .map(row -> row.withPredictions(shown.getOrDefault(row.modelId(), java.util.Map.of())))
                .toList();
    }

    /**
     * The point in time an asOf text names (a YYYY-MM-DD day or a snapshot's name), or empty for the live matrix: no
     * text, or today. Refused with {@link InvalidPointInTimeException} naming {@value #AS_OF} and what was wrong.
     */
    public Optional<PointInTime> matrixPointInTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        PointInTime point = timePoints.resolve(AS_OF, text);
        return past.includesNow(point) ? Optional.empty() : Optional.of(point);
    }

    /** What the matrix's "As of" control offers: the days from the recorded history's first to today, the snapshots. */
    public record AsOfChoices(LocalDate firstDay, LocalDate today, List<String> snapshots) {}

    public AsOfChoices matrixAsOfChoices() {
        LocalDate today = LocalDate.parse(timePoints.today().text());
        return new AsOfChoices(
                timePoints.historyStart().map(LocalDateTime::toLocalDate).orElse(today),
                today,
                snapshots.all().stream().map(SnapshotQuery.Snapshot::name).toList());
    }

    /** A page of the matrix as it was at {@code point}, each claim with since when it had its level then. */
    public List<MatrixRow> matrixPageAsOf(
            PointInTime point, MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        return withSince(
                past.page(point, filter, sort, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE)),
                point.before());
    }

    public long matrixCountAsOf(PointInTime point, MatrixFilter filter) {
        return past.count(point, filter);
    }

    /** One read for the rows shown: since when each of their claims has had its level, just before {@code before}. */
    private List<MatrixRow> withSince(List<MatrixRow> rows, LocalDateTime before) {
        if (rows.isEmpty()) {
            return rows;
        }
        var since = levelSince.of(rows.stream().map(MatrixRow::modelId).toList(), before);
        return rows.stream()
                .map(row -> row.withSince(since.getOrDefault(row.modelId(), java.util.Map.of())))
                .toList();
    }

    /** "Since" of the present claims: every history row up to now. */
    private LocalDateTime liveSince() {
        return LocalDateTime.now(clock).plusDays(1);
    }

    public long matrixCount(MatrixFilter filter) {
        return matrix.count(filter);
    }

    public List<String> families() {
        return models.families();
    }
}
