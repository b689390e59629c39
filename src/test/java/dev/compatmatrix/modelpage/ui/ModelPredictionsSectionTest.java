package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.ui.ClaimEditor;
import dev.compatmatrix.compatibility.ui.PredictedBadge;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.PredictionFixtures;
import dev.compatmatrix.prediction.StoredPredictions;
import dev.compatmatrix.prediction.StoredPredictions.Cell;
import dev.compatmatrix.prediction.repository.PredictionRunRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The model page's "Predictions (not claims)": the shown predictions with their probabilities, reasons and the
 * platform's evaluation; why there is none, in words; and an editor's "Make a claim…", which is the usual claim form
 * (only the level chosen) under the usual rules, after which the prediction is gone.
 */
class ModelPredictionsSectionTest extends WritingKaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PredictionRunRepository runs;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ClaimService claims;

    /** Two untested platforms of one model: the first beats the baseline, the second does not. */
    Cell shown;

    Cell weak;
    String modelName;

    @BeforeEach
    void findAModelWithTwoUntestedPlatforms() {
        Map<Integer, List<Cell>> byModel =
                StoredPredictions.untestedCells(jdbc, 400).stream().collect(Collectors.groupingBy(Cell::modelId));
        List<Cell> two = byModel.values().stream()
                .filter(cells -> cells.size() >= 2)
                .findFirst()
                .orElseThrow();
        shown = two.get(0);
        weak = two.get(1);
        modelName = new PredictionFixtures(context).modelName(shown);
    }

    @AfterEach
    void showNoPredictions() {
        new PredictionFixtures(context).showNone();
    }

    @Test
    void before_any_training_the_section_says_none_has_been_trained_yet() {
        jdbc.sql("DELETE FROM predictions").update();
        jdbc.sql("DELETE FROM prediction_platform_metrics").update();
        jdbc.sql("DELETE FROM prediction_runs").update();
        PredictionsTab section = open(Roles.VIEWER);
        assertThat(section.none.isVisible()).isTrue();
        assertThat(section.none.getText()).isEqualTo("No predictions: none has been trained yet.");
        assertThat(section.grid.isVisible()).isFalse();
    }

    @Test
    void the_section_lists_the_shown_prediction_with_its_figures_and_says_why_another_platform_has_none() {
        adopt();
        PredictionsTab section = open(Roles.VIEWER);

        assertThat(section.none.isVisible()).isFalse();
        assertThat(section.intro.getText()).contains("A prediction is not a claim");
        List<?> rows = GridKt._findAll(section.grid);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        int shownRow = rowOf(section, shown.platform());
        assertThat(((PredictedBadge) cell(section, shownRow, "prediction")
                                .getChildren()
                                .findFirst()
                                .orElseThrow())
                        .getText())
                .isEqualTo("≈ likely High · 82 %");
        assertThat(GridKt._getFormatted(section.grid, shownRow, "probabilities"))
                .isEqualTo("High 82 %\nMedium 6 %\nLow 6 %\nUnsupported 6 %");
        assertThat(GridKt._getFormatted(section.grid, shownRow, "reasons"))
                .isEqualTo("• 7 of 8 bert models are High\n• <img src=x onerror=alert(1)> is High elsewhere");
        assertThat(GridKt._getFormatted(section.grid, shownRow, "evaluation"))
                .startsWith("Accuracy 0.90 (baseline 0.60)\nmacro-F1 0.85 (baseline 0.40)\nECE 0.05 (baseline 0.20")
                .endsWith("40 claims evaluated · beats the baseline");

        int weakRow = rowOf(section, weak.platform());
        assertThat(text(cell(section, weakRow, "prediction")))
                .isEqualTo(
                        "Not enough evidence to predict on " + weak.platform().label()
                                + ": in the latest evaluation the model did not beat the baseline there.");
        assertThat(GridKt._getFormatted(section.grid, weakRow, "evaluation"))
                .startsWith("Accuracy 0.60 (baseline 0.90)")
                .endsWith("does not beat the baseline");
        assertThat(section.grid.getColumnByKey("make-claim"))
                .as("viewers make no claims")
                .isNull();
    }

    @Test
    void make_a_claim_opens_the_usual_form_with_only_the_level_and_the_usual_rules_then_the_prediction_is_gone() {
        adopt();
        PredictionsTab section = open(Roles.EDITOR);
        Button make = (Button) cell(section, rowOf(section, shown.platform()), "make-claim");
        assertThat(make.getText()).isEqualTo("Make a claim…");
        _click(make);

        ClaimEditor form = _get(ClaimEditor.class);
        assertThat(form.getHeaderTitle())
                .isEqualTo("New claim: " + modelName + " on " + shown.platform().label());
        assertThat(_get(form, Select.class, spec -> spec.withLabel("Level")).getValue())
                .isEqualTo(CompatibilityLevel.HIGH);
        assertThat(_get(form, TextField.class, spec -> spec.withLabel("Test run (id or link)"))
                        .getValue())
                .isEmpty();
        assertThat(_get(form, TextArea.class, spec -> spec.withLabel("Reason for the change"))
                        .getValue())
                .isEmpty();
        assertThat(_get(form, Paragraph.class, spec -> spec.withId("claim-from-prediction"))
                        .getText())
                .contains("A prediction is not evidence");

        _click(_get(form, Button.class, spec -> spec.withId("claim-save")));
        TextArea reason = _get(form, TextArea.class, spec -> spec.withLabel("Reason for the change"));
        assertThat(reason.isInvalid())
                .as("the usual rule: a new claim needs what was run")
                .isTrue();
        assertThat(claims.find(modelName, shown.platform())).isEmpty();

        _setValue(reason, "Ran the conformance suite on the device: all passed");
        _setValue(_get(form, TextField.class, spec -> spec.withLabel("Version the change is about")), "torch 2.5.1");
        _click(_get(form, Button.class, spec -> spec.withId("claim-save")));

        assertThat(claims.find(modelName, shown.platform()).orElseThrow().data().level())
                .isEqualTo(CompatibilityLevel.HIGH);
        assertThat(GridKt._findAll(section.grid))
                .as("the claimed platform has no prediction row any more")
                .noneMatch(
                        row -> ((dev.compatmatrix.modelpage.query.ModelPredictions.PlatformPrediction) row).platform()
                                == shown.platform());
    }

    private void adopt() {
        StoredPredictions.adopt(
                runs,
                transaction,
                Set.of(shown.platform()),
                List.of(
                        StoredPredictions.prediction(
                                shown,
                                CompatibilityLevel.HIGH,
                                0.82,
                                "7 of 8 bert models are High",
                                "<img src=x onerror=alert(1)> is High elsewhere"),
                        StoredPredictions.prediction(weak, CompatibilityLevel.LOW, 0.6)));
    }

    private PredictionsTab open(String role) {
        login(role.toLowerCase(), role);
        UI.getCurrent().navigate("models/" + modelName);
        ModelView page = _get(ModelView.class);
        page.tabs.setSelectedTab(page.tabs.getTab(page.predictions));
        return page.predictions;
    }

    private static int rowOf(PredictionsTab section, Platform platform) {
        List<?> rows = GridKt._findAll(section.grid);
        for (int i = 0; i < rows.size(); i++) {
            if (((dev.compatmatrix.modelpage.query.ModelPredictions.PlatformPrediction) rows.get(i)).platform()
                    == platform) {
                return i;
            }
        }
        throw new AssertionError("No row for " + platform);
    }

    private static Component cell(PredictionsTab section, int row, String column) {
        return GridKt._getCellComponent(section.grid, row, column);
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}
