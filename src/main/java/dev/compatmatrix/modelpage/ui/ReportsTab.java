package dev.compatmatrix.modelpage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.base.ui.FieldErrors;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ui.ReportDialog;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Platform;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The model page's "Reports (n open)": users' reports on its cells, open first, with their environment, comment, link
 * and state. Every signed-in person reports ("Report on a platform…"); editors and validators triage each open report:
 * accept (the usual claim form, pre-filled from the report), decline with a reason, or mark it a duplicate of another
 * report on the same cell. A report is not a claim: nothing here changes a level by itself.
 */
class ReportsTab extends VerticalLayout {

    final Grid<CellReport> grid = new Grid<>();
    final Button report = new Button("Report on a platform…");
    /** The last triage dialog opened (decline or duplicate), for tests. */
    Dialog triageDialog;
    /** The last report dialog opened, for tests. */
    ReportDialog reportDialog;

    private final FeedbackService feedback;
    private final Supplier<String> modelName;
    private final boolean canTriage;
    private final Consumer<CellReport> accept;
    private final Runnable changed;
    private Tab tab;
    private List<CellReport> shown = List.of();

    ReportsTab(
            FeedbackService feedback,
            Supplier<String> modelName,
            boolean canTriage,
            Consumer<CellReport> accept,
            Runnable changed) {
        this.feedback = feedback;
        this.modelName = modelName;
        this.canTriage = canTriage;
        this.accept = accept;
        this.changed = changed;
        setPadding(false);
        setId("reports-section");
        report.setId("report-open");
        report.addClickListener(e -> openReportDialog(null));
        Paragraph intro = new Paragraph("What users saw when they ran this model. A report is not a claim: it changes"
                + " no level until an editor or validator accepts it into the claim.");
        intro.addClassName("hint");
        configureGrid();
        add(new HorizontalLayout(report), intro, grid);
    }

    static ReportsTab addTo(
            TabSheet tabs,
            FeedbackService feedback,
            Supplier<String> modelName,
            boolean canTriage,
            Consumer<CellReport> accept,
            Runnable changed) {
        ReportsTab content = new ReportsTab(feedback, modelName, canTriage, accept, changed);
        content.tab = tabs.add("Reports", content);
        content.tab.setId("reports-tab");
        content.load();
        return content;
    }

    Tab tab() {
        return tab;
    }

    /** Reads the model's reports again and updates the tab's label. */
    void load() {
        shown = feedback.modelReports(modelName.get());
        grid.setItems(shown);
        ModelView.growWithPage(grid, shown.size());
        tab.setLabel("Reports (" + shown.stream().filter(CellReport::isOpen).count() + " open)");
    }

    void openReportDialog(Platform platform) {
        reportDialog = new ReportDialog(feedback, modelName.get(), platform, this::load);
        reportDialog.open();
    }

    private void configureGrid() {
        grid.setId("reports-grid");
        grid.setEmptyStateText("No reports yet on this model's platforms.");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> "#" + r.id())
                .setHeader("Report")
                .setKey("id")
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(r -> r.platform().label())
                .setHeader("Platform")
                .setKey("platform")
                .setAutoWidth(true);
        grid.addColumn(r -> r.draft().outcome().label())
                .setHeader("Outcome")
                .setKey("outcome")
                .setAutoWidth(true);
        grid.addColumn(r -> environment(r.draft()))
                .setHeader("Environment")
                .setKey("environment")
                .setWidth("14rem")
                .setFlexGrow(1);
        grid.addColumn(r -> text(r.draft().comment()))
                .setHeader("Comment")
                .setKey("comment")
                .setWidth("18rem")
                .setFlexGrow(2);
        grid.addComponentColumn(ReportsTab::link)
                .setHeader("Link")
                .setKey("link")
                .setWidth("10rem");
        grid.addColumn(r -> text(r.reporter()) + " · " + ModelView.UTC_TIME.format(r.updatedAt()))
                .setHeader("By")
                .setKey("by")
                .setAutoWidth(true);
        grid.addColumn(ReportsTab::state)
                .setHeader("State")
                .setKey("state")
                .setWidth("12rem")
                .setFlexGrow(1);
        if (canTriage) {
            grid.addComponentColumn(this::triage)
                    .setHeader("Triage")
                    .setKey("triage")
                    .setWidth("20rem")
                    .setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
    }

