package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.DataChangeEvent;
import com.vaadin.flow.data.provider.KeyMapper;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.LivePushes;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open matrix follows changes saved elsewhere: the touched row is read again in place (no whole reload, so the
 * scroll position, selection, filters and sort stay) and its changed cell is marked for a few seconds.
 */
class MatrixViewLiveTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;

    @Test
    void a_level_saved_by_someone_else_shows_in_the_open_matrix_in_place_with_the_cell_marked_for_a_few_seconds() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("", QueryParameters.fromString("type=vision&sort=-score"));
        MatrixView view = _get(MatrixView.class);
        showFirstPage(view);
        MatrixRow row = shownRows(view).stream()
                .filter(r -> r.cell(Platform.CPU) != null)
                .findFirst()
                .orElseThrow();
        view.grid.select(row);
        AtomicInteger wholeReloads = new AtomicInteger();
        AtomicInteger rowReloads = new AtomicInteger();
        view.grid.getDataProvider().addDataProviderListener(e -> {
            if (e instanceof DataChangeEvent.DataRefreshEvent) {
                rowReloads.incrementAndGet();
            } else {
                wholeReloads.incrementAndGet();
            }
        });
        long before = view.liveRefreshes.get();
        Claim claim = claims.find(row.name(), Platform.CPU).orElseThrow();
        CompatibilityLevel level = LivePushes.otherThan(claim.data().level());

        LivePushes.changeLevel(claims, "bob", claim, level);
        LivePushes.awaitRefresh(view.liveRefreshes, before);

        MatrixRow shown = shownRows(view).stream()
                .filter(r -> r.modelId() == row.modelId())
                .findFirst()
                .orElseThrow();
        assertThat(shown.cell(Platform.CPU).level()).isEqualTo(level);
        assertThat(wholeReloads).as("only the changed row is read again").hasValue(0);
        assertThat(rowReloads).hasValue(1);
        assertThat(view.grid.getSelectedItems()).containsExactly(row);
        assertThat(view.filters.type.getValue().key()).isEqualTo("vision");
        assertThat(view.grid.getSortOrder())
                .singleElement()
                .satisfies(order -> assertThat(order.getSorted().getKey()).isEqualTo("score"));
        assertThat(changedClass(view, "cpu", "changed", shown)).isEqualTo("live-changed");
        assertThat(changedClass(view, "cpu", "changed", anotherRow(view, shown)))
                .as("another model's cell is not marked")
                .isEmpty();
        assertThat(changedClass(view, "cuda", "changed", shown))
                .as("the other platforms are not")
                .isEmpty();
        view.useCards(true);
        assertThat(changedClass(view, "card", "cpuChanged", shown))
                .as("the phone's cards mark it too")
                .isEqualTo("live-changed");
        assertThat(changedClass(view, "card", "cudaChanged", shown)).isEmpty();

        long marked = System.nanoTime();
        LivePushes.until(() -> rowReloads.get() > 1);
        assertThat((System.nanoTime() - marked) / 1_000_000)
                .as("the row is shown plain again after about six seconds")
                .isBetween(4_000L, 8_000L);
        assertThat(changedClass(view, "card", "cpuChanged", shown)).isEmpty();
    }

    /** As the browser does when the grid shows: it asks for the first rows. */
    private static void showFirstPage(MatrixView view) {
        view.grid.getDataCommunicator().setViewportRange(0, 50);
        MockVaadin.clientRoundtrip(false);
    }

    /** The rows the grid has sent to the browser, as they were sent. */
    private static java.util.Collection<MatrixRow> shownRows(MatrixView view) {
        return ((KeyMapper<MatrixRow>) view.grid.getDataCommunicator().getKeyMapper()).objects();
    }

    private static MatrixRow anotherRow(MatrixView view, MatrixRow row) {
        return shownRows(view).stream()
                .filter(r -> r.modelId() != row.modelId())
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String changedClass(MatrixView view, String column, String property, MatrixRow row) {
        var renderer = (LitRenderer<MatrixRow>) view.grid.getColumnByKey(column).getRenderer();
        return (String) renderer.getValueProviders().get(property).apply(row);
    }
}
