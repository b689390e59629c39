package dev.compatmatrix.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.StoredPredictions.Cell;
import dev.compatmatrix.prediction.query.ShownPredictionsQuery;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class ShownPredictionsQueryTest extends WritingIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PredictionRunRepository runs;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShownPredictionsQuery shown;

    @Test
    void only_untested_cells_on_platforms_that_beat_the_baseline_are_shown_and_a_second_adoption_replaces_the_first() {
        List<Cell> cells = StoredPredictions.untestedCells(jdbc, 40);
        Cell first = cells.get(0);
        Cell weakPlatform = cells.stream()
                .filter(c -> c.platform() != first.platform())
                .findFirst()
                .orElseThrow();
        long runId = StoredPredictions.adopt(
                runs,
                transaction,
                Set.of(first.platform()),
                List.of(
                        StoredPredictions.prediction(
                                first, CompatibilityLevel.HIGH, 0.82, "7 of 8 bert models are High"),
                        StoredPredictions.prediction(weakPlatform, CompatibilityLevel.LOW, 0.5)));

        Map<Integer, Map<Platform, CellPrediction>> read =
                shown.forModels(List.of(first.modelId(), weakPlatform.modelId()));
        CellPrediction prediction = read.get(first.modelId()).get(first.platform());
        assertThat(prediction.runId()).isEqualTo(runId);
        assertThat(prediction.shortText()).isEqualTo("likely High · 82 %");
        assertThat(prediction.reasons()).containsExactly("7 of 8 bert models are High");
        assertThat(prediction.entropy()).isBetween(0.9, 1.0);
        assertThat(read.getOrDefault(weakPlatform.modelId(), Map.of())).doesNotContainKey(weakPlatform.platform());

        StoredPredictions.adopt(runs, transaction, Set.of(), List.of());
        assertThat(shown.forModels(List.of(first.modelId()))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM prediction_runs WHERE state = 'ADOPTED'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }
}
