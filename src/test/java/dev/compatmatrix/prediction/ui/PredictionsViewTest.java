package dev.compatmatrix.prediction.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.compatmatrix.KaribuSupport;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.ScriptedLearner;
import dev.compatmatrix.prediction.StoredPredictions;
import dev.compatmatrix.prediction.TrainingTestSupport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PredictionsViewTest extends TrainingTestSupport {

    @BeforeEach
    void setUpVaadin() {
        KaribuSupport.setUp(context);
        learner.willReturn(ScriptedLearner.learnt(
                0.81,
                0.66,
                List.of(StoredPredictions.prediction(
                        StoredPredictions.untestedCells(jdbc, 1).getFirst(), CompatibilityLevel.HIGH, 0.8))));
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSupport.tearDown();
    }

    private PredictionsView open(String user, String role) {
        KaribuSupport.login(user, role);
        UI.getCurrent().navigate("predictions");
        return _get(PredictionsView.class);
    }

    @Test
    void before_any_training_the_screen_says_so_and_what_to_do() {
        PredictionsView view = open("viewer", Roles.VIEWER);

        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getText())
                .startsWith("No training has run yet. An admin can start one here with \"Train now\"");
        assertThat(view.evaluation.isVisible()).isFalse();
        assertThat(view.runs.isVisible()).isFalse();
        assertThat(view.trainNow.isVisible()).isFalse();
    }

    @Test
    void an_admin_trains_now_and_then_sees_the_evaluation_and_the_run() {
        PredictionsView view = open("admin", Roles.ADMIN);
        assertThat(view.trainNow.isVisible()).isTrue();
        assertThat(view.empty.getText()).startsWith("No training has run yet. Press \"Train now\"");

        _click(view.trainNow);
        NotificationsKt.expectNotifications("Training run #" + newestRun() + " started");
        awaitFinished(newestRun());
        view.refresh();

        assertThat(view.empty.isVisible()).isFalse();
        assertThat(view.evaluation.isVisible()).isTrue();
        assertThat(view.evaluation.title.getText()).startsWith("Evaluation of run #" + newestRun() + ", adopted ");
        assertThat(GridKt._getFormattedRow(view.evaluation.figures, 0))
                .containsExactly(
                        "All platforms",
                        "320",
                        "81.0 % (baseline 71.0 %)",
                        "0.660 (baseline 0.460)",
                        "0.040 (baseline 0.120)",
                        "On 8 of 8 platforms");
        assertThat(GridKt._getFormattedRow(view.evaluation.figures, 1))
                .startsWith("CPU", "45")
                .endsWith(EvaluationPanel.SHOWN);
        NativeTable cuda = (NativeTable) view.evaluation
                .confusions
                .getChildren()
                .filter(c -> c.getId().orElse("").equals("confusion-cuda"))
                .findFirst()
                .orElseThrow();
        assertThat(cuda.getCaptionText()).isEqualTo("CUDA · 45 claims");
        assertThat(cuda.getHead().getRow(0).orElseThrow().getHeaderCells())
                .extracting(c -> c.getText())
                .containsExactly("Claimed ↓ / predicted →", "High", "Medium", "Low", "Unsupported");
        assertThat(cuda.getBody()
                        .getRow(1)
                        .orElseThrow()
                        .getHeaderCells()
                        .getFirst()
                        .getText())
                .isEqualTo("Medium");
        assertThat(cuda.getBody().getRow(1).orElseThrow().getDataCells())
                .extracting(c -> c.getText())
                .containsExactly("3", "9", "1", "0");
        assertThat(GridKt._getFormattedRow(view.runs, 0))
                .contains("#" + newestRun(), "Admin", "admin", "Adopted", "81.0 % (baseline 71.0 %)", "320");
        assertThat(view.accuracyChart.spec().categories()).hasSize(1);
        assertThat(view.accuracyChart.spec().series())
                .extracting(s -> s.name() + "=" + s.data())
                .containsExactly("Model=[81.0]", "Baseline=[71.0]");
    }

    @Test
    void after_runs_that_were_not_adopted_the_screen_says_no_predictions_are_shown_and_why() {
        learner.willReturn(ScriptedLearner.couldNotLearn("Only 1 claim: at least 20 are needed."));
        PredictionsView view = open("admin", Roles.ADMIN);
        _click(view.trainNow);
        awaitFinished(newestRun());
        view.refresh();

        assertThat(view.evaluation.isVisible()).isFalse();
        assertThat(view.empty.getText())
                .startsWith("No training run has been adopted yet, so no predictions are shown. Press \"Train now\"");
        assertThat(GridKt._getFormattedRow(view.runs, 0))
                .contains("Not adopted", "Only 1 claim: at least 20 are needed.");
        assertThat(view.accuracyChart.isVisible()).isFalse();
    }

    @Test
    void a_viewer_sees_the_evaluation_but_no_train_now_button() {
        KaribuSupport.login("admin", Roles.ADMIN);
        awaitFinished(context.getBean(dev.compatmatrix.prediction.PredictionTrainingService.class)
                .trainNow());
        KaribuSupport.logout();

        PredictionsView view = open("viewer", Roles.VIEWER);

        assertThat(view.trainNow.isVisible()).isFalse();
        assertThat(view.evaluation.isVisible()).isTrue();
        assertThat(view.evaluation.confusions.getChildren().count()).isEqualTo(8);
    }

    @Test
    void while_a_run_is_running_the_screen_shows_its_step_and_polls_until_it_ends() throws Exception {
        PredictionsView view = open("admin", Roles.ADMIN);
        learner.holdShut();
        _click(view.trainNow);
        learner.awaitEntered();
        view.refresh();

        assertThat(view.progressBar.isVisible()).isTrue();
        assertThat(view.progressBar.getValue()).isEqualTo(0.4);
        assertThat(view.progressText.getText())
                .startsWith("Run #" + newestRun() + " by admin, started ")
                .endsWith(": Evaluating fold 2 of 5 · 40 %");
        assertThat(view.trainNow.isEnabled()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).isPositive();

        learner.open();
        awaitFinished(newestRun());
        view.refresh();
        assertThat(view.progressBar.isVisible()).isFalse();
        assertThat(view.trainNow.isEnabled()).isTrue();
        assertThat(UI.getCurrent().getPollInterval()).isNegative();
    }

    @Test
    void the_menu_lists_predictions_after_recommendations_for_every_signed_in_role() {
        open("viewer", Roles.VIEWER);
        List<String> labels = _get(SideNav.class).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(labels.indexOf("Predictions")).isPositive().isEqualTo(labels.indexOf("Recommendations") + 1);
        assertThat(labels.indexOf("History")).isEqualTo(labels.indexOf("Predictions") + 1);
    }

    private long newestRun() {
        return jdbc.sql("SELECT max(id) FROM prediction_runs").query(Long.class).single();
    }
}
