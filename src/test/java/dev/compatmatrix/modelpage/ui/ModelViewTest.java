package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.base.ui.NotFoundView;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ModelViewTest extends KaribuTest {

    @BeforeEach
    void signIn() {
        login("viewer", Roles.VIEWER);
    }

    @Test
    void bert_base_uncased_shows_its_eight_platforms_recommendations_and_history() {
        UI.getCurrent().navigate("models/bert-base-uncased");
        ModelView view = _get(ModelView.class);
        assertThat(_get(H2.class, spec -> spec.withId("model-name")).getText()).isEqualTo("bert-base-uncased");
        var platforms = view.claims
                .getGenericDataView()
                .getItems()
                .map(ModelView.PlatformClaim::platform)
                .toList();
        assertThat(platforms).containsExactly(Platform.values());
        assertThat(view.claims.getGenericDataView().getItems())
                .allSatisfy(c -> assertThat(c.claim()).isNotNull());
        assertThat(view.recommendations.getGenericDataView().getItems().count()).isPositive();
        assertThat(view.history.getGenericDataView().getItems().count()).isGreaterThanOrEqualTo(8);
        var cuda = view.claims
                .getGenericDataView()
                .getItems()
                .filter(c -> c.platform() == Platform.CUDA)
                .findFirst()
                .orElseThrow()
                .claim();
        assertThat(cuda.evidence().summary()).contains("NVIDIA A100 80GB", "batch 32", "fp16");
        var explanation =
                _get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("score-explanation"));
        assertThat(explanation.getSummaryText()).startsWith("How the score");
    }

    @Test
    void the_level_timeline_draws_each_platforms_levels_ending_at_its_current_level() {
        UI.getCurrent().navigate("models/bert-base-uncased");
        ModelView view = _get(ModelView.class);
        var timeline = view.levelChart.spec();
        assertThat(timeline.type()).isEqualTo(dev.compatmatrix.base.ui.chart.ChartSpec.ChartType.RANGE_BAR);
        assertThat(timeline.categories())
                .containsExactly("CPU", "CUDA", "ROCm", "Apple MPS", "OpenVINO", "Qualcomm", "WebNN", "WebGPU");
        var current = view.claims
                .getGenericDataView()
                .getItems()
                .filter(c -> c.platform() == Platform.CUDA)
                .findFirst()
                .orElseThrow()
                .claim()
                .level();
        // The newest CUDA bar is in the series of CUDA's current level.
        var newestCuda = timeline.ranges().stream()
                .flatMap(r -> r.bars().stream().map(b -> java.util.Map.entry(r.name(), b)))
                .filter(e -> e.getValue().row().equals("CUDA"))
                .max(java.util.Comparator.comparing(e -> e.getValue().start()))
                .orElseThrow();
        assertThat(newestCuda.getKey()).isEqualTo(current.label());
        assertThat(view.levelChart.table().rows()).hasSize((int)
                timeline.ranges().stream().mapToLong(r -> r.bars().size()).sum());
    }

    @Test
    void a_model_name_with_a_slash_opens_its_page() {
        UI.getCurrent().navigate("models/prajjwal1/bert-tiny");
        assertThat(_get(H2.class, spec -> spec.withId("model-name")).getText()).isEqualTo("prajjwal1/bert-tiny");
    }

    @Test
    void untested_platforms_are_listed_as_not_tested() {
        UI.getCurrent().navigate("models/microsoft/swin-tiny-patch4-window7-224");
        ModelView view = _get(ModelView.class);
        assertThat(view.claims.getGenericDataView().getItems()).hasSize(8).anyMatch(c -> c.claim() == null);
    }

    @Test
    void an_unknown_model_shows_not_found() {
        UI.getCurrent().navigate("models/no-such-model");
        _assertNone(ModelView.class);
        _get(NotFoundView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("not-found-message"))
                        .getText())
                .contains("no-such-model");
    }

    @Test
    void the_platforms_tab_shows_the_same_stale_and_disputed_marks_as_the_matrix(
            @Autowired MatrixQuery matrix, @Autowired JdbcClient jdbc) {
        UI.getCurrent().navigate("models/bert-base-uncased");
        ModelView view = _get(ModelView.class);
        int modelId = jdbc.sql("SELECT model_id FROM models WHERE model_name = 'bert-base-uncased'")
                .query(Integer.class)
                .single();
        var cells = matrix.rows(java.util.List.of(modelId)).getFirst().cells();
        assertThat(cells.values()).anyMatch(MatrixRow.Cell::stale).anyMatch(MatrixRow.Cell::disputed);
        for (Platform platform : Platform.values()) {
            MatrixRow.Cell cell = cells.get(platform);
            String level = text(GridKt._getCellComponent(view.claims, platform.ordinal(), "level"));
            String validation = GridKt._getFormatted(view.claims, platform.ordinal(), "validation");
            // The matrix cell's words and symbols: "High ✓ ◷ ⚠", and the marks in words beside the status.
            assertThat(level)
                    .as(platform.label())
                    .isEqualTo(cell.level().label() + " " + cell.status().mark() + (cell.stale() ? " ◷" : "")
                            + (cell.disputed() ? " ⚠" : ""));
            assertThat(validation.contains("◷ stale")).as(platform.label()).isEqualTo(cell.stale());
            assertThat(validation.contains("⚠ disputed")).as(platform.label()).isEqualTo(cell.disputed());
            String notes = text(GridKt._getCellComponent(view.claims, platform.ordinal(), "marks"));
            assertThat(notes.contains("Stale:")).isEqualTo(cell.stale());
            assertThat(notes.contains("Disputed:")).isEqualTo(cell.disputed());
        }
    }

    @Test
    void a_disputed_claim_names_the_automated_result_that_disputes_it_and_a_stale_one_says_why() {
        UI.getCurrent().navigate("models/bert-base-uncased");
        ModelView view = _get(ModelView.class);
        // The demo's nightly CI run 4201 reports Medium for bert-base-uncased on Qualcomm, where the claim says High.
        String qualcomm = text(GridKt._getCellComponent(view.claims, Platform.QUALCOMM.ordinal(), "marks"));
        assertThat(qualcomm)
                .contains(
                        "⚠ Disputed: nightly-ci (CI pipeline) reports Medium on 2026-10-30",
                        "run nightly-4201",
                        "QNN 2.");
        String openvino = text(GridKt._getCellComponent(view.claims, Platform.OPENVINO.ordinal(), "marks"));
        assertThat(openvino)
                .containsPattern("◷ Stale: validated 2026-\\d\\d-\\d\\d, before the age limit \\(2026-05-31\\)");
    }

    @Test
    void the_validation_trail_holds_the_approval_the_platforms_tab_names_and_history_rows_name_their_author() {
        UI.getCurrent().navigate("models/bert-base-uncased");
        ModelView view = _get(ModelView.class);
        var reviews = view.reviews.getGenericDataView().getItems().toList();
        var approved = view.claims
                .getGenericDataView()
                .getItems()
                .map(ModelView.PlatformClaim::claim)
                .filter(c -> c.status() != dev.compatmatrix.matrix.ValidationStatus.UNVALIDATED)
                .toList();
        assertThat(approved).isNotEmpty();
        for (var claim : approved) {
            assertThat(reviews)
                    .as(claim.platform().label())
                    .anyMatch(r -> r.claimId() == claim.claimId()
                            && r.decision() == dev.compatmatrix.matrix.Review.Decision.APPROVE
                            && r.validatorName().equals(claim.validator())
                            && r.reviewedAt().equals(claim.validationDate()));
        }
        assertThat(view.history.getGenericDataView().getItems())
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.changedBy()).isNotBlank());
        for (int row = 0; row < GridKt._size(view.history); row++) {
            assertThat(GridKt._getFormattedRow(view.history, row).get(5))
                    .as("By")
                    .isNotBlank();
        }
    }

    @Test
    void the_lists_of_the_model_page_show_all_their_rows_instead_of_a_small_scrolling_box() {
        UI.getCurrent().navigate("models/llama-7b");
        ModelView view = _get(ModelView.class);
        assertThat(GridKt._size(view.history)).isGreaterThan(9);
        assertThat(view.history.isAllRowsVisible()).isTrue();
        assertThat(view.reviews.isAllRowsVisible()).isTrue();
        assertThat(view.recommendations.isAllRowsVisible()).isTrue();
        assertThat(view.claims.isAllRowsVisible()).isTrue();
    }

    private static String text(com.vaadin.flow.component.Component component) {
        return component.getElement().getTextRecursively();
    }
}
