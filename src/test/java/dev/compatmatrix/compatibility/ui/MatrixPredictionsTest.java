package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.KeyMapper;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.LivePushes;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.PredictionFixtures;
import dev.compatmatrix.prediction.StoredPredictions.Cell;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Show predictions" on the matrix: off by default; on, an untested cell with a shown prediction reads "≈ likely High ·
 * 82 %" in a look and label no claim has, with its reasons in the tooltip; in the URL; not in the past; and a claim
 * made on the cell replaces the prediction in the open matrix.
 */
class MatrixPredictionsTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;

    PredictionFixtures predictions;
    Cell cell;
    String modelName;

    @BeforeEach
    void adoptAPrediction() {
        predictions = new PredictionFixtures(context);
        cell = predictions.firstUntestedCell();
        modelName = predictions.modelName(cell);
        predictions.adoptHigh82(
                cell,
                "7 of 8 bert models are High on " + cell.platform().label(),
                "<b>its type</b> is High on 3 other platforms");
        login("viewer", Roles.VIEWER);
    }

    @AfterEach
    void showNoPredictions() {
        predictions.showNone();
    }

    @Test
    void predictions_are_off_by_default_and_the_untested_cell_says_not_tested() {
        MatrixView view = open("q=" + modelName);
        assertThat(view.showPredictions.getValue()).isFalse();
        MatrixRow row = row(view);
        assertThat(property(view, "predicted", row)).isEqualTo(false);
        assertThat(property(view, "text", row)).isEqualTo("Not tested");
        assertThat(MatrixCells.predictedTooltip(cell.platform(), row)).isNull();
        assertThat(view.legend.getText()).doesNotContain("prediction");
    }

    @Test
    void switched_on_the_untested_cell_shows_the_likely_level_in_a_look_and_label_of_its_own_with_its_reasons() {
        MatrixView view = open("q=" + modelName);
        view.showPredictions.setValue(true);
        showFirstPage(view);

        MatrixRow row = row(view);
        assertThat(row.cell(cell.platform())).as("still no claim").isNull();
        assertThat(property(view, "predicted", row)).isEqualTo(true);
        assertThat(property(view, "text", row)).isEqualTo("≈ likely High · 82 %");
        assertThat(property(view, "label", row)).isEqualTo("Prediction, not a claim: likely High, 82 %");
        assertThat(MatrixCells.predictedTooltip(cell.platform(), row))
                .startsWith(cell.platform().label() + ": Prediction, not a claim: likely High, 82 %")
                .contains("Strongest reasons:\n• 7 of 8 bert models are High on "
                        + cell.platform().label())
                .contains("• <b>its type</b> is High on 3 other platforms");
        assertThat(view.legend.getText()).contains("≈ likely … = a prediction, not a claim");
        assertThat(view.exportMenu.includePredictions.isVisible()).isTrue();
        assertThat(MatrixUrl.toQuery(MatrixFilter.NONE, MatrixSort.BY_NAME, null, true)
                        .getQueryString())
                .isEqualTo("predictions=on");

        view.showPredictions.setValue(false);
        showFirstPage(view);
        assertThat(property(view, "text", row(view))).isEqualTo("Not tested");
        assertThat(view.exportMenu.includePredictions.isVisible()).isFalse();
    }

    @Test
    void while_predictions_show_the_export_menu_includes_them_only_when_asked() throws Exception {
        MatrixView view = open("q=" + modelName + "&predictions=on");
        var csv = view.exportMenu.links.get(dev.compatmatrix.compatibility.export.ExportFormat.CSV);
        assertThat(new String(DownloadKt._download(csv), StandardCharsets.UTF_8))
                .doesNotContain("predicted")
                .contains("not_tested");

        ContextMenuKt._click(view.exportMenu, view.exportMenu.includePredictions);
        assertThat(view.exportMenu.includePredictions.isChecked()).isTrue();
        assertThat(new String(DownloadKt._download(csv), StandardCharsets.UTF_8))
                .contains("predicted: likely High (82 %)");
    }

    @Test
    void a_shared_link_with_predictions_on_shows_them_and_the_phone_cards_too() {
        MatrixView view = open("q=" + modelName + "&predictions=on");
        assertThat(view.showPredictions.getValue()).isTrue();
        MatrixRow row = row(view);
        assertThat(property(view, "text", row)).isEqualTo("≈ likely High · 82 %");
        view.useCards(true);
        String key = cell.platform().key();
        assertThat(cardProperty(view, key + "Text", row)).isEqualTo("≈ likely High · 82 %");
        assertThat(cardProperty(view, key + "Label", row)).isEqualTo("Prediction, not a claim: likely High, 82 %");
        assertThat((String) cardProperty(view, key + "Ptitle", row)).contains("7 of 8 bert models");
    }

    @Test
    void in_the_matrix_as_of_a_past_day_predictions_are_off_and_the_page_says_why() {
        MatrixView view = open("q=" + modelName + "&asOf=2026-06-01&predictions=on");
        assertThat(view.showPredictions.isEnabled()).isFalse();
        assertThat(view.showPredictions.getValue()).isFalse();
        assertThat(view.urlNotice.getText()).contains("predictions=on (predictions are of now only");
        assertThat(shownRows(view)).allSatisfy(r -> assertThat(r.predictions()).isEmpty());
    }

    @Test
    void a_claim_saved_on_the_predicted_cell_replaces_the_prediction_in_the_open_matrix() {
        MatrixView view = open("q=" + modelName + "&predictions=on");
        assertThat(property(view, "predicted", row(view))).isEqualTo(true);
        long before = view.liveRefreshes.get();

        LivePushes.asOtherEditor(
                "editor",
                () -> claims.create(
                        modelName,
                        cell.platform(),
                        new ClaimData(
                                CompatibilityLevel.LOW, null, null, null, "run-77", null, null, null, null, false),
                        new ChangeNote("Ran the suite on the device", "torch 2.5")));
        LivePushes.awaitRefresh(view.liveRefreshes, before);

        MatrixRow row = row(view);
        assertThat(row.cell(cell.platform()).level()).isEqualTo(CompatibilityLevel.LOW);
        assertThat(property(view, "predicted", row)).isEqualTo(false);
        assertThat(property(view, "text", row)).isEqualTo("Low ○");
    }

    private MatrixView open(String query) {
        UI.getCurrent().navigate("", QueryParameters.fromString(query));
        MatrixView view = _get(MatrixView.class);
        showFirstPage(view);
        return view;
    }

    private MatrixRow row(MatrixView view) {
        return shownRows(view).stream()
                .filter(r -> r.modelId() == cell.modelId())
                .findFirst()
                .orElseThrow();
    }

    /** As the browser does when the grid shows: it asks for the first rows. */
    static void showFirstPage(MatrixView view) {
        view.grid.getDataCommunicator().setViewportRange(0, 50);
        MockVaadin.clientRoundtrip(false);
    }

    @SuppressWarnings("unchecked")
    static Collection<MatrixRow> shownRows(MatrixView view) {
        return ((KeyMapper<MatrixRow>) view.grid.getDataCommunicator().getKeyMapper()).objects();
    }

    private Object property(MatrixView view, String property, MatrixRow row) {
        return valueOf(view, cell.platform().key(), property, row);
    }

    private static Object cardProperty(MatrixView view, String property, MatrixRow row) {
        return valueOf(view, "card", property, row);
    }

    @SuppressWarnings("unchecked")
    static Object valueOf(MatrixView view, String column, String property, MatrixRow row) {
        var renderer = (LitRenderer<MatrixRow>) view.grid.getColumnByKey(column).getRenderer();
        return renderer.getValueProviders().get(property).apply(row);
    }
}
