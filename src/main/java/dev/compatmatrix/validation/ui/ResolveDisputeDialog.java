package dev.compatmatrix.validation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.validation.ReviewRefusedException;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueRow;
import java.util.function.BiConsumer;

/**
 * Resolving a disputed claim, with both sides shown side by side: keep the claim (a comment is required) or take the
 * automated level (a claim change: history row, validation reset).
 */
class ResolveDisputeDialog extends Dialog {

    final TextArea comment = new TextArea();
    final Button confirm = new Button();

    /** {@code done} gets the message to show and whether it reports success (false: a refusal, shown as a warning). */
    ResolveDisputeDialog(ValidationService validation, QueueRow row, boolean take, BiConsumer<String, Boolean> done) {
        AutomatedResult result = row.dispute();
        setHeaderTitle((take ? "Take the automated level for " : "Keep the ")
                + row.platform().label() + " claim of " + row.modelName());
        setWidth("min(40rem, 95vw)");
        Div claimSide = side(
                "The claim",
                new LevelBadge(row.level(), row.status()),
                row.status().label() + (row.writtenBy() == null ? "" : " · written by " + row.writtenBy()));
        Div automatedSide = side(
                result.reporter() + " reports",
                automatedLevel(result),
                "on " + result.reportedAt().toLocalDate()
                        + (result.evidenceRun() == null ? "" : " · run " + result.evidenceRun())
                        + (result.frameworkVersion() == null ? "" : " · " + result.frameworkVersion()));
        HorizontalLayout sides = new HorizontalLayout(claimSide, automatedSide);
        sides.setWidthFull();
        sides.addClassName("dispute-sides");
        Paragraph effect = new Paragraph(
                take
                        ? "The claim becomes " + result.level().label()
                                + ": a history row records why, and its validation is reset."
                        : "The claim keeps its level and validation; the dispute stays resolved until a newer automated result"
                                + " disagrees.");
        comment.setLabel(take ? "Comment (optional; goes into the history reason)" : "Why the claim is right");
        comment.setRequiredIndicatorVisible(!take);
        comment.setMaxLength(ValidationService.RESOLUTION_COMMENT_MAX);
        comment.setWidthFull();
        comment.setId("resolve-comment");
        confirm.setText(take ? "Take " + result.level().label() : "Keep the claim");
        confirm.setId(take ? "confirm-take" : "confirm-keep");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                if (take) {
                    validation.takeAutomatedLevel(ClaimRef.of(row), comment.getValue());
                    done.accept(
                            "Took " + result.summary() + ": the claim is now "
                                    + result.level().label() + ", unvalidated, and back in the queue",
                            true);
                } else {
                    validation.keepClaim(ClaimRef.of(row), comment.getValue());
                    done.accept("Kept the claim; the dispute with " + result.reporter() + " is resolved", true);
                }
                close();
            } catch (ReviewRefusedException | InvalidChangeException ex) {
                comment.setErrorMessage(ex.getMessage());
                comment.setInvalid(true);
            } catch (ClaimConflictException ex) {
                close();
                done.accept(ex.getMessage(), false);
            }
        });
        add(sides, effect, comment);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }

    private static Span automatedLevel(AutomatedResult result) {
        Span level = new Span(LevelBadge.word(result.level()));
        level.addClassNames("level", LevelBadge.cssClass(result.level()));
        return level;
    }

    private static Div side(String title, Component level, String details) {
        Span heading = new Span(title);
        heading.addClassName("dispute-side-title");
        Div side = new Div(heading, level, new Div(details));
        side.addClassName("dispute-side");
        return side;
    }
}
