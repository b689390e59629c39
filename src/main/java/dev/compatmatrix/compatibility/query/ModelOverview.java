package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ValidationStatus;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.recommendation.query.RecommendationRow;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Everything the model page shows, read in one service call. */
public record ModelOverview(Header header, Map<Platform, ClaimRow> claims, List<RecommendationRow> recommendations,
                            List<HistoryRow> history) {

    /** The model and its derived columns. */
    public record Header(int modelId, String name, String family, String type, String size,
                         Double parametersMillions, String sourceUrl, double score, Platform recommended,
                         LocalDateTime lastUpdated) {
    }

    /** The seed's "detailed compatibility information" for one platform. */
    public record ClaimRow(Platform platform, CompatibilityLevel level, String limitations, String workarounds,
                           String performanceNotes, ValidationStatus status, String validator,
                           LocalDateTime validationDate) {
    }
}
