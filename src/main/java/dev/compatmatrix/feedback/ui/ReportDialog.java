package dev.compatmatrix.feedback.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.compatmatrix.base.ui.FieldErrors;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.TextLimit;
import java.util.Map;

/**
 * The report form for one model: the platform, what happened (works, fails, partly), the environment it ran in, a
 * comment and an optional link. Choosing a platform loads the caller's open report on that cell, which saving then
 * updates. The service checks everything ({@link ReportDraft#problems()}); its refusals show on their fields.
 */
public class ReportDialog extends Dialog {

    private final FeedbackService service;
    private final String modelName;
    private final Runnable onSaved;

    public final Select<Platform> platform = new Select<>();
    public final RadioButtonGroup<ReportOutcome> outcome = new RadioButtonGroup<>("What happened");
    public final TextField framework = new TextField("Framework");
    public final TextField frameworkVersion = new TextField("Framework version");
    public final TextField driver = new TextField("Driver / runtime");
    public final TextField device = new TextField("Device");
    public final Select<Precision> precision = new Select<>();
    public final IntegerField batchSize = new IntegerField("Batch size");
    public final TextArea comment = new TextArea("Comment");
    public final TextField link = new TextField("Link (optional)");
    /** "You reported on this cell already: saving updates that report." */
    public final Paragraph updating = new Paragraph();
    /** A refusal that belongs to no field (the hourly limit, a report triaged meanwhile). */
    public final Paragraph formError = new Paragraph();

    public final Button save = new Button("Send report");

    public ReportDialog(FeedbackService service, String modelName, Platform chosen, Runnable onSaved) {
        this.service = service;
        this.modelName = modelName;
        this.onSaved = onSaved;
        setHeaderTitle("Report on " + modelName);
        setWidth("min(48rem, 100vw)");
        platform.setLabel("Platform");
        platform.setItems(Platform.values());
        platform.setItemLabelGenerator(Platform::label);
        platform.setRequiredIndicatorVisible(true);
        platform.addValueChangeListener(e -> loadMyReport());
        outcome.setItems(ReportOutcome.values());
        outcome.setItemLabelGenerator(ReportOutcome::label);
        outcome.setRequiredIndicatorVisible(true);
        outcome.addValueChangeListener(e -> showCommentHint());
        precision.setLabel("Precision");
        precision.setItems(Precision.values());
        precision.setItemLabelGenerator(p -> p == null ? "—" : p.key());
        precision.setEmptySelectionAllowed(true);
        batchSize.setMin(1);
        batchSize.setStepButtonsVisible(true);
        comment.setValueChangeMode(ValueChangeMode.LAZY);
        comment.addValueChangeListener(e -> showCommentHint());
        link.setHelperText("http(s) only, e.g. an issue or a CI run");
        updating.setId("report-updating");
        updating.addClassName("hint");
        updating.setVisible(false);
        formError.setId("report-error");
        formError.addClassName("url-notice");
        formError.setVisible(false);

        FormLayout form = new FormLayout(
                platform, outcome, framework, frameworkVersion, driver, device, precision, batchSize, comment, link);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(outcome, 2);
        form.setColspan(comment, 2);
        form.setColspan(link, 2);
        add(
                new Paragraph(
                        "A report is not a claim: editors and validators read it, and may change the claim from it."),
                updating,
                formError,
                form);
        save.setId("report-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
        showCommentHint();
        if (chosen != null) {
            platform.setValue(chosen);
        }
    }

    /** The caller's open report on the chosen cell, if any, fills the form: saving updates it. */
    private void loadMyReport() {
        clearErrors();
        var open = platform.isEmpty()
                ? java.util.Optional.<CellReport>empty()
                : service.myOpenReport(modelName, platform.getValue());
        updating.setVisible(open.isPresent());
        open.ifPresent(report -> {
            updating.setText(
                    "You reported on this cell already (report #" + report.id() + "): saving updates that report.");
            show(report.draft());
        });
        save.setText(open.isPresent() ? "Update report" : "Send report");
    }

    private void show(ReportDraft draft) {
        outcome.setValue(draft.outcome());
        framework.setValue(orEmpty(draft.framework()));
        frameworkVersion.setValue(orEmpty(draft.frameworkVersion()));
        driver.setValue(orEmpty(draft.driver()));
        device.setValue(orEmpty(draft.device()));
        precision.setValue(draft.precision());
        batchSize.setValue(draft.batchSize());
        comment.setValue(orEmpty(draft.comment()));
        link.setValue(orEmpty(draft.link()));
    }

    ReportDraft draft() {
        return new ReportDraft(
                outcome.getValue(),
                framework.getValue(),
                frameworkVersion.getValue(),
                driver.getValue(),
                device.getValue(),
                precision.getValue(),
                batchSize.getValue(),
                comment.getValue(),
                link.getValue());
    }

    private void save() {
        clearErrors();
        if (batchSize.isInvalid()) {
            fieldErrors(Map.of("batchSize", ClaimData.BATCH_SIZE_MESSAGE));
            return;
        }
        try {
            CellReport saved = service.report(modelName, platform.getValue(), draft());
            Notification.show(
                            "Report #" + saved.id() + " on " + saved.platform().label() + " saved: thank you",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            onSaved.run();
        } catch (InvalidChangeException e) {
            fieldErrors(e.fieldErrors());
        }
    }

    /** "Required: say what went wrong · 12 / 2,000 characters" (the comment is optional for "works"). */
    private void showCommentHint() {
        String count = TextLimit.counter(comment.getValue().length(), ReportDraft.COMMENT_MAX);
        boolean required = outcome.getValue() != null && outcome.getValue() != ReportOutcome.WORKS;
        comment.setRequiredIndicatorVisible(required);
        comment.setHelperText(
                (required ? "Required: the error, or what did not work" : "Optional for \"works\"") + " · " + count);
    }

    private void fieldErrors(Map<String, String> errors) {
        FieldErrors.show(errors, this::inputFor, formError);
    }

    private Object inputFor(String field) {
        return switch (field) {
            case "platform" -> platform;
            case "outcome" -> outcome;
            case "framework" -> framework;
            case "frameworkVersion" -> frameworkVersion;
            case "driver" -> driver;
            case "device" -> device;
            case "precision" -> precision;
            case "batchSize" -> batchSize;
            case "comment" -> comment;
            case "link" -> link;
            default -> null;
        };
    }

    private void clearErrors() {
        formError.setVisible(false);
        for (HasValidation input : new HasValidation[] {
            platform, outcome, framework, frameworkVersion, driver, device, precision, batchSize, comment, link
        }) {
            input.setInvalid(false);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
