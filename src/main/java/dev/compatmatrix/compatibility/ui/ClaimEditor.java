package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.validator.BeanValidator;
import dev.compatmatrix.base.ui.FieldErrors;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.ReportDraft;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimConflictException;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.ClaimFields;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.EvidenceRun;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Precision;
import dev.compatmatrix.matrix.live.MatrixChange;
import dev.compatmatrix.matrix.ui.LiveUpdates;
import java.util.List;
import java.util.Map;

/**
 * The form for one claim: create it for a not-tested cell, edit it, or remove it (after asking). Every save is one
 * service call; every error of the form shows at once on its field; a conflict shows the other person's values
 * beside the user's, and the next save goes against the version the user was shown. While the form is open, a change
 * someone else saves to its claim is announced at once, with the user's input kept.
 */
public class ClaimEditor extends Dialog {

    private final ClaimService service;
    private final String modelName;
    private final Platform platform;
    private final Runnable onSaved;
    /** The version the user's input is based on; after a conflict, the version the conflict panel showed. */
    private Claim loaded;

    final Select<CompatibilityLevel> level = new Select<>();
    final TextArea limitations = new TextArea("Limitations");
    final TextArea workarounds = new TextArea("Workarounds");
    final TextArea performanceNotes = new TextArea("Performance notes");
    final TextField evidenceRun = new TextField("Test run (id or link)");
    final TextField frameworkVersion = new TextField("Framework / runtime / driver version");
    final TextField device = new TextField("Device");
    final IntegerField batchSize = new IntegerField("Batch size");
    final Select<Precision> precision = new Select<>();
    final Checkbox simulated = new Checkbox("Simulated (emulator or simulator; can never be validated)");
    final TextArea reason = new TextArea("Reason for the change");
    final TextField version = new TextField("Version the change is about");
    /** Shown when the form starts from a prediction: a prediction is no evidence. */
    final Paragraph predictionNote = new Paragraph();
    /** Shown when the form starts from a user's report: whose, and what it said. */
    final Paragraph reportNote = new Paragraph();
    /** The report being accepted; saving closes it in the same transaction. Null: an ordinary edit. */
    private CellReport fromReport;
    /** A refusal that belongs to no field. */
    final Paragraph formError = new Paragraph();
    /** Someone else changed this claim while the form is open: who, what, and what saving will do. */
    final Paragraph changedNotice = new Paragraph();
    /** Who has the form open, to tell their own change in another window from someone else's. */
    private final String user = Actor.nameOrNull();

    final ClaimConflictPanel conflictPanel = new ClaimConflictPanel(this::loadTheirs);
    /** The conflict's message (inside {@link #conflictPanel}). */
    final Paragraph conflict = conflictPanel.message;

    final List<ClaimFormField<?>> fields = List.of(
            new ClaimFormField<>("level", level, ClaimData::level),
            new ClaimFormField<>("limitations", limitations, ClaimData::limitations),
            new ClaimFormField<>("workarounds", workarounds, ClaimData::workarounds),
            new ClaimFormField<>("performanceNotes", performanceNotes, ClaimData::performanceNotes),
            new ClaimFormField<>("evidenceRun", evidenceRun, ClaimData::evidenceRun),
            new ClaimFormField<>("frameworkVersion", frameworkVersion, ClaimData::frameworkVersion),
            new ClaimFormField<>("device", device, ClaimData::device),
            new ClaimFormField<>("batchSize", batchSize, ClaimData::batchSize),
            new ClaimFormField<>("precision", precision, ClaimData::precision),
            new ClaimFormField<>("simulated", simulated, ClaimData::simulated));
    /**
     * Checks each field as the user types by ClaimData's own constraints (limits and messages); the browser itself
     * cuts nothing, and the service checks everything again on save.
     */
    private final Binder<ClaimData> binder = new BeanValidationBinder<>(ClaimData.class);
    /** Reason and version, checked by the rule the service applies ({@link ChangeNote#problems}). */
    private final Binder<ChangeNote> noteBinder = new Binder<>(ChangeNote.class);

    private final CharacterCounter reasonCounter;
    final Button save = new Button("Save");
    final Button remove = new Button("Remove claim…");
    /** The removal dialog last opened, for tests. */
    RemoveClaimDialog removeDialog;

