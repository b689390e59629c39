package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * After a conflict: for each field the other person changed and the user's input differs from, their value beside
 * the user's and a choice between them. A choice writes that value into the form, so the form always holds exactly
 * what the next save sends. A field only they changed starts as "take theirs" (the form shows their value); a field
 * both changed has no choice until the user makes one. "Load theirs" discards the user's input instead.
 */
class ClaimConflictPanel extends VerticalLayout {

    enum Choice {
        MINE("Keep mine"),
        THEIRS("Take theirs");

        final String label;

        Choice(String label) {
            this.label = label;
        }
    }

    /** One row: the field, both values, and what the user chose. */
    record Row(ClaimFormField<?> field, RadioButtonGroup<Choice> choice) {}

    final Paragraph message = new Paragraph();
    final Button loadTheirs = new Button("Discard my input and load theirs");
    final List<Row> rows = new ArrayList<>();
    private final Div rowsBox = new Div();
    /** The version saved meanwhile; null when it was removed. */
    private ClaimData theirs;

    ClaimConflictPanel(java.util.function.Consumer<ClaimData> onLoadTheirs) {
        setPadding(false);
        setSpacing(false);
        message.setId("claim-conflict");
        message.addClassName("url-notice");
        loadTheirs.setId("conflict-load-theirs");
        loadTheirs.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        loadTheirs.addClickListener(e -> onLoadTheirs.accept(theirs));
        rowsBox.setWidthFull();
        add(message, rowsBox, loadTheirs);
        setVisible(false);
    }

    /**
     * Shows the conflict of the user's {@code mine}, made on {@code base} (null when the user was creating the claim),
     * with {@code current}, the version saved meanwhile (null when it was removed).
     */
    void show(String text, ClaimData base, ClaimData mine, Claim current, List<ClaimFormField<?>> fields) {
        message.setText(text);
        rows.clear();
        rowsBox.removeAll();
        theirs = current == null ? null : current.data();
        if (theirs != null) {
            String who = current.updatedBy() == null ? "Theirs" : "Theirs (" + current.updatedBy() + ")";
            for (ClaimFormField<?> field : fields) {
                Object theirValue = field.value(theirs);
                Object myValue = field.value(mine);
                boolean theyChanged = base == null || !Objects.equals(field.value(base), theirValue);
                if (theyChanged && !Objects.equals(myValue, theirValue)) {
                    boolean onlyTheyChanged = base != null && Objects.equals(myValue, field.value(base));
                    rows.add(addRow(field, who, theirValue, myValue, onlyTheyChanged, mine));
                }
            }
        }
        loadTheirs.setVisible(theirs != null);
        setVisible(true);
    }

    private Row addRow(
            ClaimFormField<?> field,
            String who,
            Object theirValue,
            Object myValue,
            boolean onlyTheyChanged,
            ClaimData mine) {
        RadioButtonGroup<Choice> choice = new RadioButtonGroup<>();
        choice.setId("conflict-choice-" + field.key());
        choice.setAriaLabel(field.label() + ": keep mine or take theirs");
        choice.setItems(Choice.values());
        choice.setItemLabelGenerator(c -> c.label);
        choice.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                choice.setInvalid(false);
                field.show(e.getValue() == Choice.THEIRS ? theirs : mine);
            }
        });
        if (onlyTheyChanged) {
            choice.setValue(Choice.THEIRS);
        }
        Span label = new Span(field.label() + (onlyTheyChanged ? " (only they changed it)" : " (you both changed it)"));
        label.getStyle().set("font-weight", "600").set("grid-column", "1 / -1");
        Div row = new Div(
                label,
                valueBox(who, theirValue, "conflict-theirs-" + field.key()),
                valueBox("Yours", myValue, "conflict-mine-" + field.key()),
                choice);
        choice.getStyle().set("grid-column", "1 / -1");
        row.addClassName("claim-conflict-row");
        row.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "minmax(0, 1fr) minmax(0, 1fr)")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-s) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        rowsBox.add(row);
        return new Row(field, choice);
    }

    private static Div valueBox(String caption, Object value, String id) {
        Span heading = new Span(caption);
        heading.getStyle()
                .set("display", "block")
                .set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)");
        Span text = new Span(display(value));
        text.setId(id);
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        Div box = new Div(heading, text);
        box.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("max-height", "8rem")
                .set("overflow", "auto")
                .set("font-size", "var(--lumo-font-size-s)");
        return box;
    }

    /** Marks each field still waiting for a choice; true when there is one. */
    boolean unresolved() {
        boolean any = false;
        for (Row row : rows) {
            if (row.choice().getValue() == null) {
                row.choice().setErrorMessage("You both changed this: keep yours or take theirs");
                row.choice().setInvalid(true);
                any = true;
            }
        }
        return any;
    }

    void clear() {
        rows.clear();
        rowsBox.removeAll();
        setVisible(false);
    }

    static String display(Object value) {
        return switch (value) {
            case null -> "(empty)";
            case CompatibilityLevel level -> level.label();
            case Precision precision -> precision.key();
            case Boolean flag -> flag ? "yes" : "no";
            case String text when text.isEmpty() -> "(empty)";
            default -> value.toString();
        };
    }
}
