package dev.compatmatrix.timetravel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.timetravel.ChangesFixture;
import dev.compatmatrix.timetravel.query.CellChangeKind;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The changes screen over the hand-built history: range and filters from and to the URL, counts, bad input. */
class ChangesViewTest extends WritingKaribuTest {

    private static final String RANGE = "from=2026-05-25&to=2026-07-25&family=ttc+fixture";

    @BeforeEach
    void history() {
        ChangesFixture.ensure(context);
    }

    private static final java.util.Map<String, List<String>> DEFAULT_RANGE =
            java.util.Map.of("from", List.of("2026-10-28"), "to", List.of("2026-11-27"));

    private ChangesView open(String query) {
        login("viewer", Roles.VIEWER);
        NotificationsKt.clearNotifications();
        UI.getCurrent().navigate("changes", QueryParameters.fromString(query));
        return _get(ChangesView.class);
    }

    private static List<String> lines(ChangesView view) {
        return IntStream.range(0, GridKt._size(view.changes))
                .mapToObj(i -> ChangesFixture.line(GridKt._get(view.changes, i).change()))
                .toList();
    }

    @Test
    void a_link_shows_its_range_the_counts_per_kind_and_the_changes_regressions_first() {
        ChangesView view = open(RANGE);
        assertThat(view.title.getText()).isEqualTo("Changes from 2026-05-25 to 2026-07-25");
        assertThat(view.from.day.getValue()).isEqualTo(LocalDate.of(2026, 5, 25));
        assertThat(view.to.day.getValue()).isEqualTo(LocalDate.of(2026, 7, 25));
        assertThat(view.family.getValue()).isEqualTo(ChangesFixture.FAMILY);
        assertThat(lines(view)).containsExactlyElementsOf(ChangesFixture.EXPECTED.get("2026-05-25 2026-07-25"));
        assertThat(view.kindButtons.get(CellChangeKind.REGRESSED).getText()).isEqualTo("Regressed: 1");
        assertThat(view.kindButtons.get(CellChangeKind.REMOVED).getText()).isEqualTo("Removed: 2");
        assertThat(view.allKinds.getText()).isEqualTo("All changes: 6");
        assertThat(view.changeCount.getText()).isEqualTo("6 changed cells");
        assertThat(view.rangeNotice.isVisible()).isFalse();
    }

    @Test
    void a_kind_button_and_the_filters_narrow_the_list_and_go_into_the_url() {
        ChangesView view = open(RANGE);
        view.kindButtons.get(CellChangeKind.REMOVED).click();
        assertThat(lines(view))
                .containsExactly(
                        ChangesFixture.ALPHA + " cuda high/unvalidated → — removed",
                        ChangesFixture.BETA + " rocm high/unvalidated → — removed");
        assertThat(view.kindButtons.get(CellChangeKind.REMOVED).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        view.platform.setValue(Platform.CUDA);
        assertThat(lines(view)).containsExactly(ChangesFixture.ALPHA + " cuda high/unvalidated → — removed");
        assertThat(view.kindButtons.get(CellChangeKind.REGRESSED).getText()).isEqualTo("Regressed: 1");
        assertThat(view.currentQuery().getParameters())
                .isEqualTo(QueryParameters.fromString(
                                "from=2026-05-25&to=2026-07-25&platform=cuda&family=ttc%20fixture&kind=removed")
                        .getParameters());
        ChangesView reopened = open(queryOf(view));
        assertThat(lines(reopened)).isEqualTo(lines(view));
    }

    @Test
    void picking_another_range_shows_its_changes() {
        ChangesView view = open(RANGE);
        view.to.day.setValue(LocalDate.of(2026, 8, 25));
        view.from.day.setValue(LocalDate.of(2026, 7, 25));
        assertThat(lines(view)).containsExactlyElementsOf(ChangesFixture.EXPECTED.get("2026-07-25 2026-08-25"));
        assertThat(view.currentQuery().getParameters())
                .containsEntry("from", List.of("2026-07-25"))
                .containsEntry("to", List.of("2026-08-25"));
    }

    @Test
    void without_a_range_the_last_thirty_days_show_and_go_into_the_url() {
        ChangesView view = open("");
        assertThat(view.rangeNotice.isVisible()).isFalse();
        assertThat(view.currentQuery().getParameters()).isEqualTo(DEFAULT_RANGE);
    }

    @Test
    void bad_ends_get_a_notice_naming_the_end_and_why_and_the_default_range_shows() {
        assertNotice("from=2099-01-01&to=2026-05-05", "from: 2099-01-01 is in the future");
        assertNotice("from=1999-01-01&to=2026-05-05", "from: 1999-01-01 is before the recorded history");
        assertNotice("from=2026-05-05&to=someday", "to: \"someday\" is neither a date");
        assertNotice("from=2026-06-01&to=2026-05-05", "to: 2026-05-05 is not after from");
        assertNotice("from=2026-02-30&to=2026-05-05", "from: 2026-02-30 is not a calendar date");
    }

    private void assertNotice(String query, String why) {
        ChangesView view = open(query);
        assertThat(view.rangeNotice.isVisible()).as(query).isTrue();
        assertThat(view.rangeNotice.getText())
                .as(query)
                .contains(why, "Showing the changes from the end of 2026-10-28");
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anyMatch(text -> text.contains(why));
        assertThat(view.currentQuery().getParameters()).as(query).isEqualTo(DEFAULT_RANGE);
    }

    @Test
    void typed_text_in_the_link_stays_text() {
        ChangesView view = open("from=<b>bold</b>&to=2026-05-05&family=<img src=x onerror=alert(1)>");
        assertThat(view.rangeNotice.getText()).contains("\"<b>bold</b>\"");
        assertThat(view.rangeNotice.getElement().getChildren()).allMatch(child -> child.isTextNode());
        assertThat(view.family.getValue()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(GridKt._size(view.changes)).isZero();
    }

    @Test
    void a_snapshot_is_offered_as_an_end_and_its_name_goes_into_the_url() {
        ChangesFixture.withSnapshot(context, "ttc-release-1", java.time.LocalDateTime.of(2026, 6, 25, 12, 0), () -> {
            ChangesView view = open(RANGE);
            assertThat(view.from.snapshot.getListDataView().getItems()).contains("ttc-release-1");
            view.from.snapshot.setValue("ttc-release-1");
            assertThat(view.from.day.getValue()).isNull();
            assertThat(view.title.getText()).isEqualTo("Changes from ttc-release-1 to 2026-07-25");
            assertThat(lines(view)).containsExactlyElementsOf(ChangesFixture.EXPECTED.get("2026-06-25 2026-07-25"));
            assertThat(view.currentQuery().getParameters()).containsEntry("from", List.of("ttc-release-1"));
            ChangesView reopened = open(view.currentQuery().getQueryString());
            assertThat(reopened.from.snapshot.getValue()).isEqualTo("ttc-release-1");
            assertThat(lines(reopened)).isEqualTo(lines(view));
        });
    }

    @Test
    void the_menu_lists_changes_after_history() {
        open(RANGE);
        List<String> labels = _get(SideNav.class).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(labels.indexOf("Changes")).isPositive().isEqualTo(labels.indexOf("History") + 1);
    }

    private static String queryOf(ChangesView view) {
        return view.currentQuery().getQueryString();
    }
}