    public ClaimEditor(
            ClaimService service,
            LiveUpdates live,
            String modelName,
            Platform platform,
            Claim loaded,
            Runnable onSaved) {
        this.service = service;
        this.modelName = modelName;
        this.platform = platform;
        this.loaded = loaded;
        this.onSaved = onSaved;
        setHeaderTitle((loaded == null ? "New claim: " : "Edit claim: ") + modelName + " on " + platform.label());
        setWidth("min(56rem, 100vw)");
        reasonCounter = CharacterCounter.on(reason, ChangeNote.REASON_MAX);
        configureFields();
        formError.addClassName("url-notice");
        formError.setVisible(false);
        changedNotice.setId("claim-changed-notice");
        changedNotice.addClassName("url-notice");
        changedNotice.getElement().setAttribute("role", "alert");
        changedNotice.setVisible(false);
        live.keepCurrent(this, this::touchesThisClaim, this::noticeChange);

        FormLayout form = new FormLayout(
                level,
                precision,
                limitations,
                workarounds,
                performanceNotes,
                evidenceRun,
                frameworkVersion,
                device,
                batchSize,
                simulated,
                reason,
                version);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36rem", 2));
        form.setColspan(limitations, 2);
        form.setColspan(workarounds, 2);
        form.setColspan(performanceNotes, 2);
        form.setColspan(simulated, 2);
        form.setColspan(reason, 2);
        predictionNote.setId("claim-from-prediction");
        predictionNote.addClassName("hint");
        predictionNote.setVisible(false);
        reportNote.setId("claim-from-report");
        reportNote.addClassName("hint");
        reportNote.setVisible(false);
        add(predictionNote, reportNote, changedNotice, conflictPanel, formError, form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("claim-save");
        save.addClickListener(e -> save());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.setId("claim-remove");
        remove.setVisible(loaded != null);
        remove.addClickListener(e -> confirmRemove());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(remove, cancel, save);
        bindFields();
        if (loaded != null) {
            binder.readRecord(loaded.data());
        }
    }

    /**
     * A new claim started from a prediction: only the predicted level is chosen, nothing else is filled in, and the
     * form says that a prediction is no evidence. Saving goes through the same checks as any new claim.
     */
    public void startFromPrediction(CompatibilityLevel predicted) {
        if (loaded != null) {
            return;
        }
        level.setValue(predicted);
        predictionNote.setText("Started from a prediction (likely " + predicted.label() + "). A prediction is not"
                + " evidence: say what was run and what it showed, and the version tested; change the level if the"
                + " test says otherwise.");
        predictionNote.setVisible(true);
    }

    /**
     * Accepting a user's report: the form is pre-filled from the report's environment (framework version, device,
     * precision, batch size; the test run is the report's link, if any), the reason says "From report #N: …", and the
     * level proposed from the outcome is chosen; everything stays editable and the usual rules check it. Saving also
     * closes the report as accepted, in the same transaction.
     */
    public void startFromReport(CellReport report) {
        fromReport = report;
        ReportDraft draft = report.draft();
        level.setValue(draft.outcome().proposedLevel());
        String environment = draft.runtime();
        if (!environment.isEmpty()) {
            frameworkVersion.setValue(environment);
            version.setValue(environment);
        }
        setIfGiven(device, draft.device());
        if (draft.precision() != null) {
            precision.setValue(draft.precision());
        }
        if (draft.batchSize() != null) {
            batchSize.setValue(draft.batchSize());
        }
        setIfGiven(evidenceRun, draft.link());
        String said = draft.comment() == null ? draft.outcome().label() : draft.comment();
        String from = "From report #" + report.id() + ": ";
        reason.setValue(from + said.substring(0, Math.min(said.length(), ChangeNote.REASON_MAX - from.length())));
        setHeaderTitle((loaded == null ? "New claim from report #" : "Edit claim from report #") + report.id() + ": "
                + modelName + " on " + platform.label());
        reportNote.setText("Report #" + report.id() + " by " + report.reporter() + ": "
                + draft.outcome().label()
                + ". Saving changes the claim by the usual rules and closes the report as accepted; the history"
                + " links the report.");
        reportNote.setVisible(true);
        remove.setVisible(false);
    }

    private static void setIfGiven(TextField field, String value) {
        if (value != null) {
            field.setValue(value);
        }
    }

    private void bindFields() {
        binder.forField(level).bind("level");
        binder.forField(limitations).bind("limitations");
        binder.forField(workarounds).bind("workarounds");
        binder.forField(performanceNotes).bind("performanceNotes");
        // The length first, as the service reports it; the binder adds the same check again after the link's.
        binder.forField(evidenceRun)
                .withValidator(new BeanValidator(ClaimData.class, "evidenceRun"))
                .withValidator(EvidenceRun::isValid, EvidenceRun.MESSAGE)
                .bind("evidenceRun");
        binder.forField(frameworkVersion).bind("frameworkVersion");
        binder.forField(device).bind("device");
        binder.forField(batchSize).bind("batchSize");
        binder.forField(precision).bind("precision");
        binder.forField(simulated).bind("simulated");
        noteBinder.forField(reason).withValidator(noteRule("reason")).bind("reason");
        noteBinder.forField(version).withValidator(noteRule("version")).bind("version");
    }

    /** The service's rule for the change note, for one of its fields, against the level chosen now. */
    private Validator<String> noteRule(String field) {
        return (text, context) -> {
            String problem = note().problems(loaded, level.getValue()).get(field);
            return problem == null ? ValidationResult.ok() : ValidationResult.error(problem);
        };
    }

    private ChangeNote note() {
        return new ChangeNote(reason.getValue(), version.getValue());
    }

    private void configureFields() {
        level.setLabel("Level");
        level.setItems(CompatibilityLevel.values());
        level.setItemLabelGenerator(CompatibilityLevel::label);
        level.setRequiredIndicatorVisible(true);
        level.addValueChangeListener(e -> showChangeNoteRequirement());
        precision.setLabel("Precision");
        precision.setItems(Precision.values());
        precision.setItemLabelGenerator(p -> p == null ? "—" : p.key());
        precision.setEmptySelectionAllowed(true);
        for (TextArea area : new TextArea[] {limitations, workarounds, performanceNotes}) {
            CharacterCounter.on(area, ClaimData.TEXT_MAX);
        }
        evidenceRun.setHelperText("e.g. run-1234 or https://ci.example.org/runs/1234");
        batchSize.setMin(1);
        batchSize.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(ClaimData.BATCH_SIZE_MESSAGE)
                .setBadInputErrorMessage(ClaimData.BATCH_SIZE_MESSAGE));
        batchSize.setStepButtonsVisible(true);
        showChangeNoteRequirement();
    }

