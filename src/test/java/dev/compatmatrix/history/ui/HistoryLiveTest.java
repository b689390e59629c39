package dev.compatmatrix.history.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.compatmatrix.LiveScreenSupport.awaitOnScreen;
import static dev.compatmatrix.LiveScreenSupport.elsewhere;
import static dev.compatmatrix.LiveScreenSupport.keepsOnScreen;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.live.LiveChanges;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history screen refreshes for the level changes its filters cover, and for nothing else. */
class HistoryLiveTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;

    @Autowired
    LiveChanges live;

    @Autowired
    JdbcClient jdbc;

    @Test
    void only_a_level_change_of_the_filtered_model_refreshes_the_screen_and_its_new_row_is_marked() {
        List<String> models = jdbc.sql("""
                        SELECT m.model_name FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        JOIN compatibility_details d ON d.compatibility_id = c.id
                        WHERE d.hardware_type = 'cpu' AND m.deleted_at IS NULL ORDER BY m.model_name DESC LIMIT 2""").query(String.class).list();
        String watched = models.get(0);
        String other = models.get(1);
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("history", QueryParameters.of("model", watched));
        HistoryView view = _get(HistoryView.class);
        long rowsBefore = GridKt._size(view.changes);
        ChartSpec levelsBefore = view.levelChart.spec();
        long seen = live.changesSeen();

        elsewhere(() -> {
            changeLevel(other); // another model's level
            editNotes(watched); // the watched model, but no level change
        });
        awaitOnScreen(() -> live.changesSeen() >= seen + 2);
        keepsOnScreen(Duration.ofMillis(600), () -> view.liveRefreshes() == 0);

        elsewhere(() -> changeLevel(watched));
        awaitOnScreen(() -> view.liveRefreshes() == 1 && GridKt._size(view.changes) == rowsBefore + 1);
        HistoryRow newest = GridKt._get(view.changes, 0);
        assertThat(newest.modelName()).isEqualTo(watched);
        assertThat(newest.changeReason()).isEqualTo("Live level change");
        Component when = GridKt._getCellComponent(view.changes, 0, "when");
        assertThat(when.getElement().getClassList()).contains("live-changed");
        assertThat(_get(when, Span.class, spec -> spec.withClasses("live-changed-label"))
                        .getText())
                .isEqualTo("New");
        // An older row is not marked; the charts follow the new change; the filter stays.
        Component older = GridKt._getCellComponent(view.changes, 1, "when");
        assertThat(older.getElement().getClassList()).doesNotContain("live-changed");
        assertThat(view.levelChart.spec()).isNotEqualTo(levelsBefore);
        assertThat(view.currentQuery().getQueryString()).isEqualTo("model=" + watched);
    }

    private void changeLevel(String model) {
        TestUsers.signIn("editor", Roles.EDITOR);
        Claim claim = claims.find(model, Platform.CPU).orElseThrow();
        CompatibilityLevel next =
                claim.data().level() == CompatibilityLevel.LOW ? CompatibilityLevel.MEDIUM : CompatibilityLevel.LOW;
        claims.update(claim, withLevel(next, null), new ChangeNote("Live level change", "torch 2.6.0"));
    }

    private void editNotes(String model) {
        TestUsers.signIn("editor", Roles.EDITOR);
        Claim claim = claims.find(model, Platform.CPU).orElseThrow();
        claims.update(claim, withLevel(claim.data().level(), "Needs more memory"), ChangeNote.NONE);
    }

    private static ClaimData withLevel(CompatibilityLevel level, String limitations) {
        return new ClaimData(level, limitations, null, null, null, "torch 2.6.0", null, null, null, false);
    }
}
