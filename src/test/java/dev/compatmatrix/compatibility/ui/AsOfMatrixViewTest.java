package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.compatibility.query.AsOfMatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.modelpage.ui.ModelView;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The matrix screen as of a past day: {@code ?asOf=}, the banner, editing off, back to now, bad dates. */
class AsOfMatrixViewTest extends KaribuTest {

    private static final PointInTime MID_YEAR = PointInTime.endOf(LocalDate.of(2026, 6, 1));

    @Autowired
    AsOfMatrixQuery asOf;

    @BeforeEach
    void signIn() {
        login("editor", Roles.EDITOR);
    }

    private static List<MatrixRow> rows(MatrixView view) {
        return IntStream.range(0, GridKt._size(view.grid))
                .mapToObj(i -> GridKt._get(view.grid, i))
                .toList();
    }

    @Test
    void as_of_a_past_day_the_banner_shows_the_rows_of_then_and_editing_is_off() {
        UI.getCurrent().navigate("", QueryParameters.fromString("asOf=2026-06-01&sort=-score"));
        MatrixView view = _get(MatrixView.class);
        assertThat(view.asOfControl.banner.isVisible()).isTrue();
        assertThat(view.asOfControl.bannerText.getText())
                .isEqualTo("You are looking at the matrix as it was at the end of 2026-06-01 (UTC). Editing is off.");
        assertThat(view.asOfControl.backToNow.isVisible()).isTrue();
        assertThat(view.asOfControl.date.getValue()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(view.newModel.isVisible()).isFalse();
        long then = asOf.count(MID_YEAR, MatrixFilter.NONE);
        assertThat(view.rowCount.getText()).isEqualTo(then + " models");
        assertThat(rows(view))
                .extracting(MatrixRow::modelId)
                .containsExactlyElementsOf(
                        asOf.page(MID_YEAR, MatrixFilter.NONE, new MatrixSort("score", true), 0, 100).stream()
                                .map(MatrixRow::modelId)
                                .toList());

        GridKt._clickItem(view.grid, 0, "cuda");
        _assertNone(ClaimEditor.class);
        _assertOne(ModelView.class);
    }

    @Test
    void back_to_now_shows_the_live_matrix_with_editing_and_drops_as_of_from_the_link() {
        UI.getCurrent().navigate("", QueryParameters.fromString("asOf=2026-06-01"));
        MatrixView view = _get(MatrixView.class);
        view.asOfControl.backToNow.click();
        assertThat(view.asOfControl.banner.isVisible()).isFalse();
        assertThat(view.asOfControl.date.getValue()).isNull();
        assertThat(view.rowCount.getText()).isEqualTo("43 models");
        assertThat(view.newModel.isVisible()).isTrue();
        view.openEditor("openai/whisper-tiny", Platform.CUDA);
        _assertOne(ClaimEditor.class);
    }

    @Test
    void a_bad_as_of_gets_a_notice_naming_what_was_wrong_and_the_live_matrix() {
        for (String bad : new String[] {"2030-01-01", "2019-01-01", "2026-13-01", "no-such-snapshot"}) {
            UI.getCurrent().navigate("", QueryParameters.fromString("asOf=" + bad));
            MatrixView view = _get(MatrixView.class);
            assertThat(view.urlNotice.isVisible()).as(bad).isTrue();
            assertThat(view.urlNotice.getText()).as(bad).contains("asOf: ").contains(bad);
            assertThat(view.asOfControl.banner.isVisible()).as(bad).isFalse();
            assertThat(view.rowCount.getText()).as(bad).isEqualTo("43 models");
        }
        UI.getCurrent().navigate("", QueryParameters.fromString("asOf=2030-01-01"));
        assertThat(_get(MatrixView.class).urlNotice.getText()).contains("is in the future");
    }

    @Test
    void today_is_the_live_matrix() {
        UI.getCurrent().navigate("", QueryParameters.fromString("asOf=2026-11-27"));
        MatrixView view = _get(MatrixView.class);
        assertThat(view.asOfControl.banner.isVisible()).isFalse();
        assertThat(view.urlNotice.isVisible()).isFalse();
        assertThat(view.newModel.isVisible()).isTrue();
    }

    @Test
    void a_cells_tooltip_says_since_when_it_has_had_its_level_live_and_as_of() {
        UI.getCurrent().navigate("", QueryParameters.fromString("q=whisper-tiny"));
        MatrixRow live = rows(_get(MatrixView.class)).getFirst();
        String title = MatrixCells.title(Platform.CUDA, live);
        assertThat(title).startsWith(MatrixCells.title(Platform.CUDA, live.cell(Platform.CUDA)) + "\n");
        assertThat(title)
                .containsPattern("\\n" + live.cell(Platform.CUDA).level().label() + " since \\d{4}-\\d{2}-\\d{2}");

        UI.getCurrent().navigate("", QueryParameters.fromString("asOf=2026-06-01"));
        List<MatrixRow> then = rows(_get(MatrixView.class));
        assertThat(then).anySatisfy(row -> assertThat(row.since()).isNotEmpty());
        then.forEach(row ->
                row.since().values().forEach(since -> assertThat(since.since()).isBefore(MID_YEAR.before())));
    }
}
