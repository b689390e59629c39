package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ui.ModelView;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatrixViewTest extends KaribuTest {

    @BeforeEach
    void signIn() {
        login("viewer", Roles.VIEWER);
    }

    @Test
    void matrix_shows_all_43_models_with_eight_platform_columns() {
        UI.getCurrent().navigate("");
        MatrixView view = _get(MatrixView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(43);
        assertThat(view.rowCount.getText()).isEqualTo("43 models");
        for (Platform platform : Platform.values()) {
            assertThat(view.grid.getColumnByKey(platform.key())).isNotNull();
        }
        assertThat(view.grid.getColumns())
                .allSatisfy(c -> assertThat(c.isSortable()).isTrue());
    }

    @Test
    void changing_a_filter_narrows_the_grid() {
        UI.getCurrent().navigate("");
        MatrixView view = _get(MatrixView.class);
        view.filters.type.setValue(ModelType.AUDIO);
        assertThat(rows(view)).hasSize(6).allSatisfy(r -> assertThat(r.type()).isEqualTo("audio"));
        view.filters.platformFilters.get(Platform.WEBNN).setValue(PlatformState.NOT_TESTED);
        assertThat(rows(view))
                .allSatisfy(r -> assertThat(r.cell(Platform.WEBNN)).isNull());
    }

    @Test
    void a_url_with_filters_restores_them() {
        UI.getCurrent()
                .navigate(
                        "",
                        QueryParameters.fromString("type=vision&minScore=0.5&platform=webgpu:supported&sort=-score"));
        MatrixView view = _get(MatrixView.class);
        assertThat(view.filters.type.getValue()).isEqualTo(ModelType.VISION);
        assertThat(view.filters.minScore.getValue()).isEqualTo(0.5);
        assertThat(view.filters.platformFilters.get(Platform.WEBGPU).getValue()).isEqualTo(PlatformState.SUPPORTED);
        assertThat(view.filters.toggle.getText()).isEqualTo("Filters (3)");
        assertThat(view.filters.toggle.getTooltip().getText())
                .contains("Type: vision", "Min. score: 0.5", "WebGPU: Supported");
        assertThat(view.urlNotice.isVisible()).isFalse();
        var rows = rows(view);
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.type()).isEqualTo("vision");
            assertThat(r.score()).isGreaterThanOrEqualTo(0.5);
            assertThat(r.cell(Platform.WEBGPU).level().isSupported()).isTrue();
        });
        assertThat(rows).extracting(MatrixRow::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void malformed_url_parameters_are_ignored_with_a_visible_notice() {
        UI.getCurrent().navigate("", QueryParameters.fromString("minScore=abc&platform=foo&type=robot&sort=nonsense"));
        MatrixView view = _get(MatrixView.class);
        assertThat(view.urlNotice.isVisible()).isTrue();
        assertThat(view.urlNotice.getText()).contains("minScore=abc", "platform=foo", "type=robot", "sort=nonsense");
        assertThat(view.filters.minScore.getValue()).isNull();
        assertThat(GridKt._size(view.grid)).isEqualTo(43);
    }

    @Test
    void clicking_a_row_opens_the_model_page() {
        UI.getCurrent().navigate("", QueryParameters.fromString("q=whisper-tiny"));
        MatrixView view = _get(MatrixView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        GridKt._clickItem(view.grid, 0);
        _assertOne(ModelView.class);
        assertThat(_get(ModelView.class).claims.getGenericDataView().getItems().count())
                .isEqualTo(8);
    }

    @Test
    void an_editor_clicking_a_platform_cell_gets_that_cells_claim_form() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("", QueryParameters.fromString("q=whisper-tiny"));
        MatrixView view = _get(MatrixView.class);
        GridKt._clickItem(view.grid, 0, "cuda");
        ClaimEditor editor = _get(ClaimEditor.class);
        assertThat(editor.getHeaderTitle()).isEqualTo("Edit claim: openai/whisper-tiny on CUDA");
        assertThat(editor.level.getValue()).isEqualTo(dev.compatmatrix.matrix.CompatibilityLevel.HIGH);
        editor.close();
        GridKt._clickItem(view.grid, 0, "name");
        _assertOne(ModelView.class);
    }

    @Test
    void a_viewer_clicking_a_platform_cell_opens_the_model_page() {
        UI.getCurrent().navigate("", QueryParameters.fromString("q=whisper-tiny"));
        GridKt._clickItem(_get(MatrixView.class).grid, 0, "cuda");
        _assertOne(ModelView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(ClaimEditor.class);
    }

    @Test
    void the_filters_fold_behind_a_toggle_that_counts_the_filters_in_use() {
        UI.getCurrent().navigate("");
        MatrixView view = _get(MatrixView.class);
        assertThat(view.filters.isVisible()).isFalse();
        assertThat(view.filters.toggle.getText()).isEqualTo("Filters");

        view.filters.toggle.click();
        assertThat(view.filters.isVisible()).isTrue();
        assertThat(view.filters.toggle.getElement().getAttribute("aria-expanded"))
                .isEqualTo("true");
        view.filters.type.setValue(ModelType.AUDIO);
        view.filters.platformFilters.get(Platform.CUDA).setValue(PlatformState.SUPPORTED);
        assertThat(view.filters.toggle.getText()).isEqualTo("Filters (2)");

        view.filters.clear.click();
        assertThat(view.filters.toggle.getText()).isEqualTo("Filters");
        assertThat(GridKt._size(view.grid)).isEqualTo(43);
    }

    @Test
    void by_default_the_model_its_eight_platforms_and_the_score_show_and_the_columns_menu_adds_others() {
        UI.getCurrent().navigate("");
        MatrixView view = _get(MatrixView.class);
        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).map(c -> c.getKey()))
                .containsExactly(
                        "name", "cpu", "cuda", "rocm", "mps", "openvino", "qualcomm", "webnn", "webgpu", "score");

        com.github.mvysny.kaributesting.v10.ContextMenuKt._click(view.columns, view.columns.choices.get("type"));
        assertThat(view.columns.choices.get("type").isChecked()).isTrue();
        assertThat(view.grid.getColumnByKey("type").isVisible()).isTrue();
    }

    @Test
    void on_a_narrow_window_each_model_is_one_card_holding_all_eight_platforms() {
        UI.getCurrent().navigate("", QueryParameters.fromString("q=whisper-tiny"));
        MatrixView view = _get(MatrixView.class);

        view.useCards(true);

        assertThat(view.grid.getColumns().stream().filter(c -> c.isVisible()).map(c -> c.getKey()))
                .containsExactly("card");
        assertThat(view.columns.isVisible()).isFalse();
        GridKt._clickItem(view.grid, 0);
        _assertOne(ModelView.class);
    }

    @Test
    void a_cell_shows_the_level_word_or_its_abbreviation_with_marks_and_its_tooltip_the_full_text() {
        var cell = new MatrixRow.Cell(
                dev.compatmatrix.matrix.CompatibilityLevel.MEDIUM,
                dev.compatmatrix.matrix.ValidationStatus.VALIDATED,
                true,
                true);
        assertThat(MatrixCells.text(cell)).isEqualTo("Med ✓ ◷ ⚠");
        assertThat(MatrixCells.title(Platform.CUDA, cell))
                .isEqualTo("CUDA: Medium · Validated (validation stale) (disputed by an automated result)");
        assertThat(MatrixCells.text(null)).isEqualTo("Not tested");
        assertThat(MatrixCells.text(new MatrixRow.Cell(
                        dev.compatmatrix.matrix.CompatibilityLevel.UNSUPPORTED,
                        dev.compatmatrix.matrix.ValidationStatus.UNVALIDATED,
                        false,
                        false)))
                .isEqualTo("Unsup ○");
    }

    private static java.util.List<MatrixRow> rows(MatrixView view) {
        return IntStream.range(0, GridKt._size(view.grid))
                .mapToObj(i -> GridKt._get(view.grid, i))
                .toList();
    }
}
