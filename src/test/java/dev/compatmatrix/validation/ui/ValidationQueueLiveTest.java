package dev.compatmatrix.validation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.compatmatrix.LiveScreenSupport.awaitOnScreen;
import static dev.compatmatrix.LiveScreenSupport.elsewhere;
import static dev.compatmatrix.LiveScreenSupport.keepsOnScreen;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.live.LiveChanges;
import dev.compatmatrix.validation.ClaimFixtures;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueRow;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The open queue follows changes made elsewhere without losing what the validator has in hand. */
class ValidationQueueLiveTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;

    @Autowired
    ValidationService validation;

    @Autowired
    LiveChanges live;

    @Autowired
    JdbcClient jdbc;

    @Test
    void changes_made_elsewhere_show_marked_and_keep_filters_dialog_and_the_selection_of_rows_still_queued() {
        Claim leaving = new ClaimFixtures(claims, jdbc).fresh(CompatibilityLevel.LOW, false, "editor");
        Claim staying = anotherClaimOfTheModel(leaving);
        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue", QueryParameters.of("q", leaving.modelName()));
        ValidationQueueView view = _get(ValidationQueueView.class);
        QueueRow leavingRow = row(view, leaving).orElseThrow();
        QueueRow stayingRow = row(view, staying).orElseThrow();
        view.grid.select(leavingRow);
        view.grid.select(stayingRow);
        view.reject(stayingRow);
        _get(TextArea.class).setValue("Half-written reason");

        elsewhere(() -> {
            TestUsers.signIn("validator3", Roles.VALIDATOR);
            validation.approve(ClaimRef.of(leavingRow), null); // validated at level 3: it leaves the queue
            TestUsers.signIn("editor", Roles.EDITOR);
            Claim now = claims.find(staying.modelName(), staying.platform()).orElseThrow();
            claims.update(
                    now, levelOnly(CompatibilityLevel.HIGH), new ChangeNote("Rerun on new hardware", "torch 2.6.0"));
        });

        int storedVersion = new ClaimFixtures(claims, jdbc).stored(staying).version();
        login("validator3", Roles.VALIDATOR);
        awaitOnScreen(() -> row(view, leaving).isEmpty()
                && view.grid.getSelectedItems().stream()
                        .map(QueueRow::version)
                        .toList()
                        .equals(List.of(storedVersion)));
        // The selection is the row still queued, as it is now (what "Approve selected" approves).
        assertThat(view.grid.getSelectedItems()).singleElement().satisfies(selected -> {
            assertThat(selected.claimId()).isEqualTo(staying.claimId());
            assertThat(selected.level()).isEqualTo(CompatibilityLevel.HIGH);
        });
        // The changed row is marked with a word, not only an outline.
        Component claimCell = GridKt._getCellComponent(view.grid, indexOf(view, staying), "claim");
        assertThat(claimCell.getElement().getClassList()).contains("live-changed");
        assertThat(_get(claimCell, Span.class, spec -> spec.withClasses("live-changed-label"))
                        .getText())
                .isEqualTo("Updated");
        // What the validator had in hand stays: the filter and the half-filled dialog.
        assertThat(view.model.getValue()).isEqualTo(leaving.modelName());
        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(_get(TextArea.class).getValue()).isEqualTo("Half-written reason");
        assertThat(view.liveRefreshes()).isBetween(1L, 3L);
    }

    @Test
    void a_change_outside_the_filters_does_not_refresh_the_queue() {
        Claim claim = new ClaimFixtures(claims, jdbc).fresh(CompatibilityLevel.MEDIUM, false, "editor");
        Platform other = claim.platform() == Platform.CPU ? Platform.CUDA : Platform.CPU;
        login("validator2", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue", QueryParameters.of("platform", other.key()));
        ValidationQueueView view = _get(ValidationQueueView.class);
        long seen = live.changesSeen();

        elsewhere(() -> {
            TestUsers.signIn("editor", Roles.EDITOR);
            Claim now = claims.find(claim.modelName(), claim.platform()).orElseThrow();
            claims.update(now, levelOnly(CompatibilityLevel.LOW), new ChangeNote("Other platform", "torch 2.6.0"));
        });

        awaitOnScreen(() -> live.changesSeen() > seen);
        keepsOnScreen(Duration.ofMillis(600), () -> view.liveRefreshes() == 0);
    }

    private Claim anotherClaimOfTheModel(Claim claim) {
        TestUsers.signIn("editor", Roles.EDITOR);
        Claim other = Arrays.stream(Platform.values())
                .filter(p -> p != claim.platform())
                .map(p -> claims.find(claim.modelName(), p))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new AssertionError(claim.modelName() + " has one claim only"));
        return claims.update(other, levelOnly(CompatibilityLevel.MEDIUM), new ChangeNote("Test setup", "torch 2.5.1"));
    }

    private static ClaimData levelOnly(CompatibilityLevel level) {
        return new ClaimData(level, null, null, null, null, "torch 2.5.1", null, null, null, false);
    }

    private static Optional<QueueRow> row(ValidationQueueView view, Claim claim) {
        return rows(view).stream().filter(r -> r.claimId() == claim.claimId()).findFirst();
    }

    private static int indexOf(ValidationQueueView view, Claim claim) {
        return rows(view).indexOf(row(view, claim).orElseThrow());
    }

    private static List<QueueRow> rows(ValidationQueueView view) {
        return GridKt._fetch(view.grid, 0, Math.min(200, GridKt._size(view.grid)));
    }
}
