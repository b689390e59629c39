package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.LivePushes;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A matrix shown as of a past day is not touched by changes saved now; back to now shows them. */
class AsOfMatrixLiveTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;

    /**
     * The rows the grid's data provider gives now, as the view's state asks for them (the key mapper may still hold
     * rows of the previous fetch until the client confirms an update, which Karibu does not do on its own).
     */
    private static Collection<MatrixRow> shownRows(MatrixView view) {
        return view.grid.getLazyDataView().getItems().toList();
    }

    private static MatrixRow shown(MatrixView view, int modelId) {
        return shownRows(view).stream()
                .filter(r -> r.modelId() == modelId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_level_saved_now_does_not_change_the_past_view_until_back_to_now() throws InterruptedException {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("", QueryParameters.fromString("asOf=2026-06-01"));
        MatrixView view = _get(MatrixView.class);
        MatrixRow row = shownRows(view).stream()
                .filter(r -> r.cell(Platform.CPU) != null)
                .findFirst()
                .orElseThrow();
        CompatibilityLevel then = row.cell(Platform.CPU).level();
        long before = view.liveRefreshes.get();
        Claim claim = claims.find(row.name(), Platform.CPU).orElseThrow();
        CompatibilityLevel level = LivePushes.otherThan(claim.data().level());

        LivePushes.changeLevel(claims, "bob", claim, level);
        for (int i = 0; i < 20; i++) {
            Thread.sleep(100);
            MockVaadin.clientRoundtrip(false);
        }

        assertThat(view.liveRefreshes.get()).isEqualTo(before);
        assertThat(shown(view, row.modelId()).cell(Platform.CPU).level()).isEqualTo(then);
        view.asOfControl.backToNow.click();
        assertThat(shown(view, row.modelId()).cell(Platform.CPU).level()).isEqualTo(level);
    }
}
