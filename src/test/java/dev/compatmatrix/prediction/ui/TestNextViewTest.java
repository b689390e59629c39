package dev.compatmatrix.prediction.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.TestNextFixture;
import dev.compatmatrix.prediction.query.TestNextRow;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The "What to test next" screen: the filter from and to the URL, rows linking to model pages, the training state. */
class TestNextViewTest extends WritingKaribuTest {

    @BeforeEach
    void fixture() {
        TestNextFixture.ensure(context);
    }

    private TestNextView open(String query) {
        login("viewer", Roles.VIEWER);
        NotificationsKt.clearNotifications();
        UI.getCurrent().navigate("test-next", QueryParameters.fromString(query));
        return _get(TestNextView.class);
    }

    /** Every row of the grid in one fetch (a fetch per row re-counts the list each time: minutes on the shared data). */
    private static List<TestNextRow> rows(TestNextView view) {
        return GridKt._fetch(view.grid, 0, GridKt._size(view.grid)).stream()
                .map(TestNextView.Ranked::row)
                .toList();
    }

    @Test
    void the_platform_and_family_in_the_link_filter_the_ranked_list_and_each_model_links_to_its_page() {
        TestNextFixture.adopt(context);
        TestNextView view = open("platform=rocm&family=" + TestNextFixture.FAMILY_A);

        assertThat(view.platform.getValue()).isEqualTo(Platform.ROCM);
        assertThat(rows(view))
                .extracting(TestNextRow::modelName)
                .containsExactly(TestNextFixture.A1, TestNextFixture.A3, TestNextFixture.A2);
        assertThat(view.cellCount.getText()).isEqualTo("3 untested cells");
        assertThat(view.urlNotice.isVisible()).isFalse();
        Anchor link = (Anchor) GridKt._getCellComponent(view.grid, 0, "model");
        assertThat(link.getHref()).isEqualTo("models/" + TestNextFixture.A1);
        assertThat(link.getText()).isEqualTo(TestNextFixture.A1);
        Span prediction = (Span) GridKt._getCellComponent(view.grid, 2, "prediction");
        assertThat(prediction.getText()).isEqualTo("likely Low · 40 %");
        assertThat(prediction.getClassNames()).contains("test-next-prediction");
        assertThat(((Span) GridKt._getCellComponent(view.grid, 0, "prediction")).getText())
                .isEqualTo("no prediction");
        assertThat(view.download.getHref()).isNotBlank();
    }

    @Test
    void choosing_a_platform_narrows_the_list_and_goes_into_the_url() {
        TestNextFixture.adopt(context);
        TestNextView view = open("family=" + TestNextFixture.FAMILY_A);
        assertThat(rows(view)).extracting(TestNextRow::platform).contains(Platform.CPU, Platform.WEBGPU);

        view.platform.setValue(Platform.CUDA);
        assertThat(rows(view))
                .extracting(r -> r.modelName() + " " + r.platform().key())
                .containsExactly(TestNextFixture.A2 + " cuda", TestNextFixture.A1 + " cuda");
        assertThat(view.currentQuery().getParameters())
                .isEqualTo(QueryParameters.fromString("platform=cuda&family=" + TestNextFixture.FAMILY_A)
                        .getParameters());
        assertThat(rows(open(view.currentQuery().getQueryString()))).isEqualTo(rows(view));
    }

    @Test
    void an_unknown_platform_in_the_link_gets_a_notice_and_the_unfiltered_list() {
        TestNextView view = open("platform=tpu");
        assertThat(view.urlNotice.isVisible()).isTrue();
        assertThat(view.urlNotice.getText()).contains("platform=tpu");
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anyMatch(text -> text.contains("platform=tpu"));
        assertThat(view.platform.getValue()).isNull();
        assertThat(rows(view).stream().map(TestNextRow::platform).distinct().count())
                .isGreaterThan(1);
        assertThat(view.currentQuery().getParameters()).isEmpty();
    }

    @Test
    void without_training_the_screen_says_so_and_ranks_by_shared_cells_alone() {
        TestNextFixture.forgetTraining(context.getBean(JdbcClient.class));
        TestNextView view = open("family=" + TestNextFixture.FAMILY_B);
        assertThat(view.trainingState.getText()).contains("Predictions haven't been trained yet", "shared cells only");
        assertThat(rows(view)).allMatch(r -> r.prediction() == null && r.entropy() == 2.0);

        long runId = TestNextFixture.adopt(context);
        TestNextView trained = open("");
        assertThat(trained.trainingState.getText())
                .contains("training run " + runId)
                .contains("on CPU, Apple MPS, OpenVINO, Qualcomm, WebNN, WebGPU they do not beat the baseline");
    }

    @Test
    void the_menu_lists_what_to_test_next_after_the_validation_queue() {
        login("validator1", Roles.VALIDATOR);
        UI.getCurrent().navigate("test-next");
        List<String> labels = _get(SideNav.class).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(labels.indexOf("What to test next")).isPositive().isEqualTo(labels.indexOf("Validation queue") + 1);
        assertThat(labels.indexOf("Dashboard")).isEqualTo(labels.indexOf("What to test next") + 1);
    }
}
