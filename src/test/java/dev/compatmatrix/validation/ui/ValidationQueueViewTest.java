package dev.compatmatrix.validation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.base.ui.AccessDeniedView;
import dev.compatmatrix.compatibility.ChangeNote;
import dev.compatmatrix.compatibility.ClaimData;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ValidationStatus;
import dev.compatmatrix.security.Roles;
import dev.compatmatrix.security.ui.LoginView;
import dev.compatmatrix.validation.query.QueueRow;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ValidationQueueViewTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;
    @Autowired
    dev.compatmatrix.validation.ValidationService validation;

    @Test
    void the_queue_lists_disputed_then_stale_then_waiting_claims_and_says_what_you_may_do() {
        login("validator2", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView view = _get(ValidationQueueView.class);
        List<QueueRow> rows = rows(view);
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r ->
                assertThat(r.status() != ValidationStatus.VALIDATED || r.stale() || r.disputed()).isTrue());
        assertThat(rows).anyMatch(QueueRow::stale);
        // Disputed cells come first, with the automated side shown beside the claim.
        assertThat(rows.getFirst().disputed()).isTrue();
        assertThat(rows.getFirst().automatedDisagrees()).startsWith("nightly-ci reports ");
        int firstNotDisputed = (int) rows.stream().takeWhile(QueueRow::disputed).count();
        assertThat(rows.subList(firstNotDisputed, rows.size())).noneMatch(QueueRow::disputed);
        assertThat(rows.get(firstNotDisputed).stale()).isTrue();
        assertThat(rows).extracting(QueueRow::youMay).contains("Fully validate", "Partially (needs level 3)");
        view.requiredLevel.setValue(3);
        assertThat(rows(view)).isNotEmpty().allSatisfy(r -> assertThat(r.requiredLevel()).isEqualTo(3));
    }

    @Test
    void approving_from_the_queue_sets_the_status_and_rejecting_needs_a_comment() {
        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView view = _get(ValidationQueueView.class);
        view.platform.setValue(Platform.OPENVINO);
        QueueRow first = rows(view).stream().filter(r -> !r.simulated() && r.writtenBy() == null).findFirst().orElseThrow();
        view.approve(first);
        login("viewer", Roles.VIEWER);
        assertThat(claims.find(first.modelName(), first.platform()).orElseThrow().status())
                .isEqualTo(ValidationStatus.VALIDATED);
    }

    @Test
    void edited_substance_puts_a_validated_claim_back_in_the_queue() {
        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView view = _get(ValidationQueueView.class);
        view.platform.setValue(Platform.WEBNN);
        QueueRow row = rows(view).stream().filter(r -> r.writtenBy() == null && !r.disputed()).findFirst().orElseThrow();
        view.approve(row);
        view.platform.setValue(Platform.WEBNN);
        assertThat(rows(view)).noneMatch(r -> r.claimId() == row.claimId());

        login("editor", Roles.EDITOR);
        var claim = claims.find(row.modelName(), row.platform()).orElseThrow();
        claims.update(claim, new ClaimData(claim.data().level(), "New limitation found", null, null, null, null, null,
                null, null, false), ChangeNote.NONE);

        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        view = _get(ValidationQueueView.class);
        view.platform.setValue(Platform.WEBNN);
        assertThat(rows(view)).anyMatch(r -> r.claimId() == row.claimId() && r.status() == ValidationStatus.UNVALIDATED);
    }

    @Test
    void a_rejection_comment_shows_up_for_the_editor_on_the_model_page_and_in_the_trail() {
        login("validator1", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView view = _get(ValidationQueueView.class);
        view.platform.setValue(Platform.CPU);
        QueueRow row = rows(view).stream().filter(r -> r.writtenBy() == null).findFirst().orElseThrow();
        validation.reject(dev.compatmatrix.validation.ClaimRef.of(row), "The run log shows fp32, not fp16");

        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("models/" + row.modelName());
        var page = _get(dev.compatmatrix.compatibility.ui.ModelView.class);
        int cpuRow = 0; // platforms are listed in order, CPU first
        assertThat(GridKt._getFormatted(page.claimsGrid(), cpuRow, "review-note"))
                .isEqualTo("Rejected by Priya Raman: The run log shows fp32, not fp16");
        assertThat(page.reviewsGrid().getGenericDataView().getItems())
                .anyMatch(r -> "The run log shows fp32, not fp16".equals(r.comment()));
    }

    @Test
    void only_validators_open_the_queue() {
        UI.getCurrent().navigate("queue");
        _assertOne(LoginView.class);
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("queue");
        _assertOne(AccessDeniedView.class);
    }

    private static List<QueueRow> rows(ValidationQueueView view) {
        return IntStream.range(0, Math.min(200, GridKt._size(view.grid))).mapToObj(i -> GridKt._get(view.grid, i)).toList();
    }
}
