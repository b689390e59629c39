package dev.compatmatrix.watch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.component.html.Anchor;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.ui.MatrixView;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ui.ModelView;
import dev.compatmatrix.watch.Watch;
import dev.compatmatrix.watch.WatchService;
import dev.compatmatrix.watch.WatchTarget;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Watch buttons on the model page, the matrix's watch menu and the Watching screen, as a person uses them. */
class WatchControlsTest extends WritingKaribuTest {

    @Autowired
    WatchService watches;

    @Autowired
    ClaimService claims;

    @Autowired
    JdbcClient jdbc;

    private String modelWithCudaClaim() {
        return jdbc.sql("""
                SELECT m.model_name FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                JOIN compatibility_details d ON d.compatibility_id = c.id AND d.hardware_type = 'cuda'
                WHERE m.deleted_at IS NULL ORDER BY m.model_name DESC LIMIT 1""").query(String.class).single();
    }

    private WatchTarget[] watchedBy(String user) {
        TestUsers.signIn(user, Roles.VIEWER);
        return watches.myWatches().stream().map(Watch::target).toArray(WatchTarget[]::new);
    }

    @Test
    void the_model_page_watches_the_model_and_each_platforms_cell() {
        String model = modelWithCudaClaim();
        login("ui-model-watcher", Roles.VALIDATOR);
        UI.getCurrent().navigate("models/" + model);
        WatchButton modelButton = _get(WatchButton.class, spec -> spec.withId("watch-model"));
        assertThat(modelButton.getText()).isEqualTo("Watch");
        modelButton.click();
        assertThat(modelButton.getText()).isEqualTo("Watching ✓");
        assertThat(modelButton.getElement().getAttribute("aria-pressed")).isEqualTo("true");

        var grid = _get(ModelView.class).claimsGrid();
        WatchButton cuda = (WatchButton) GridKt._getCellComponent(grid, Platform.CUDA.ordinal(), "watch");
        cuda.click();
        assertThat(cuda.watching()).isTrue();
        assertThat(watchedBy("ui-model-watcher"))
                .containsExactlyInAnyOrder(WatchTarget.model(model), WatchTarget.cell(model, Platform.CUDA));

        login("ui-model-watcher", Roles.VALIDATOR);
        modelButton.click();
        assertThat(modelButton.getText()).isEqualTo("Watch");
        assertThat(watchedBy("ui-model-watcher")).containsExactly(WatchTarget.cell(model, Platform.CUDA));
    }

    @Test
    void the_matrix_menu_of_a_row_watches_its_model_a_cell_a_platform_and_its_family() {
        login("ui-matrix-watcher", Roles.EDITOR);
        UI.getCurrent().navigate("");
        _get(MatrixView.class);
        @SuppressWarnings("unchecked")
        Grid<MatrixRow> grid = _get(Grid.class, spec -> spec.withId("matrix-grid"));
        MatrixRow row = GridKt._get(grid, 0);
        GridContextMenu<MatrixRow> menu = WatchMenu.of(grid);
        ContextMenuKt._clickItemWithID(menu, "watch-menu-model", row);
        ContextMenuKt._clickItemWithID(menu, "watch-menu-cell-rocm", row);
        ContextMenuKt._clickItemWithID(menu, "watch-menu-platform-webnn", row);
        ContextMenuKt._clickItemWithID(menu, "watch-menu-family", row);
        assertThat(watchedBy("ui-matrix-watcher"))
                .containsExactlyInAnyOrder(
                        WatchTarget.model(row.name()),
                        WatchTarget.cell(row.name(), Platform.ROCM),
                        WatchTarget.platform(Platform.WEBNN),
                        WatchTarget.family(row.family()));

        login("ui-matrix-watcher", Roles.EDITOR);
        ContextMenuKt._clickItemWithID(menu, "watch-menu-platform-webnn", row); // ticked: a click unwatches
        assertThat(watchedBy("ui-matrix-watcher")).hasSize(3).doesNotContain(WatchTarget.platform(Platform.WEBNN));
    }

    @Test
    void the_watching_screen_lists_the_watches_with_links_the_newest_changes_and_unwatches() {
        String model = modelWithCudaClaim();
        TestUsers.signIn("ui-list-watcher", Roles.VIEWER);
        watches.watch(WatchTarget.cell(model, Platform.CUDA));
        watches.watch(WatchTarget.platform(Platform.QUALCOMM));
        TestUsers.signIn("editor", Roles.EDITOR);
        var claim = claims.find(model, Platform.CUDA).orElseThrow();
        var other = claim.data().level() == CompatibilityLevel.LOW ? CompatibilityLevel.HIGH : CompatibilityLevel.LOW;
        claims.update(claim, claim.data().withLevel(other), new ChangeNote("Re-measured", "v3"));

        login("ui-list-watcher", Roles.VIEWER);
        UI.getCurrent().navigate("watching");
        WatchingView view = _get(WatchingView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        Anchor cellLink = (Anchor) GridKt._getCellComponent(view.grid, 1, "what");
        assertThat(cellLink.getText()).isEqualTo(model + " on CUDA");
        assertThat(cellLink.getHref()).isEqualTo("models/" + model);
        assertThat(_find(view.newest, Anchor.class).stream().map(Anchor::getText))
                .contains("CUDA: " + claim.data().level().label() + " → " + other.label());

        ((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(view.grid, 1, "unwatch")).click();
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).target()).isEqualTo(WatchTarget.platform(Platform.QUALCOMM));
        assertThat(_find(view.newest, Anchor.class).stream().map(Anchor::getText))
                .doesNotContain("CUDA: " + claim.data().level().label() + " → " + other.label());
    }
}
