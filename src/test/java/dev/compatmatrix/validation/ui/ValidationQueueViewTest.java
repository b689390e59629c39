package dev.compatmatrix.validation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.security.ui.AccessDeniedView;
import dev.compatmatrix.security.ui.LoginView;
import dev.compatmatrix.validation.ClaimFixtures;
import dev.compatmatrix.validation.query.QueueRow;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ValidationQueueViewTest extends WritingKaribuTest {

    @Autowired
    ClaimService claims;

    @Autowired
    dev.compatmatrix.validation.ValidationService validation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_queue_lists_disputed_then_stale_then_waiting_claims_and_says_what_you_may_do() {
        login("validator2", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView view = _get(ValidationQueueView.class);
        List<QueueRow> rows = rows(view);
        assertThat(rows).isNotEmpty();
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.status() != ValidationStatus.VALIDATED
                                || r.stale()
                                || r.disputed()
                                || r.objection() != null)
                        .isTrue());
        assertThat(rows).anyMatch(QueueRow::stale);
        // Disputed cells come first, with the automated side shown beside the claim.
        assertThat(rows.getFirst().disputed()).isTrue();
        assertThat(rows.getFirst().automatedDisagrees()).startsWith("nightly-ci reports ");
        int firstNotDisputed = (int) rows.stream().takeWhile(QueueRow::disputed).count();
        assertThat(rows.subList(firstNotDisputed, rows.size())).noneMatch(QueueRow::disputed);
        // Objections (other tests may have left some) come next, then stale claims.
        int firstStale = firstNotDisputed
                + (int) rows.subList(firstNotDisputed, rows.size()).stream()
                        .takeWhile(r -> r.objection() != null)
                        .count();
        assertThat(rows.get(firstStale).stale()).isTrue();
        assertThat(rows).extracting(QueueRow::youMay).contains("Fully validate", "Partially (needs level 3)");
        view.requiredLevel.setValue(3);
        assertThat(rows(view))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.neededLevel()).isEqualTo(3));
    }

    @Test
    void approving_from_the_queue_sets_the_status_and_rejecting_needs_a_comment() {
        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView view = _get(ValidationQueueView.class);
        view.platform.setValue(Platform.OPENVINO);
        QueueRow first = rows(view).stream()
                .filter(r -> !r.simulated() && r.writtenBy() == null)
                .findFirst()
                .orElseThrow();
        view.approve(first);
        login("viewer", Roles.VIEWER);
        assertThat(claims.find(first.modelName(), first.platform())
                        .orElseThrow()
                        .status())
                .isEqualTo(ValidationStatus.VALIDATED);
    }

    @Test
    void edited_substance_puts_a_validated_claim_back_in_the_queue() {
        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView view = _get(ValidationQueueView.class);
        view.platform.setValue(Platform.WEBNN);
        QueueRow row = rows(view).stream()
                .filter(r -> r.writtenBy() == null && !r.disputed())
                .findFirst()
                .orElseThrow();
        view.approve(row);
        view.platform.setValue(Platform.WEBNN);
        assertThat(rows(view)).noneMatch(r -> r.claimId() == row.claimId());

        login("editor", Roles.EDITOR);
        var claim = claims.find(row.modelName(), row.platform()).orElseThrow();
        claims.update(
                claim,
                new ClaimData(
                        claim.data().level(), "New limitation found", null, null, null, null, null, null, null, false),
                ChangeNote.NONE);

        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        view = _get(ValidationQueueView.class);
        view.platform.setValue(Platform.WEBNN);
        assertThat(rows(view))
                .anyMatch(r -> r.claimId() == row.claimId() && r.status() == ValidationStatus.UNVALIDATED);
    }

    @Test
    void a_rejection_comment_shows_up_for_the_editor_on_the_model_page_and_in_the_trail() {
        login("validator1", Roles.VALIDATOR);
        UI.getCurrent().navigate("queue");
        ValidationQueueView view = _get(ValidationQueueView.class);
        view.platform.setValue(Platform.CPU);
        QueueRow row = rows(view).stream()
                .filter(r -> r.writtenBy() == null && r.status() == ValidationStatus.UNVALIDATED)
                .findFirst()
                .orElseThrow();
        validation.reject(dev.compatmatrix.matrix.ClaimRef.of(row), "The run log shows fp32, not fp16");

        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("models/" + row.modelName());
        var page = _get(dev.compatmatrix.modelpage.ui.ModelView.class);
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

    @Test
    void on_your_own_claim_approve_and_reject_are_disabled_with_the_reason_as_tooltip() {
        Claim own = fixtures().fresh(CompatibilityLevel.LOW, false, "validator2", Roles.EDITOR, Roles.VALIDATOR);
        ValidationQueueView view = openQueue(
                "validator2",
                "q=" + own.modelName() + "&platform=" + own.platform().key());
        int row = indexOf(view, own);
        List<Button> buttons = _find(GridKt._getCellComponent(view.grid, row, "actions"), Button.class);
        assertThat(buttons).extracting(Button::getText).containsExactly("Approve", "Reject…");
        assertThat(buttons).allSatisfy(button -> {
            assertThat(button.isEnabled()).isFalse();
            assertThat(button.getTooltip().getText()).isEqualTo("Not yours to review (you wrote it)");
        });
        assertThat(GridKt._getFormatted(view.grid, row, "author")).isEqualTo("validator2 (you)");
        // Someone else's claim: enabled, the tooltip says what an approval does.
        Claim other = fixtures().fresh(CompatibilityLevel.LOW, false, "editor");
        view = openQueue(
                "validator2",
                "q=" + other.modelName() + "&platform=" + other.platform().key());
        Button approve = _find(GridKt._getCellComponent(view.grid, indexOf(view, other), "actions"), Button.class)
                .getFirst();
        assertThat(approve.isEnabled()).isTrue();
        assertThat(approve.getTooltip().getText()).isEqualTo("Fully validate");
    }

    @Test
    void a_disputed_row_shows_both_sides_and_keeping_the_claim_takes_it_out_of_the_queue() {
        Claim claim = fixtures().fresh(CompatibilityLevel.HIGH, false, "editor");
        fixtures().ciReports(claim, CompatibilityLevel.MEDIUM);
        String url = "q=" + claim.modelName() + "&platform=" + claim.platform().key();

        ValidationQueueView view = openQueue("validator1", url);
        List<Button> resolve = _find(GridKt._getCellComponent(view.grid, indexOf(view, claim), "why"), Button.class);
        assertThat(resolve).extracting(Button::getText).containsExactly("Keep claim…", "Take Medium…");
        assertThat(resolve).allSatisfy(button -> {
            assertThat(button.isEnabled()).isFalse();
            assertThat(button.getTooltip().getText())
                    .isEqualTo("Resolving this dispute needs level 3; you are level 1");
        });

        view = openQueue("validator3", url);
        int row = indexOf(view, claim);
        assertThat(_get(
                                GridKt._getCellComponent(view.grid, row, "why"),
                                Span.class,
                                spec -> spec.withClasses("queue-disputed"))
                        .getText())
                .startsWith("Disputed: nightly-ci reports Medium");
        assertThat(_get(GridKt._getCellComponent(view.grid, row, "claim"), LevelBadge.class)
                        .getText())
                .startsWith("High");
        view.approve(GridKt._get(view.grid, row)); // approval alone does not end a dispute
        assertThat(rows(view))
                .anySatisfy(r -> assertThat(r.claimId() == claim.claimId() && r.disputed())
                        .isTrue());

        _find(GridKt._getCellComponent(view.grid, indexOf(view, claim), "why"), Button.class)
                .getFirst()
                .click();
        ResolveDisputeDialog dialog = _get(ResolveDisputeDialog.class);
        assertThat(dialog.getHeaderTitle())
                .isEqualTo("Keep the " + claim.platform().label() + " claim of " + claim.modelName());
        dialog.confirm.click();
        assertThat(dialog.comment.isInvalid()).as("a comment is required").isTrue();
        dialog.comment.setValue("Full suite re-run on the reference machine: High holds");
        dialog.confirm.click();

        assertThat(rows(view)).noneMatch(r -> r.claimId() == claim.claimId());
        assertThat(view.emptyState.getText()).startsWith("No claim in the queue matches these filters");
    }

    @Test
    void a_lower_level_rejection_shows_as_an_objection_that_needs_the_higher_level() {
        var claim = dev.compatmatrix.matrix.ClaimRef.of(fixtures().fresh(CompatibilityLevel.HIGH, false, "editor"));
        login("validator3", Roles.VALIDATOR);
        validation.approve(claim, null);
        login("validator1", Roles.VALIDATOR);
        validation.reject(claim, "Fails at batch 32");

        Claim stored = fixtures().demo(claim.claimId());
        ValidationQueueView view = openQueue(
                "validator1",
                "q=" + stored.modelName() + "&platform=" + stored.platform().key());
        int row = indexOf(view, stored);
        assertThat(_get(GridKt._getCellComponent(view.grid, row, "why"), Span.class)
                        .getText())
                .isEqualTo("Objection by validator1 (level 1) — needs level 3");
        assertThat(GridKt._getFormatted(view.grid, row, "needs")).isEqualTo("Level 3");
        assertThat(GridKt._getFormatted(view.grid, row, "status")).isEqualTo("Validated");
    }

    @Test
    void filters_come_from_the_url_and_a_filter_without_matches_says_so() {
        ValidationQueueView view = openQueue("validator2", "q=BERT&platform=qualcomm&level=3&age=0");
        assertThat(view.model.getValue()).isEqualTo("BERT");
        assertThat(view.platform.getValue()).isEqualTo(Platform.QUALCOMM);
        assertThat(view.requiredLevel.getValue()).isEqualTo(3);
        assertThat(view.minAgeDays.getValue()).isZero();
        assertThat(rows(view)).isNotEmpty().allSatisfy(r -> {
            assertThat(r.modelName()).containsIgnoringCase("bert");
            assertThat(r.platform()).isEqualTo(Platform.QUALCOMM);
            assertThat(r.neededLevel()).isEqualTo(3);
        });
        assertThat(QueueUrl.toQuery(QueueUrl.parse(QueryParameters.fromString("q=BERT&platform=qualcomm&level=3&age=0"))
                                .filter())
                        .getQueryString())
                .isEqualTo("q=BERT&level=3&platform=qualcomm&age=0");

        view.model.setValue("no-such-model");
        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.count.getText()).isEqualTo("0 claims waiting");
        assertThat(view.emptyState.getText())
                .isEqualTo("No claim in the queue matches these filters. Clear a filter to see more.");

        view = openQueue("validator2", "level=9&platform=tpu");
        assertThat(view.urlNotice.isVisible()).isTrue();
        assertThat(view.urlNotice.getText()).contains("level=9", "platform=tpu");
        assertThat(view.emptyState.getText()).startsWith("Nothing waiting for your level (level 2)");
    }

    @Test
    void bulk_approval_says_which_claims_were_already_validated() {
        Claim validated = fixtures().fresh(CompatibilityLevel.LOW, false, "editor");
        fixtures().ciReports(validated, CompatibilityLevel.MEDIUM); // disputed, so it stays in the queue once validated
        login("validator2", Roles.VALIDATOR);
        validation.approve(dev.compatmatrix.matrix.ClaimRef.of(validated), null);

        ValidationQueueView view = openQueue(
                "validator2",
                "q=" + validated.modelName() + "&platform="
                        + validated.platform().key());
        GridKt._selectRow(view.grid, indexOf(view, validated));
        view.approveSelected.click();

        var report = _get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("bulk-report"));
        assertThat(report.getElement().getTextRecursively())
                .isEqualTo(validated.modelName() + " on " + validated.platform().label()
                        + ": already Validated (your review is recorded)");
    }

    private ClaimFixtures fixtures() {
        return new ClaimFixtures(claims, jdbc);
    }

    private ValidationQueueView openQueue(String validator, String query) {
        login(validator, Roles.VALIDATOR);
        UI.getCurrent().navigate("queue", QueryParameters.fromString(query));
        return _get(ValidationQueueView.class);
    }

    private static int indexOf(ValidationQueueView view, Claim claim) {
        List<QueueRow> rows = rows(view);
        return IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).claimId() == claim.claimId())
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError(claim.modelName() + " on " + claim.platform() + " is not in the queue"));
    }

    private static List<QueueRow> rows(ValidationQueueView view) {
        return GridKt._fetch(view.grid, 0, Math.min(200, GridKt._size(view.grid)));
    }
}
