package dev.compatmatrix.modelpage;

import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.history.LevelTimeline;
import dev.compatmatrix.history.query.HistoryQuery;
import dev.compatmatrix.history.query.HistorySearch;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.query.ClaimMarksQuery;
import dev.compatmatrix.matrix.query.LevelSinceQuery;
import dev.compatmatrix.matrix.store.ReviewRepository;
import dev.compatmatrix.modelpage.query.CellAutomatedResults;
import dev.compatmatrix.modelpage.query.CellAutomatedResultsQuery;
import dev.compatmatrix.modelpage.query.ModelDetailsQuery;
import dev.compatmatrix.modelpage.query.ModelOverview;
import dev.compatmatrix.modelpage.query.ModelPredictions;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.query.PlatformEvaluationQuery;
import dev.compatmatrix.prediction.query.ShownPredictionsQuery;
import dev.compatmatrix.recommendation.query.PerformanceChoice;
import dev.compatmatrix.recommendation.query.PerformanceComparison;
import dev.compatmatrix.recommendation.query.PerformanceQuery;
import dev.compatmatrix.recommendation.query.RecommendationQuery;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One model's page: its claims with their marks, reviews, history, recommendations and performance. Every
 * signed-in role may read (VIEWER is in every role).
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class ModelPageService {

    /** The model page shows this many of the newest history rows. */
    public static final int MODEL_HISTORY_LIMIT = 200;

    /** A cell's details show this many of its newest automated results. */
    public static final int CELL_RESULTS_LIMIT = 20;

    private final MatrixQuery matrix;
    private final ModelDetailsQuery details;
    private final ClaimMarksQuery claimMarks;
    private final RecommendationQuery recommendations;
    private final HistoryQuery history;
    private final ReviewRepository reviews;
    private final HistorySearch historySearch;
    private final Clock clock;
    private final PerformanceQuery performance;
    private final LevelSinceQuery levelSince;
    private final ShownPredictionsQuery shownPredictions;
    private final PlatformEvaluationQuery evaluations;
    private final CellAutomatedResultsQuery cellResults;

    public ModelPageService(
            MatrixQuery matrix,
            ModelDetailsQuery details,
            RecommendationQuery recommendations,
            HistoryQuery history,
            ReviewRepository reviews,
            HistorySearch historySearch,
            Clock clock,
            PerformanceQuery performance,
            ClaimMarksQuery claimMarks,
            LevelSinceQuery levelSince,
            ShownPredictionsQuery shownPredictions,
            PlatformEvaluationQuery evaluations,
            CellAutomatedResultsQuery cellResults) {
        this.cellResults = cellResults;
        this.shownPredictions = shownPredictions;
        this.evaluations = evaluations;
        this.levelSince = levelSince;
        this.claimMarks = claimMarks;
        this.performance = performance;
        this.historySearch = historySearch;
        this.clock = clock;
        this.reviews = reviews;
        this.matrix = matrix;
        this.details = details;
        this.recommendations = recommendations;
        this.history = history;
    }

    /** The model page's content, or empty when no model has this name. */
    public Optional<ModelOverview> modelOverview(String modelName) {
        return details.header(modelName).map(header -> {
            var claims = new EnumMap<Platform, ModelOverview.ClaimRow>(Platform.class);
            details.claims(header.modelId()).forEach(claim -> claims.put(claim.platform(), claim));
            var levelPeriods = LevelTimeline.periods(
                    historySearch.levelChanges(header.name(), null), null, LocalDateTime.now(clock));
            return new ModelOverview(
                    header,
                    claims,
                    marks(header.modelId(), claims),
                    recommendations.forModel(header.modelId()),
                    history.forModel(header.modelId(), MODEL_HISTORY_LIMIT),
                    reviews.forModel(header.modelId()),
                    levelPeriods,
                    // One read for all platforms; "before" lies ahead, as the page shows the present.
                    levelSince
                            .of(
                                    List.of(header.modelId()),
                                    LocalDateTime.now(clock).plusDays(1))
                            .getOrDefault(header.modelId(), Map.of()));
        });
    }

    /**
     * The stale and disputed marks of a model's claims exactly as the matrix reads them (its row of the matrix),
     * with the reason a claim is stale and the automated result that disputes it.
     */
    private Map<Platform, ModelOverview.Marks> marks(int modelId, Map<Platform, ModelOverview.ClaimRow> claims) {
        Map<Platform, ModelOverview.Marks> marks = new EnumMap<>(Platform.class);
        List<MatrixRow> row = matrix.rows(List.of(modelId));
        if (row.isEmpty()) {
            return marks;
        }
        Map<Platform, AutomatedResult> disputes = claimMarks.disputes(modelId);
        LocalDateTime staleBefore = matrix.staleBefore();
        row.getFirst().cells().forEach((platform, cell) -> {
            ModelOverview.ClaimRow claim = claims.get(platform);
            if (claim != null && (cell.stale() || cell.disputed())) {
                marks.put(
                        platform,
                        new ModelOverview.Marks(
                                cell.stale(),
                                cell.disputed(),
                                cell.stale() ? ModelOverview.Marks.staleReason(claim, staleBefore) : null,
                                cell.disputed() ? disputes.get(platform) : null));
            }
        });
        return marks;
    }

    /**
     * A cell's automated results, the newest {@link #CELL_RESULTS_LIMIT} first, with how many there are in all. No
     * such model: none.
     */
    public CellAutomatedResults cellAutomatedResults(String modelName, Platform platform) {
        return details.header(modelName)
                .map(header -> cellResults.newest(header.modelId(), platform, CELL_RESULTS_LIMIT))
                .orElse(CellAutomatedResults.NONE);
    }

    /**
     * The model page's "Predictions (not claims)": per untested platform the shown prediction (the one rule of
     * {@link ShownPredictionsQuery}) or why there is none, with the adopted run's evaluation there. No such model:
     * empty platforms.
     */
    public ModelPredictions modelPredictions(String modelName) {
        var header = details.header(modelName);
        var run = evaluations.adoptedRun().orElse(null);
        if (header.isEmpty()) {
            return new ModelPredictions(run, List.of(), null);
        }
        int modelId = header.get().modelId();
        var tested = new HashSet<Platform>();
        details.claims(modelId).forEach(claim -> tested.add(claim.platform()));
        if (tested.size() == Platform.values().length) {
            return new ModelPredictions(run, List.of(), ModelPredictions.ALL_TESTED);
        }
        if (run == null) {
            return new ModelPredictions(null, List.of(), ModelPredictions.NONE_TRAINED);
        }
        Map<Platform, PlatformEvaluation> figures = new EnumMap<>(Platform.class);
        evaluations.forRun(run.runId()).forEach(e -> figures.put(e.platform(), e));
        var shown = shownPredictions.forModels(List.of(modelId)).getOrDefault(modelId, Map.of());
        List<ModelPredictions.PlatformPrediction> platforms = java.util.Arrays.stream(Platform.values())
                .filter(platform -> !tested.contains(platform))
                .map(platform -> {
                    var prediction = shown.get(platform);
                    var evaluation = figures.get(platform);
                    return new ModelPredictions.PlatformPrediction(
                            platform,
                            prediction,
                            evaluation,
                            prediction == null ? ModelPredictions.notEnoughEvidence(platform, evaluation) : null);
                })
                .toList();
        return new ModelPredictions(run, platforms, null);
    }

    /**
     * The model page's performance comparison: what was measured, and each platform's numbers for
     * {@code choice}, or for the default choice when it is null. No measurements (or no such model): empty.
     */
    public PerformanceComparison performanceComparison(String modelName, PerformanceChoice choice) {
        var choices = performance.choices(modelName);
        PerformanceChoice chosen = choice != null
                ? choice
                : PerformanceComparison.defaultChoice(choices).orElse(null);
        return new PerformanceComparison(
                choices, chosen, chosen == null ? List.of() : performance.platforms(modelName, chosen));
    }
}
