package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.catalog.ModelType;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.security.Roles;
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
        assertThat(view.grid.getColumns()).allSatisfy(c -> assertThat(c.isSortable()).isTrue());
    }

    @Test
    void changing_a_filter_narrows_the_grid() {
        UI.getCurrent().navigate("");
        MatrixView view = _get(MatrixView.class);
        view.filters.type.setValue(ModelType.AUDIO);
        assertThat(rows(view)).hasSize(6).allSatisfy(r -> assertThat(r.type()).isEqualTo("audio"));
        view.filters.platformFilters.get(Platform.WEBNN).setValue(PlatformState.NOT_TESTED);
        assertThat(rows(view)).allSatisfy(r -> assertThat(r.cell(Platform.WEBNN)).isNull());
    }

    @Test
    void a_url_with_filters_restores_them() {
        UI.getCurrent().navigate("", QueryParameters.fromString("type=vision&minScore=0.5&platform=webgpu:supported&sort=-score"));
        MatrixView view = _get(MatrixView.class);
        assertThat(view.filters.type.getValue()).isEqualTo(ModelType.VISION);
        assertThat(view.filters.minScore.getValue()).isEqualTo(0.5);
        assertThat(view.filters.platformFilters.get(Platform.WEBGPU).getValue()).isEqualTo(PlatformState.SUPPORTED);
        assertThat(view.filters.platformFilterPanel.isOpened()).isTrue();
        assertThat(view.filters.platformFilterPanel.getSummaryText()).isEqualTo("Platform filters (1 active)");
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
        assertThat(_get(ModelView.class).claims.getGenericDataView().getItems().count()).isEqualTo(8);
    }

    @Test
    void an_editor_clicking_a_platform_cell_gets_that_cells_claim_form() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("", QueryParameters.fromString("q=whisper-tiny"));
        MatrixView view = _get(MatrixView.class);
        GridKt._clickItem(view.grid, 0, "cuda");
        ClaimEditor editor = _get(ClaimEditor.class);
        assertThat(editor.getHeaderTitle()).isEqualTo("Edit claim: openai/whisper-tiny on CUDA");
        assertThat(editor.level.getValue()).isEqualTo(dev.compatmatrix.compatibility.CompatibilityLevel.HIGH);
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

    private static java.util.List<MatrixRow> rows(MatrixView view) {
        return IntStream.range(0, GridKt._size(view.grid)).mapToObj(i -> GridKt._get(view.grid, i)).toList();
    }
}
