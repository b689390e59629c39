package dev.compatmatrix.recommendation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ui.ModelView;
import dev.compatmatrix.recommendation.query.RecommendationRow;
import dev.compatmatrix.security.ui.AccessDeniedView;
import dev.compatmatrix.security.ui.LoginView;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RecommendationsViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void without_filters_the_grid_pages_every_recommendation_and_the_chart_tallies_them_per_platform() {
        RecommendationsView view = open("");
        long all = count("TRUE");
        assertThat(GridKt._size(view.grid)).isEqualTo(all);
        assertThat(view.rowCount.getText()).isEqualTo(all + " recommendations");
        ChartSpec chart = view.platformChart.spec();
        assertThat(chart.type()).isEqualTo(ChartSpec.ChartType.BAR);
        assertThat(chart.title()).isEqualTo("Recommended platform for the selection");
        assertThat(chart.categories())
                .containsExactlyElementsOf(
                        Stream.of(Platform.values()).map(Platform::label).toList());
        assertThat(chart.series()).extracting(ChartSpec.Series::name).containsExactly("Recommended", "Fallback");
        assertThat(chart.xTitle()).isEqualTo("Platform");
        assertThat(chart.yTitle()).isEqualTo("Recommendations");
        assertThat(sum(chart.series().getFirst())).isEqualTo(all);
        assertThat(view.platformChart.table().rows()).hasSize(8);
    }

    @Test
    void changing_a_filter_updates_the_grid_the_chart_and_the_url() {
        RecommendationsView view = open("");
        view.filters.task.setValue("text_generation");
        assertThat(GridKt._size(view.grid)).isEqualTo(count("hr.task_type = 'text_generation'"));
        assertThat(rows(view)).allSatisfy(r -> assertThat(r.taskType()).isEqualTo("text_generation"));
        assertChartMatches(view, "hr.task_type = 'text_generation'");
        assertThat(lastUrl()).isEqualTo("recommendations?task=text_generation");

        view.filters.batch.setValue(32);
        String both = "hr.task_type = 'text_generation' AND hr.batch_size = 32";
        assertThat(GridKt._size(view.grid)).isEqualTo(count(both));
        assertThat(rows(view)).allSatisfy(r -> assertThat(r.batchSize()).isEqualTo(32));
        assertChartMatches(view, both);
        assertThat(lastUrl()).isEqualTo("recommendations?task=text_generation&batch=32");

        view.filters.model.setValue("GPT");
        String all3 = both + " AND m.model_name ILIKE '%gpt%'";
        assertThat(GridKt._size(view.grid)).isPositive().isEqualTo(count(all3));
        assertChartMatches(view, all3);
        assertThat(lastUrl()).isEqualTo("recommendations?task=text_generation&batch=32&model=GPT");

        view.filters.task.setValue(null);
        assertThat(GridKt._size(view.grid)).isEqualTo(count("hr.batch_size = 32 AND m.model_name ILIKE '%gpt%'"));
        assertThat(lastUrl()).isEqualTo("recommendations?batch=32&model=GPT");
    }

    @Test
    void a_link_with_filters_restores_them() {
        RecommendationsView view = open("task=text_generation&model=t5");
        assertThat(view.filters.task.getValue()).isEqualTo("text_generation");
        assertThat(view.filters.batch.getValue()).isNull();
        assertThat(view.filters.model.getValue()).isEqualTo("t5");
        assertThat(view.urlNotice.isVisible()).isFalse();
        assertThat(NotificationsKt.getNotifications()).isEmpty();
        String seedsExample = "m.model_name LIKE '%t5%' AND hr.task_type = 'text_generation'";
        assertThat(GridKt._size(view.grid)).isPositive().isEqualTo(count(seedsExample));
        assertChartMatches(view, seedsExample);
    }

    @Test
    void a_link_with_a_sort_restores_it_and_sorting_a_column_writes_it_back() {
        RecommendationsView view = open("batch=8&sort=-ratio");
        assertThat(view.grid.getSortOrder()).singleElement().satisfies(order -> {
            assertThat(order.getSorted().getKey()).isEqualTo("ratio");
            assertThat(order.getDirection()).isEqualTo(SortDirection.DESCENDING);
        });
        assertThat(rows(view))
                .extracting(RecommendationRow::performanceRatio)
                .filteredOn(Objects::nonNull)
                .isSortedAccordingTo(Comparator.reverseOrder());

        view.grid.sort(List.of(new GridSortOrder<>(view.grid.getColumnByKey("memory"), SortDirection.ASCENDING)));
        assertThat(rows(view))
                .extracting(RecommendationRow::memoryRequirementsMb)
                .isSorted();
        assertThat(lastUrl()).isEqualTo("recommendations?batch=8&sort=memory");
    }

    @Test
    void bad_link_input_is_ignored_with_a_notification_naming_it() {
        String overlong = "x".repeat(201);
        RecommendationsView view = open("batch=abc&task=robot%3Bdrop&model=" + overlong);
        assertThat(view.filters.task.getValue()).isNull();
        assertThat(view.filters.batch.getValue()).isNull();
        assertThat(view.filters.model.getValue()).isEmpty();
        assertThat(GridKt._size(view.grid)).isEqualTo(count("TRUE"));
        assertThat(view.urlNotice.isVisible()).isTrue();
        assertThat(NotificationsKt.getNotifications())
                .singleElement()
                .extracting(RecommendationsViewTest::text)
                .asString()
                .contains("batch=abc", "task=robot;drop", "model=xxx");

        NotificationsKt.clearNotifications();
        view = open("batch=-3&task=text_generation");
        assertThat(view.filters.task.getValue()).isEqualTo("text_generation");
        assertThat(view.filters.batch.getValue()).isNull();
        assertThat(NotificationsKt.getNotifications())
                .singleElement()
                .extracting(RecommendationsViewTest::text)
                .asString()
                .contains("batch=-3")
                .doesNotContain("task");
    }

    @Test
    void clicking_a_row_opens_its_model_page() {
        RecommendationsView view = open("model=whisper-tiny");
        assertThat(rows(view))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.modelName()).isEqualTo("openai/whisper-tiny"));
        GridKt._clickItem(view.grid, 0);
        _assertOne(ModelView.class);
    }

    @Test
    void the_menu_lists_recommendations_after_the_dashboard() {
        open("");
        List<String> labels = _get(SideNav.class).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(labels.indexOf("Recommendations")).isPositive().isEqualTo(labels.indexOf("Dashboard") + 1);
    }

    @Test
    void signed_out_users_are_sent_to_the_login() {
        UI.getCurrent().navigate(RecommendationsView.ROUTE);
        _assertOne(LoginView.class);
    }

    @Test
    void a_user_without_a_role_is_denied() {
        login("nobody");
        UI.getCurrent().navigate(RecommendationsView.ROUTE);
        _assertOne(AccessDeniedView.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.VIEWER, Roles.EDITOR, Roles.VALIDATOR, Roles.ADMIN})
    void every_role_sees_the_recommendations(String role) {
        login("someone", role);
        UI.getCurrent().navigate(RecommendationsView.ROUTE);
        _assertOne(RecommendationsView.class);
    }

    private RecommendationsView open(String query) {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate(RecommendationsView.ROUTE, QueryParameters.fromString(query));
        return _get(RecommendationsView.class);
    }

    /** The chart's two series equal a direct count of each platform as recommended and as fallback. */
    private void assertChartMatches(RecommendationsView view, String where) {
        ChartSpec chart = view.platformChart.spec();
        for (Platform platform : Platform.values()) {
            String key = "'" + platform.key() + "'";
            assertThat(chart.series().get(0).data().get(platform.ordinal()).longValue())
                    .as(platform + " recommended")
                    .isEqualTo(count(where + " AND hr.recommended_hardware = " + key));
            assertThat(chart.series().get(1).data().get(platform.ordinal()).longValue())
                    .as(platform + " fallback")
                    .isEqualTo(count(where + " AND hr.fallback_hardware = " + key));
        }
    }

    private long count(String where) {
        return jdbc.sql("SELECT count(*) FROM hardware_recommendations hr JOIN models m ON m.model_id = hr.model_id "
                        + "WHERE m.deleted_at IS NULL AND " + where)
                .query(Long.class)
                .single();
    }

    private static long sum(ChartSpec.Series series) {
        return series.data().stream().mapToLong(Number::longValue).sum();
    }

    private static List<RecommendationRow> rows(RecommendationsView view) {
        return IntStream.range(0, GridKt._size(view.grid))
                .mapToObj(i -> GridKt._get(view.grid, i))
                .toList();
    }

    /** The address the view last put into the browser's location bar (History.replaceState runs as JavaScript). */
    private static String lastUrl() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .flatMap(js -> js.getInvocation().getParameters().stream())
                .filter(p -> p instanceof String s && s.startsWith(RecommendationsView.ROUTE))
                .map(String.class::cast)
                .reduce((first, second) -> second)
                .orElse(null);
    }

    private static String text(Notification notification) {
        return notification.getElement().getProperty("text");
    }
}
