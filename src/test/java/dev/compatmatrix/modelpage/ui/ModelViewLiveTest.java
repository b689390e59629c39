package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import dev.compatmatrix.LivePushes;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.ui.ClaimEditor;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ui.LevelBadge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open model page follows changes of its model saved elsewhere, in place: the chosen tab, the opened score
 * explanation and an open form stay; the changed platform is marked for a few seconds.
 */
class ModelViewLiveTest extends WritingKaribuTest {

    private static final String MODEL = "distilbert-base-uncased";

    @Autowired
    ClaimService claims;

    @Test
    void a_level_saved_by_someone_else_shows_on_the_open_model_page_with_its_tab_and_open_form_kept() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("models/" + MODEL);
        ModelView view = _get(ModelView.class);
        Platform changed = LivePushes.claimedPlatform(view, Platform.CPU);
        Claim claim = claims.find(MODEL, changed).orElseThrow();
        CompatibilityLevel level = LivePushes.otherThan(claim.data().level());
        int historyRows = GridKt._size(view.history);
        view.tabs.setSelectedIndex(3);
        String chosenTab = view.tabs.getSelectedTab().getLabel();
        _get(Details.class, spec -> spec.withId("score-explanation")).setOpened(true);
        view.openEditor(Platform.CPU);
        ClaimEditor form = _get(ClaimEditor.class);
        long before = view.liveRefreshes.get();

        LivePushes.changeLevel(claims, "bob", claim, level);
        LivePushes.awaitRefresh(view.liveRefreshes, before);

        assertThat(view.tabs.getSelectedTab().getLabel())
                .as("the chosen tab stays (its count grows)")
                .startsWith("History")
                .isNotEqualTo(chosenTab);
        assertThat(GridKt._size(view.history)).isEqualTo(historyRows + 1);
        assertThat(_get(Details.class, spec -> spec.withId("score-explanation")).isOpened())
                .isTrue();
        assertThat(form.isOpened()).as("the open form stays open").isTrue();
        int row = changed.ordinal();
        assertThat(GridKt._get(view.claims, row).claim().level()).isEqualTo(level);
        Component cell = GridKt._getCellComponent(view.claims, row, "level");
        assertThat(cell).isInstanceOf(Span.class);
        assertThat(cell.getChildren().map(Component::getClass).toList()).containsExactly(LevelBadge.class, Span.class);
        LevelBadge badge = (LevelBadge) cell.getChildren().findFirst().orElseThrow();
        assertThat(badge.getText()).startsWith(level.label());
        assertThat(badge.getClassNames()).contains("live-changed");
        assertThat(((Span) cell.getChildren().skip(1).findFirst().orElseThrow()).getText())
                .isEqualTo("Updated");
        assertThat(GridKt._getCellComponent(view.claims, Platform.CPU.ordinal(), "level"))
                .as("an unchanged platform is not marked")
                .isInstanceOf(LevelBadge.class);

        LivePushes.until(() -> GridKt._getCellComponent(view.claims, row, "level") instanceof LevelBadge plain
                && !plain.getClassNames().contains("live-changed"));
    }
}