    /** Reason and version are required for a new claim and for a level change; say so before saving. */
    private void showChangeNoteRequirement() {
        boolean required = ChangeNote.required(loaded, level.getValue());
        reason.setRequiredIndicatorVisible(required);
        version.setRequiredIndicatorVisible(required);
        reasonCounter.hint(
                required ? "Required: what was run and what it showed" : "Optional unless the level changes");
    }

    private void save() {
        clearErrors();
        // Validate both binders and the open conflict choices before stopping, so every error shows at once.
        boolean claimValid = binder.validate().isOk();
        boolean noteValid = noteBinder.validate().isOk();
        boolean chosen = !conflictPanel.unresolved();
        if (!claimValid || !noteValid || !chosen) {
            return;
        }
        ClaimData data;
        ChangeNote note;
        try {
            data = binder.writeRecord();
            note = noteBinder.writeRecord();
        } catch (ValidationException e) {
            return; // not reached: validated above
        }
        Claim base = loaded;
        try {
            if (fromReport != null) {
                service.saveFromReport(fromReport, base, data, note);
            } else if (base == null) {
                service.create(modelName, platform, data, note);
            } else {
                service.update(base, data, note);
            }
            done("Saved " + platform.label() + " claim for " + modelName);
        } catch (InvalidChangeException e) {
            fieldErrors(e.fieldErrors());
        } catch (ClaimConflictException e) {
            showConflict(e, base == null ? null : base.data(), data);
        }
    }

    /** Called off the UI: only reads what never changes. */
    private boolean touchesThisClaim(MatrixChange change) {
        return change.all() || change.events().stream().anyMatch(this::aboutThisClaim);
    }

