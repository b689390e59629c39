package dev.compatmatrix.compare.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.compare.Comparison;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.ui.MatrixView;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.modelpage.query.ModelOverview;
import dev.compatmatrix.modelpage.ui.ModelView;
import dev.compatmatrix.recommendation.query.PerformanceRow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compare screen over the demo data: what it shows equals what the models' pages show, "only differences", the URL
 * both ways, the notice for names it cannot show, and the ways in (matrix ticks, the model page's button, the picker).
 */
class CompareViewTest extends KaribuTest {

    static final String BERT = "bert-base-uncased";
    static final String TINY = "prajjwal1/bert-tiny";
    static final String ROBERTA = "roberta-base";
    static final String THREE = BERT + "," + TINY + "," + ROBERTA;
    /** Three demo models whose claims agree on some platforms. */
    static final String PARTLY_AGREEING = BERT + ",distilbert-base-uncased,xlm-roberta-base";

    @BeforeEach
    void viewer() {
        login("viewer", Roles.VIEWER);
        NotificationsKt.clearNotifications();
    }

    private CompareView open(String query) {
        UI.getCurrent().navigate("compare", QueryParameters.fromString(query));
        return _get(CompareView.class);
    }

    private static String models(String names) {
        return "models=" + java.net.URLEncoder.encode(names, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The body rows' platform keys, as the table shows them. */
    private static List<String> shownPlatforms(CompareView view) {
        return view.table.getBody().getRows().stream()
                .map(r -> r.getElement().getAttribute("data-platform"))
                .toList();
    }

    private static List<String> columnHeaders(CompareView view) {
        return view.table.getHead().getRows().getFirst().getHeaderCells().stream()
                .map(c -> c.getElement().getTextRecursively())
                .toList();
    }

    @Test
    void three_demo_models_show_per_platform_what_their_model_pages_show() {
        CompareView view = open(models(THREE));
        ModelPageService pages = context.getBean(ModelPageService.class);
        Comparison comparison = view.comparison();

        assertThat(comparison.models()).containsExactly(BERT, TINY, ROBERTA);
        assertThat(columnHeaders(view)).containsExactly("Platform", BERT, TINY, ROBERTA);
        assertThat(shownPlatforms(view))
                .containsExactlyElementsOf(
                        Arrays.stream(Platform.values()).map(Platform::key).toList());
        assertThat(comparison.common())
                .as("bert-like models share a measured task")
                .isNotNull();
        assertThat(view.basis.getText()).contains(Comparison.choiceText(comparison.common()));
        int measured = 0;
        for (int column = 0; column < 3; column++) {
            String model = comparison.models().get(column);
            ModelOverview page = pages.modelOverview(model).orElseThrow();
            Map<Platform, PerformanceRow> figures =
                    pages.performanceComparison(model, comparison.common()).rows().stream()
                            .collect(Collectors.toMap(PerformanceRow::platform, Function.identity()));
            for (Platform platform : Platform.values()) {
                Comparison.Cell cell =
                        comparison.rows().get(platform.ordinal()).cells().get(column);
                ModelOverview.ClaimRow claim = page.claims().get(platform);
                String where = model + " on " + platform.label();
                assertThat(cell.model()).isEqualTo(model);
                assertThat(cell.level()).as(where).isEqualTo(claim == null ? null : claim.level());
                assertThat(cell.status()).as(where).isEqualTo(claim == null ? null : claim.status());
                assertThat(cell.stale())
                        .as(where)
                        .isEqualTo(page.marks(platform).stale());
                assertThat(cell.disputed())
                        .as(where)
                        .isEqualTo(page.marks(platform).disputed());
                assertThat(cell.limitations()).as(where).isEqualTo(claim == null ? null : claim.limitations());
                assertThat(cell.notes()).as(where).isEqualTo(claim == null ? null : claim.performanceNotes());
                PerformanceRow row = figures.get(platform);
                if (row == null) {
                    assertThat(cell.measurement()).as(where).isNull();
                } else {
                    measured++;
                    assertThat(cell.measurement().choice()).isEqualTo(comparison.common());
                    assertThat(cell.measurement().throughputItemsPerS())
                            .as(where)
                            .isEqualTo(row.throughputItemsPerS());
                    assertThat(cell.measurement().latencyP50Ms()).as(where).isEqualTo(row.latencyP50Ms());
                }
                // And the table says so: the model page's badge, then the limitations as text.
                NativeTableRow tr = view.table.getBody().getRows().get(platform.ordinal());
                String shown = tr.getDataCells().get(column).getElement().getTextRecursively();
                String badge = claim == null
                        ? new LevelBadge(null, null).getText()
                        : new LevelBadge(
                                        claim.level(),
                                        claim.status(),
                                        page.marks(platform).stale(),
                                        page.marks(platform).disputed())
                                .getText();
                assertThat(shown).as(where).startsWith(badge);
                if (claim != null && claim.limitations() != null) {
                    assertThat(shown).as(where).contains("Limitations: " + claim.limitations());
                }
                if (row != null) {
                    assertThat(shown).as(where).contains(cell.measurement().text());
                }
            }
        }
        assertThat(measured).as("figures compared").isGreaterThan(0);
    }

    @Test
    void only_differences_hides_the_platforms_where_the_claims_agree_and_says_differs_in_words() {
        CompareView view = open(models(PARTLY_AGREEING));
        List<String> differing = view.comparison().differingRows().stream()
                .map(r -> r.platform().key())
                .toList();
        assertThat(differing)
                .as("the demo's three models differ somewhere and agree somewhere")
                .isNotEmpty()
                .hasSizeLessThan(Platform.values().length);
        assertThat(view.table.getBody().getRows())
                .filteredOn(r -> r.getClassNames().contains("differs"))
                .allSatisfy(r -> assertThat(
                                r.getHeaderCells().getFirst().getElement().getTextRecursively())
                        .endsWith("≠ differs"))
                .extracting(r -> r.getElement().getAttribute("data-platform"))
                .containsExactlyElementsOf(differing);

        _setValue(view.onlyDifferences, true);

        assertThat(shownPlatforms(view)).containsExactlyElementsOf(differing);
        assertThat(view.currentQuery().getParameters()).containsEntry("differences", List.of("only"));

        _setValue(view.onlyDifferences, false);
        assertThat(shownPlatforms(view)).hasSize(Platform.values().length);
    }

    @Test
    void the_url_opens_the_state_it_names_and_the_state_writes_the_same_url() {
        String query = models(TINY + "," + BERT) + "&differences=only";
        CompareView view = open(query);

        assertThat(view.comparison().models()).containsExactly(TINY, BERT);
        assertThat(view.onlyDifferences.getValue()).isTrue();
        assertThat(view.urlNotice.isVisible()).isFalse();
        assertThat(view.currentQuery().getParameters())
                .isEqualTo(QueryParameters.fromString(query).getParameters());
        assertThat(view.currentQuery().getQueryString()).isEqualTo(query);
    }

    @Test
    void unknown_models_are_named_in_a_notice_and_the_known_ones_compared() {
        CompareView view = open(models(BERT + ",no-such-model," + ROBERTA));

        assertThat(view.urlNotice.isVisible()).isTrue();
        assertThat(view.urlNotice.getText()).contains("no-such-model (no model of this name)");
        assertThat(NotificationsKt.getNotifications()).isNotEmpty();
        assertThat(view.comparison().models()).containsExactly(BERT, ROBERTA);
        assertThat(view.table.isVisible()).isTrue();
    }

    @Test
    void more_than_six_models_show_the_first_six_and_name_the_rest() {
        List<String> seven = List.of(
                BERT,
                TINY,
                ROBERTA,
                "distilbert-base-uncased",
                "sentence-transformers/all-MiniLM-L6-v2",
                "BAAI/bge-small-en-v1.5",
                "albert-base-v2");
        CompareView view = open(models(String.join(",", seven)));

        assertThat(view.comparison().models()).containsExactlyElementsOf(seven.subList(0, 6));
        assertThat(columnHeaders(view)).hasSize(7);
        assertThat(view.urlNotice.getText())
                .contains("albert-base-v2 (Compare takes 2 to 6 models: showing the first 6)");
        assertThat(view.picker.isEnabled()).as("no seventh can be added").isFalse();
    }

    @Test
    void one_model_asks_for_another_instead_of_a_table() {
        CompareView view = open(models(BERT));

        assertThat(view.table.isVisible()).isFalse();
        assertThat(view.hint.isVisible()).isTrue();
        assertThat(view.hint.getText()).startsWith("Pick 1 more");
        assertThat(view.csv.isVisible()).isFalse();
    }

    @Test
    void a_model_added_with_the_picker_and_one_removed_change_the_table_and_the_url() {
        CompareView view = open(models(BERT + "," + TINY));
        assertThat(context.getBean(dev.compatmatrix.compare.CompareService.class)
                        .comparableModels("roberta", 0, 10))
                .contains(ROBERTA);

        _setValue(view.picker, ROBERTA);
        assertThat(view.comparison().models()).containsExactly(BERT, TINY, ROBERTA);
        assertThat(view.picker.getValue()).isNull();

        Button removeTiny = view.table
                .getHead()
                .getRows()
                .getFirst()
                .getHeaderCells()
                .get(2)
                .getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(removeTiny.getAriaLabel()).contains("Remove " + TINY + " from the comparison");
        _click(removeTiny);

        assertThat(view.comparison().models()).containsExactly(BERT, ROBERTA);
        assertThat(view.currentQuery().getQueryString()).isEqualTo(models(BERT + "," + ROBERTA));
    }

    @Test
    void rows_ticked_in_the_matrix_open_side_by_side_with_compare() {
        UI.getCurrent().navigate("");
        _get(MatrixView.class);
        @SuppressWarnings("unchecked")
        Grid<MatrixRow> grid = _get(Grid.class, spec -> spec.withId("matrix-grid"));
        Button compare = _get(Button.class, spec -> spec.withId("compare-models"));
        assertThat(compare.getText()).isEqualTo("Compare (0)");
        assertThat(compare.isEnabled()).isFalse();
        List<MatrixRow> firstRows = GridKt._fetch(grid, 0, 3);

        grid.select(firstRows.get(0));
        assertThat(compare.isEnabled()).isFalse();
        grid.select(firstRows.get(2));
        assertThat(compare.getText()).isEqualTo("Compare (2)");
        _click(compare);

        CompareView view = _get(CompareView.class);
        assertThat(view.comparison().models())
                .containsExactly(firstRows.get(0).name(), firstRows.get(2).name());
    }

    @Test
    void compare_with_on_a_model_page_opens_the_compare_screen_with_that_model_and_the_picker() {
        UI.getCurrent().navigate("models/" + TINY);
        _get(ModelView.class);
        _click(_get(Button.class, spec -> spec.withId("compare-with")));

        CompareView view = _get(CompareView.class);
        assertThat(view.comparison().models()).containsExactly(TINY);
        assertThat(view.picker.isEnabled()).isTrue();
        assertThat(view.hint.getText()).startsWith("Pick 1 more");
    }
}