    /** "PyTorch 2.5.1 · ROCm 6.2 · MI300X · fp16 · batch 8", the fields given. */
    static String environment(ReportDraft draft) {
        String runtime = draft.runtime();
        return Stream.of(
                        runtime.isEmpty() ? null : runtime,
                        draft.device(),
                        draft.precision() == null ? null : draft.precision().key(),
                        draft.batchSize() == null ? null : "batch " + draft.batchSize())
                .filter(s -> s != null)
                .map(VisibleText::of)
                .collect(Collectors.joining(" · "));
    }

    /** "Open", "Accepted — claim #12", "Declined: reason", "Duplicate of #3". */
    static String state(CellReport r) {
        return switch (r.state()) {
            case OPEN -> "Open";
            case ACCEPTED -> "Accepted by " + text(r.closedBy()) + " — the claim was changed";
            case DECLINED -> "Declined by " + text(r.closedBy()) + ": " + text(r.closeReason());
            case DUPLICATE -> "Duplicate of #" + r.duplicateOf();
        };
    }

    /** The reporter's link as text in an anchor that passes no ranking and no opener. */
    private static Component link(CellReport r) {
        if (r.draft().link() == null) {
            return new Span();
        }
        Anchor anchor = new Anchor(r.draft().link(), VisibleText.of(r.draft().link()), AnchorTarget.BLANK);
        anchor.getElement().setAttribute("rel", "nofollow noopener noreferrer");
        return anchor;
    }

    private Component triage(CellReport r) {
        if (!r.isOpen()) {
            return new Span();
        }
        Button acceptButton = small("Accept…", "accept-" + r.id(), () -> accept.accept(r));
        acceptButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button decline = small("Decline…", "decline-" + r.id(), () -> openDecline(r));
        Button duplicate = small("Duplicate…", "duplicate-" + r.id(), () -> openDuplicate(r));
        duplicate.setEnabled(!otherReportsOnCell(r).isEmpty());
        return new HorizontalLayout(acceptButton, decline, duplicate);
    }

    private static Button small(String text, String id, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private List<CellReport> otherReportsOnCell(CellReport r) {
        return shown.stream()
                .filter(o -> o.id() != r.id() && o.platform() == r.platform())
                .toList();
    }

    private void openDecline(CellReport r) {
        TextArea reason = new TextArea("Why is it declined? (the reporter reads this)");
        reason.setId("decline-reason");
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        triageDialog = triageDialog(
                "Decline report #" + r.id(),
                reason,
                "decline-confirm",
                () -> feedback.decline(r, reason.getValue()),
                Map.of("reason", reason));
    }

    private void openDuplicate(CellReport r) {
        Select<CellReport> original = new Select<>();
        original.setId("duplicate-of");
        original.setLabel("Duplicate of");
        original.setItems(otherReportsOnCell(r));
        original.setItemLabelGenerator(
                o -> "#" + o.id() + " · " + o.draft().outcome().label() + " · " + text(o.reporter()));
        triageDialog = triageDialog(
                "Mark report #" + r.id() + " a duplicate",
                original,
                "duplicate-confirm",
                () -> {
                    if (original.isEmpty()) {
                        throw new InvalidChangeException(
                                Map.of("duplicateOf", "Choose the report on this cell that it repeats"));
                    }
                    feedback.markDuplicate(r, original.getValue().id());
                },
                Map.of("duplicateOf", original));
    }

    /** A small dialog around one input; a refusal shows on its input (by field) or above it. */
    private Dialog triageDialog(
            String title,
            Component input,
            String confirmId,
            Runnable action,
            Map<String, com.vaadin.flow.component.HasValidation> inputs) {
        Dialog dialog = new Dialog(title);
        Paragraph error = new Paragraph();
        error.setId("triage-error");
        error.addClassName("url-notice");
        error.setVisible(false);
        dialog.add(error, input);
        dialog.setWidth("min(32rem, 100vw)");
        Button confirm = new Button("Confirm", e -> {
            try {
                action.run();
                dialog.close();
                load();
                changed.run();
            } catch (InvalidChangeException ex) {
                FieldErrors.show(ex.fieldErrors(), inputs::get, error);
            }
        });
        confirm.setId(confirmId);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
        return dialog;
    }

    private static String text(String value) {
        return value == null ? "" : VisibleText.of(value);
    }
}