    private boolean aboutThisClaim(MatrixEvent event) {
        return event.platform() == platform && modelName.equals(event.modelName());
    }

    /**
     * Someone saved, created or removed this claim since the form loaded it: say so now, touching no field. Reviews
     * and automated results leave the claim's version as it is, so they are not mentioned: the save goes through.
     */
    private void noticeChange(MatrixChange change) {
        Claim now = service.find(modelName, platform).orElse(null);
        boolean same = now == null
                ? loaded == null
                : loaded != null && loaded.claimId() == now.claimId() && loaded.version() == now.version();
        if (same) {
            return;
        }
        String who = who(change, now);
        String what;
        if (now == null) {
            what = who + " removed this claim just now. What you typed is kept, but saving will only tell you that the"
                    + " claim is gone.";
        } else {
            String differences = loaded == null ? "" : ClaimFields.describeDifferences(loaded.data(), now.data());
            what = (loaded == null
                            ? who + " recorded a claim for this cell just now ("
                                    + now.data().level().label() + ")"
                            : who + " changed this claim just now" + (differences.isEmpty() ? "" : ": " + differences))
                    + ". What you typed is kept; when you save, it is checked against their version and you choose"
                    + " between their values and yours.";
        }
        changedNotice.setText(what);
        changedNotice.setVisible(true);
    }

    /** "editor", "You (in another window)", "The pipeline nightly (API)": who made the newest change of this claim. */
    private String who(MatrixChange change, Claim now) {
        String actor = change.events().stream()
                .filter(this::aboutThisClaim)
                .map(MatrixEvent::actor)
                .reduce((first, second) -> second)
                .orElse(now == null ? null : now.updatedBy());
        if (actor == null) {
            return "Someone";
        }
        if (actor.equals(user)) {
            return "You (in another window)";
        }
        return Actor.isPipeline(actor)
                ? "The pipeline " + actor.substring(Actor.PIPELINE_PREFIX.length()) + " (through the API)"
                : actor;
    }

    private void confirmRemove() {
        Claim base = loaded;
        removeDialog = new RemoveClaimDialog(platform.label() + " claim for " + modelName, removalReason -> {
            try {
                service.remove(base, removalReason);
                done("Removed " + platform.label() + " claim for " + modelName + "; the cell is not tested now");
            } catch (ClaimConflictException e) {
                showConflict(e, base.data(), inputOr(base.data()));
            }
        });
        removeDialog.open();
    }

    /** What the form holds now, or {@code fallback} when some field is invalid. */
    private ClaimData inputOr(ClaimData fallback) {
        try {
            return binder.writeRecord();
        } catch (ValidationException e) {
            return fallback;
        }
    }

    private void done(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        close();
        onSaved.run();
    }

    /**
     * Shows the version saved meanwhile beside the user's input ({@code mine}, made on {@code base}); from now on the
     * user edits on that version, so the next save can only overwrite what this panel showed.
     */
    private void showConflict(ClaimConflictException e, ClaimData base, ClaimData mine) {
        loaded = e.current();
        changedNotice.setVisible(false);
        conflictPanel.show(e.getMessage(), base, mine, loaded, fields);
        remove.setVisible(loaded != null);
        showChangeNoteRequirement();
    }

    /** "Reload": the form shows the current version; the user's input is discarded. */
    private void loadTheirs(ClaimData theirs) {
        clearErrors();
        binder.readRecord(theirs);
        conflictPanel.clear();
    }

    private void fieldErrors(Map<String, String> errors) {
        FieldErrors.show(errors, this::inputFor, formError);
    }

    private Object inputFor(String name) {
        return switch (name) {
            case "reason" -> reason;
            case "version" -> version;
            default ->
                fields.stream()
                        .filter(f -> f.key().equals(name))
                        .map(ClaimFormField::input)
                        .findFirst()
                        .orElse(null);
        };
    }

    private void clearErrors() {
        formError.setVisible(false);
        fields.forEach(f -> {
            if (f.input() instanceof HasValidation input) {
                input.setInvalid(false);
            }
        });
        reason.setInvalid(false);
        version.setInvalid(false);
    }
}
