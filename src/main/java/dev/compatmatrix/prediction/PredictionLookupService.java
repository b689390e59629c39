package dev.compatmatrix.prediction;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.query.AdoptedRunQuery;
import dev.compatmatrix.prediction.query.ModelIdQuery;
import dev.compatmatrix.prediction.query.ShownPredictionsQuery;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shown predictions ({@link ShownPredictionsQuery}: the one rule of which are shown) with their platforms'
 * evaluation figures, for the predictions API: one model's, or a page of all. Every signed-in user (and read token)
 * may read them.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class PredictionLookupService {

    /** A page may not ask for more predictions than this. */
    static final int MAX_PAGE_SIZE = 500;

    private final ModelIdQuery models;
    private final ShownPredictionsQuery shown;
    private final AdoptedRunQuery runs;

    public PredictionLookupService(ModelIdQuery models, ShownPredictionsQuery shown, AdoptedRunQuery runs) {
        this.models = models;
        this.shown = shown;
        this.runs = runs;
    }

    /**
     * The shown predictions of the model named, in platform order, on {@code platform} only unless it is null; empty
     * when no model (not deleted) has that name.
     */
    public Optional<List<ShownPrediction>> predictionsOf(String modelName, Platform platform) {
        Optional<Integer> modelId = models.byName(modelName);
        if (modelId.isEmpty()) {
            return Optional.empty();
        }
        Map<Platform, PlatformEvaluation> figures = figures();
        return Optional.of(
                shown.forModels(List.of(modelId.get())).getOrDefault(modelId.get(), Map.of()).values().stream()
                        .filter(p -> platform == null || p.platform() == platform)
                        .sorted(Comparator.comparing(CellPrediction::platform))
                        .map(p -> new ShownPrediction(modelName, p, figures.get(p.platform())))
                        .toList());
    }

    /** A page of every shown prediction by model name and platform, on {@code platform} only unless it is null. */
    public List<ShownPrediction> shownPage(Platform platform, int offset, int limit) {
        Map<Platform, PlatformEvaluation> figures = figures();
        return shown.page(platform, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE)).stream()
                .map(n -> new ShownPrediction(
                        n.modelName(),
                        n.prediction(),
                        figures.get(n.prediction().platform())))
                .toList();
    }

    /** How many predictions are shown, on {@code platform} only unless it is null. */
    public long shownCount(Platform platform) {
        return shown.count(platform);
    }

    private Map<Platform, PlatformEvaluation> figures() {
        return runs.current().map(AdoptedRunQuery.AdoptedRun::platforms).orElse(Map.of());
    }
}
