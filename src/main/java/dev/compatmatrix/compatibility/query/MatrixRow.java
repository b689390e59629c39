package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.feedback.query.OpenReportsQuery.CellReports;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.LevelSinceQuery.LevelSince;
import dev.compatmatrix.prediction.CellPrediction;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One row of the matrix: a model, its derived columns and its claim per platform (absent = not tested);
 * {@code lastUpdated} (UTC) is when any of them last changed; {@code since}: per platform, since when its claim has had
 * its level (read for the rows a page shows, empty otherwise); {@code predictions}: per untested platform, the shown
 * prediction when the screen asked for them (empty otherwise) — never a claim, never in {@code cells};
 * {@code reports}: per platform, the users' open reports that count there (OpenReportsQuery; read for the live matrix's
 * pages, empty otherwise) — never a claim either.
 */
public record MatrixRow(
        int modelId,
        String name,
        String family,
        String type,
        String size,
        Double parametersMillions,
        double score,
        Platform recommended,
        LocalDateTime lastUpdated,
        Map<Platform, Cell> cells,
        Map<Platform, LevelSince> since,
        Map<Platform, CellPrediction> predictions,
        Map<Platform, CellReports> reports) {

    public MatrixRow withCells(Map<Platform, Cell> claims) {
        return with(Map.copyOf(claims), since, predictions, reports);
    }

    /** The row with since when each claim has had its level. */
    public MatrixRow withSince(Map<Platform, LevelSince> levelSince) {
        return with(cells, Map.copyOf(levelSince), predictions, reports);
    }

    /** The row with the shown predictions of its untested platforms. */
    public MatrixRow withPredictions(Map<Platform, CellPrediction> shown) {
        return with(cells, since, Map.copyOf(shown), reports);
    }

    /** The row with the users' open reports that count on its cells. */
    public MatrixRow withReports(Map<Platform, CellReports> counted) {
        return with(cells, since, predictions, Map.copyOf(counted));
    }

    private MatrixRow with(
            Map<Platform, Cell> claims,
            Map<Platform, LevelSince> levelSince,
            Map<Platform, CellPrediction> shown,
            Map<Platform, CellReports> counted) {
        return new MatrixRow(
                modelId,
                name,
                family,
                type,
                size,
                parametersMillions,
                score,
                recommended,
                lastUpdated,
                claims,
                levelSince,
                shown,
                counted);
    }

    /** What users' open reports say on a platform's cell (none: {@link CellReports#NONE}). */
    public CellReports reports(Platform platform) {
        return reports.getOrDefault(platform, CellReports.NONE);
    }

    public Cell cell(Platform platform) {
        return cells.get(platform);
    }

    /** The prediction shown for an untested platform, or null (a platform with a claim never has one). */
    public CellPrediction prediction(Platform platform) {
        return cells.containsKey(platform) ? null : predictions.get(platform);
    }

    /**
     * A platform's claim as the matrix shows it; {@code stale}: its validation is out of date;
     * {@code disputed}: the newest automated result for the cell reports another level.
     */
    public record Cell(CompatibilityLevel level, ValidationStatus status, boolean stale, boolean disputed) {}

    // Grid rows compare by id, so selection and refresh survive a reload of the page.
    @Override
    public boolean equals(Object o) {
        return o instanceof MatrixRow other && other.modelId == modelId;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(modelId);
    }
}
