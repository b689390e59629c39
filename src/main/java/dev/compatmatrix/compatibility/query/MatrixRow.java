package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.LevelSinceQuery.LevelSince;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One row of the matrix: a model, its derived columns and its claim per platform (absent = not tested);
 * {@code lastUpdated} (UTC) is when any of them last changed; {@code since}: per platform, since when its claim has had
 * its level (read for the rows a page shows, empty otherwise).
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
        Map<Platform, LevelSince> since) {

    /** A row without "since" dates. */
    public MatrixRow(
            int modelId,
            String name,
            String family,
            String type,
            String size,
            Double parametersMillions,
            double score,
            Platform recommended,
            LocalDateTime lastUpdated,
            Map<Platform, Cell> cells) {
        this(modelId, name, family, type, size, parametersMillions, score, recommended, lastUpdated, cells, Map.of());
    }

    public MatrixRow withCells(Map<Platform, Cell> claims) {
        return with(Map.copyOf(claims), since);
    }

    /** The row with since when each claim has had its level. */
    public MatrixRow withSince(Map<Platform, LevelSince> levelSince) {
        return with(cells, Map.copyOf(levelSince));
    }

    private MatrixRow with(Map<Platform, Cell> claims, Map<Platform, LevelSince> levelSince) {
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
                levelSince);
    }

    public Cell cell(Platform platform) {
        return cells.get(platform);
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
