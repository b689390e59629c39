package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.compatmatrix.LivePushes;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ui.ModelView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A claim form open while someone else saves the same claim says so at once and keeps what the user typed. */
class ClaimEditorLiveTest extends WritingKaribuTest {

    private static final String MODEL = "google/flan-t5-base";

    @Autowired
    ClaimService claims;

    @Test
    void a_half_filled_form_says_at_once_that_someone_changed_its_claim_and_keeps_the_input() {
        login("alice", Roles.EDITOR);
        UI.getCurrent().navigate("models/" + MODEL);
        ModelView page = _get(ModelView.class);
        Platform platform = LivePushes.claimedPlatform(page, null);
        Claim claim = claims.find(MODEL, platform).orElseThrow();
        page.openEditor(platform);
        ClaimEditor form = _get(ClaimEditor.class);
        form.limitations.setValue("Alice: fails above batch 64");
        form.reason.setValue("Alice's half-written reason");
        assertThat(form.changedNotice.isVisible()).isFalse();

        CompatibilityLevel theirs = LivePushes.otherThan(claim.data().level());
        LivePushes.changeLevel(claims, "bob", claim, theirs);
        LivePushes.until(form.changedNotice::isVisible);

        assertThat(form.changedNotice.getText())
                .startsWith("bob changed this claim just now: level "
                        + claim.data().level().key() + " → " + theirs.key())
                .contains("What you typed is kept", "checked against their version");
        assertThat(form.changedNotice.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(form.limitations.getValue()).isEqualTo("Alice: fails above batch 64");
        assertThat(form.reason.getValue()).isEqualTo("Alice's half-written reason");
        assertThat(form.level.getValue())
                .as("the form still shows what it loaded")
                .isEqualTo(claim.data().level());
        assertThat(form.isOpened()).isTrue();

        form.save.click();
        assertThat(form.conflict.isVisible())
                .as("saving still goes through the conflict check")
                .isTrue();
        assertThat(form.conflict.getText()).contains("bob saved this claim after you opened it");
        assertThat(form.changedNotice.isVisible())
                .as("the conflict panel says it all now")
                .isFalse();
        assertThat(claims.find(MODEL, platform).orElseThrow().data().limitations())
                .isEqualTo(claim.data().limitations());
    }
}
