package dev.compatmatrix.validation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.validation.query.QueueRow;

/** The components of the queue's cells; user text only ever as text. */
final class QueueCells {

    private QueueCells() {}

    /** Model name over "Platform · level": what the row is about, in the column that stays in view. */
    static Div claim(QueueRow row) {
        Span name = new Span(VisibleText.of(row.modelName()));
        name.addClassName("queue-model");
        Span platform = new Span(row.platform().label());
        platform.addClassName("queue-platform");
        Div line = new Div(platform, new LevelBadge(row.level(), row.status()));
        line.addClassName("queue-claim-line");
        Div cell = new Div(name, line);
        cell.addClassName("queue-claim");
        return cell;
    }

    /**
     * Why the claim is waiting; a disputed row shows the automated side and the two ways to resolve it; a reported row
     * says how many users' open reports contradict the level (above whatever else holds it here).
     */
    static Component why(QueueRow row, Runnable keep, Runnable take) {
        Div cell = new Div();
        cell.addClassName("queue-why");
        if (row.reported()) {
            Span reported = new Span("Reported: " + row.openReports()
                    + (row.openReports() == 1 ? " open user report contradicts " : " open user reports contradict ")
                    + row.level().label() + " (see the model page)");
            reported.addClassName("queue-reported");
            cell.add(reported);
        }
        if (row.disputed()) {
            Span text = new Span("Disputed: " + VisibleText.of(row.dispute().summary()) + " ("
                    + row.dispute().reportedAt().toLocalDate() + ")");
            text.addClassName("queue-disputed");
            Button keepButton = new Button("Keep claim…", e -> keep.run());
            Button takeButton = new Button("Take " + row.dispute().level().label() + "…", e -> take.run());
            String blocked = row.access() == null ? null : row.access().resolveBlocked();
            for (Button button : new Button[] {keepButton, takeButton}) {
                button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                disableWith(button, blocked);
            }
            keepButton.addClassName("resolve-keep");
            takeButton.addClassName("resolve-take");
            Div buttons = new Div(keepButton, takeButton);
            buttons.addClassName("queue-resolve");
            titled(buttons, blocked);
            cell.add(text, buttons);
        } else if (row.objection() != null) {
            Span text = new Span(row.objection().label());
            text.addClassName("queue-objection");
            text.setTitle(
                    row.objection().comment() == null
                            ? ""
                            : VisibleText.of(row.objection().comment()));
            cell.add(text);
        } else if (!row.reported() || row.stale() || row.status() != ValidationStatus.VALIDATED) {
            cell.add(new Span(
                    row.stale() ? "Stale: validated too long ago or on an older runtime" : "Waiting for review"));
        }
        return cell;
    }

    static String author(QueueRow row) {
        if (row.writtenBy() == null) {
            return "—";
        }
        return row.writtenBy() + (row.access() != null && row.access().yours() ? " (you)" : "");
    }

    /** Approve and Reject…, disabled with the reason as tooltip when this validator may not review the row. */
    static Component actions(QueueRow row, Runnable approve, Runnable reject) {
        Button approveButton = new Button("Approve", e -> approve.run());
        approveButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button rejectButton = new Button("Reject…", e -> reject.run());
        rejectButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        String blocked = row.access() == null ? null : row.access().reviewBlocked();
        disableWith(approveButton, blocked);
        disableWith(rejectButton, blocked);
        if (blocked == null && row.youMay() != null) {
            approveButton.setTooltipText(row.youMay());
        }
        Div cell = new Div(approveButton, rejectButton);
        cell.addClassName("queue-actions");
        titled(cell, blocked);
        return cell;
    }

    private static void disableWith(Button button, String reason) {
        if (reason != null) {
            button.setEnabled(false);
            button.setTooltipText(reason);
            button.getElement().setAttribute("aria-label", button.getText() + " — " + reason);
        }
    }

    /** A disabled button shows no tooltip of its own on hover: its wrapper carries the reason too. */
    private static void titled(Div wrapper, String reason) {
        if (reason != null) {
            wrapper.setTitle(reason);
        }
    }
}
