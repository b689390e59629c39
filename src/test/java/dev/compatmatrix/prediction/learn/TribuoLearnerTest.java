package dev.compatmatrix.prediction.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.learn.TrainingData.KnownClaim;
import dev.compatmatrix.prediction.learn.TrainingData.ModelFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TribuoLearnerTest {

    private static final TrainingProgress QUIET = TrainingProgress.NONE;

    @Test
    void a_family_whose_rocm_level_follows_its_size_is_recovered_on_held_out_models_and_beats_the_baseline() {
        TrainingData data = MadeUpClaims.sizeRuledFamily(1);
        Set<Integer> bert = modelsOf(data, "bert");
        int[] bertRocm = new int[2];
        TribuoLearner learner = new TribuoLearner(new TribuoLearner.FoldWatcher() {
            @Override
            public void fold(Platform platform, int fold, Set<Integer> training, Set<Integer> heldOut) {}

            @Override
            public void heldOut(
                    Platform platform, int modelId, CompatibilityLevel claimed, CompatibilityLevel predicted) {
                if (platform == Platform.ROCM && bert.contains(modelId)) {
                    bertRocm[0]++;
                    bertRocm[1] += claimed == predicted ? 1 : 0;
                }
            }
        });

        TrainingOutcome outcome = learner.train(data, QUIET);

        assertThat(outcome.learnt()).isTrue();
        assertThat(outcome.folds()).isEqualTo(5);
        assertThat(bertRocm[0]).isEqualTo(200);
        assertThat((double) bertRocm[1] / bertRocm[0]).isGreaterThanOrEqualTo(0.9);
        PlatformEvaluation rocm = evaluation(outcome, Platform.ROCM);
        assertThat(rocm.beatsBaseline()).isTrue();
        assertThat(rocm.model().accuracy()).isGreaterThan(rocm.baseline().accuracy());
        assertThat(rocm.model().macroF1()).isGreaterThan(rocm.baseline().macroF1());
    }

    @Test
    void on_random_levels_no_platform_beats_the_baseline() {
        TrainingOutcome outcome = new TribuoLearner().train(MadeUpClaims.randomLevels(2), QUIET);

        assertThat(outcome.learnt()).isTrue();
        assertThat(outcome.platforms()).hasSize(8);
        assertThat(outcome.platforms()).noneMatch(PlatformEvaluation::beatsBaseline);
        assertThat(outcome.overall().accuracy()).isBetween(0.15, 0.35);
    }

    @Test
    void no_model_is_on_both_sides_of_a_fold_on_any_platform() {
        TrainingData data = MadeUpClaims.sizeRuledFamily(3);
        Map<Integer, Set<Integer>> trainingByFold = new HashMap<>();
        Map<Integer, Set<Integer>> heldOutByFold = new HashMap<>();
        Map<Integer, Integer> foldOfModel = new HashMap<>();
        List<String> modelsInTwoFolds = new ArrayList<>();
        new TribuoLearner((platform, fold, training, heldOut) -> {
                    trainingByFold.computeIfAbsent(fold, f -> new HashSet<>()).addAll(training);
                    heldOutByFold.computeIfAbsent(fold, f -> new HashSet<>()).addAll(heldOut);
                    for (int model : heldOut) {
                        Integer before = foldOfModel.putIfAbsent(model, fold);
                        if (before != null && before != fold) {
                            modelsInTwoFolds.add(model + " " + platform);
                        }
                    }
                })
                .train(data, QUIET);

        assertThat(heldOutByFold).hasSize(5);
        for (int fold : heldOutByFold.keySet()) {
            assertThat(heldOutByFold.get(fold)).isNotEmpty().doesNotContainAnyElementsOf(trainingByFold.get(fold));
        }
        assertThat(modelsInTwoFolds).isEmpty();
        assertThat(foldOfModel).hasSize(data.models().size());
    }

    /**
     * Every model is a family of its own and every claim an independent random level: a model's family share on a
     * platform would then be its own claim, so if the shares ever counted the row's own claim, accuracy would be near 1
     * (it is, when the fold exclusion is taken out). It stays near chance (0.25).
     */
    @Test
    void a_held_out_claim_never_reaches_its_own_features() {
        MadeUpClaims made = new MadeUpClaims(4);
        for (int i = 0; i < 400; i++) {
            made.family("family" + i, ModelType.values()[i % 7], 1, made.random());
        }

        TrainingOutcome outcome = new TribuoLearner().train(made.data(), QUIET);

        assertThat(outcome.learnt()).isTrue();
        assertThat(outcome.overall().accuracy()).isBetween(0.18, 0.33);
        assertThat(outcome.platforms()).noneMatch(PlatformEvaluation::beatsBaseline);
    }

    @Test
    void one_claim_is_too_little_to_learn_and_says_so() {
        TrainingData data = new TrainingData(
                List.of(model(1, "bert")),
                List.of(new KnownClaim(1, Platform.CPU, CompatibilityLevel.HIGH, ValidationStatus.VALIDATED, false)));

        TrainingOutcome outcome = new TribuoLearner().train(data, QUIET);

        assertThat(outcome.learnt()).isFalse();
        assertThat(outcome.message())
                .isEqualTo("Only 1 claim of 1 model: at least 20 claims of 5 models are needed to learn.");
        assertThat(outcome.predictions()).isEmpty();
        assertThat(outcome.platforms()).isEmpty();
        assertThat(new TribuoLearner()
                        .train(new TrainingData(List.of(), List.of()), QUIET)
                        .message())
                .isEqualTo("No claims: at least 20 claims of 5 models are needed to learn.");
    }

    @Test
    void with_every_cell_tested_it_evaluates_and_says_there_is_nothing_to_predict() {
        TrainingOutcome outcome = new TribuoLearner().train(MadeUpClaims.sizeRuledFamily(5), QUIET);

        assertThat(outcome.learnt()).isTrue();
        assertThat(outcome.predictions()).isEmpty();
        assertThat(outcome.platforms()).hasSize(8);
        assertThat(outcome.message()).contains("predicted 0 untested cells", "No untested cells");
    }

    @Test
    void a_platform_without_claims_gets_no_evaluation_and_no_predictions_and_the_message_says_so() {
        MadeUpClaims made = new MadeUpClaims(6);
        made.family(
                "bert",
                ModelType.TEXT_EMBEDDING,
                60,
                (model, platform) -> platform == Platform.WEBGPU
                        ? null
                        : platform == Platform.QUALCOMM ? CompatibilityLevel.LOW : made.randomLevel());
        made.family(
                "llama",
                ModelType.TEXT_GENERATION,
                60,
                (model, platform) -> platform == Platform.WEBGPU
                        ? null
                        : platform == Platform.QUALCOMM || platform == Platform.CPU && model.modelId() % 3 == 0
                                ? CompatibilityLevel.LOW
                                : made.randomLevel());

        TrainingOutcome outcome = new TribuoLearner().train(made.data(), QUIET);

        assertThat(outcome.learnt()).isTrue();
        assertThat(outcome.platforms())
                .extracting(PlatformEvaluation::platform)
                .doesNotContain(Platform.WEBGPU, Platform.QUALCOMM)
                .hasSize(6);
        assertThat(outcome.predictions()).isEmpty();
        assertThat(outcome.message())
                .contains("WebGPU has no claims: no evaluation and no predictions there.")
                .contains("All 120 claims on Qualcomm are Low, so there is nothing to tell apart");
    }

    @Test
    void untested_cells_get_odds_that_add_up_to_one_and_at_most_three_reasons_strongest_first() {
        MadeUpClaims made = new MadeUpClaims(7);
        made.family(
                "bert",
                ModelType.TEXT_EMBEDDING,
                200,
                (model, platform) -> platform == Platform.ROCM
                        ? (model.modelId() % 10 == 0 ? null : MadeUpClaims.rocmBySize(model.size()))
                        : made.randomLevel());
        made.family("llama", ModelType.TEXT_GENERATION, 100, made.random());
        TrainingData data = made.data();
        List<Double> fractions = new ArrayList<>();
        List<String> steps = new ArrayList<>();

        TrainingOutcome outcome = new TribuoLearner().train(data, (fraction, step) -> {
            fractions.add(fraction);
            steps.add(step);
        });

        assertThat(outcome.predictions()).hasSize(20).allSatisfy(p -> {
            assertThat(p.platform()).isEqualTo(Platform.ROCM);
            assertThat(p.odds().high()
                            + p.odds().medium()
                            + p.odds().low()
                            + p.odds().unsupported())
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(p.level()).isEqualTo(p.odds().likeliest());
            assertThat(p.entropy()).isEqualTo(p.odds().entropyBits());
            assertThat(p.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        });
        long right = outcome.predictions().stream()
                .filter(p -> p.level() == MadeUpClaims.rocmBySize(size(data, p)))
                .count();
        assertThat(right).isGreaterThanOrEqualTo(18);
        CellPrediction first = outcome.predictions().getFirst();
        assertThat(first.reasons().getFirst())
                .matches("\\d+ of \\d+ " + size(data, first).key() + " bert models are "
                        + first.level().label() + " on ROCm");
        assertThat(fractions).isSorted().first().isEqualTo(0.0);
        assertThat(fractions.getLast()).isEqualTo(1.0);
        assertThat(steps).contains("ROCm: cross-validation, fold 3 of 5", "Done");
    }

    @Test
    void the_same_data_gives_the_same_outcome() {
        TrainingData data = MadeUpClaims.randomLevels(8);
        TrainingOutcome first = new TribuoLearner().train(data, QUIET);
        TrainingOutcome second = new TribuoLearner().train(data, QUIET);

        assertThat(second.overall()).isEqualTo(first.overall());
        assertThat(second.platforms())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(first.platforms());
    }

    @Test
    void a_claim_on_simulated_evidence_weighs_as_an_unvalidated_one() {
        assertThat(ClaimTable.weight(claim(ValidationStatus.VALIDATED, false))).isEqualTo(2f);
        assertThat(ClaimTable.weight(claim(ValidationStatus.VALIDATED, true))).isEqualTo(1f);
        assertThat(ClaimTable.weight(claim(ValidationStatus.PARTIALLY_VALIDATED, false)))
                .isEqualTo(1.5f);
        assertThat(ClaimTable.weight(claim(ValidationStatus.UNVALIDATED, false)))
                .isEqualTo(1f);
    }

    private static KnownClaim claim(ValidationStatus status, boolean simulated) {
        return new KnownClaim(1, Platform.CPU, CompatibilityLevel.HIGH, status, simulated);
    }

    private static ModelFacts model(int id, String family) {
        return new ModelFacts(
                id, family, ModelType.TEXT_EMBEDDING, dev.compatmatrix.matrix.ModelSize.BASE, 110.0, Set.of());
    }

    private static dev.compatmatrix.matrix.ModelSize size(TrainingData data, CellPrediction prediction) {
        return data.models().stream()
                .filter(m -> m.modelId() == prediction.modelId())
                .findFirst()
                .orElseThrow()
                .size();
    }

    private static Set<Integer> modelsOf(TrainingData data, String family) {
        Set<Integer> ids = new HashSet<>();
        data.models().stream().filter(m -> m.family().equals(family)).forEach(m -> ids.add(m.modelId()));
        return ids;
    }

    private static PlatformEvaluation evaluation(TrainingOutcome outcome, Platform platform) {
        return outcome.platforms().stream()
                .filter(p -> p.platform() == platform)
                .findFirst()
                .orElseThrow();
    }
}
