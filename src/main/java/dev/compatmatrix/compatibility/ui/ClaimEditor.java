package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.StringLengthValidator;
import dev.compatmatrix.compatibility.ChangeNote;
import dev.compatmatrix.compatibility.Claim;
import dev.compatmatrix.compatibility.ClaimConflictException;
import dev.compatmatrix.compatibility.ClaimData;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.EvidenceRun;
import dev.compatmatrix.compatibility.InvalidChangeException;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.Precision;
import java.util.Map;

/**
 * The form for one claim: create it for a not-tested cell, edit it, or remove it. Every save is one service
 * call; field errors and conflicts come back from the service and are shown here, the input stays.
 */
class ClaimEditor extends Dialog {

    private final ClaimService service;
    private final String modelName;
    private final Platform platform;
    private final Runnable onSaved;
    /** The version the user edits; after a conflict it becomes the current one, shown in {@link #conflict}. */
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
    final Paragraph conflict = new Paragraph();
    /** Checks each field as the user types; the service checks everything again on save. */
    private final Binder<ClaimData> binder = new Binder<>(ClaimData.class);
    final Button save = new Button("Save");
    final Button remove = new Button("Remove claim…");

    ClaimEditor(ClaimService service, String modelName, Platform platform, Claim loaded, Runnable onSaved) {
        this.service = service;
        this.modelName = modelName;
        this.platform = platform;
        this.loaded = loaded;
        this.onSaved = onSaved;
        setHeaderTitle((loaded == null ? "New claim: " : "Edit claim: ") + modelName + " on " + platform.label());
        setWidth("min(56rem, 100vw)");
        configureFields();
        conflict.setId("claim-conflict");
        conflict.addClassName("url-notice");
        conflict.setVisible(false);

        FormLayout form = new FormLayout(level, precision, limitations, workarounds, performanceNotes, evidenceRun,
                frameworkVersion, device, batchSize, simulated, reason, version);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36rem", 2));
        form.setColspan(limitations, 2);
        form.setColspan(workarounds, 2);
        form.setColspan(performanceNotes, 2);
        form.setColspan(simulated, 2);
        form.setColspan(reason, 2);
        add(conflict, form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("claim-save");
        save.addClickListener(e -> save());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.setId("claim-remove");
        remove.setVisible(loaded != null);
        remove.addClickListener(e -> remove());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(remove, cancel, save);
        bindFields();
        if (loaded != null) {
            binder.readRecord(loaded.data());
        }
    }

    private void bindFields() {
        binder.forField(level).asRequired("Choose a level").bind("level");
        String tooLong = "At most " + ClaimData.TEXT_MAX + " characters";
        binder.forField(limitations).withValidator(new StringLengthValidator(tooLong, 0, ClaimData.TEXT_MAX))
                .bind("limitations");
        binder.forField(workarounds).withValidator(new StringLengthValidator(tooLong, 0, ClaimData.TEXT_MAX))
                .bind("workarounds");
        binder.forField(performanceNotes).withValidator(new StringLengthValidator(tooLong, 0, ClaimData.TEXT_MAX))
                .bind("performanceNotes");
        binder.forField(evidenceRun).withValidator(EvidenceRun::isValid, EvidenceRun.MESSAGE).bind("evidenceRun");
        String shortTooLong = "At most " + ClaimData.VERSION_MAX + " characters";
        binder.forField(frameworkVersion).withValidator(new StringLengthValidator(shortTooLong, 0, ClaimData.VERSION_MAX))
                .bind("frameworkVersion");
        binder.forField(device).withValidator(new StringLengthValidator(shortTooLong, 0, ClaimData.VERSION_MAX))
                .bind("device");
        binder.forField(batchSize).withValidator(size -> size == null || size > 0, "A batch size is a positive number")
                .bind("batchSize");
        binder.forField(precision).bind("precision");
        binder.forField(simulated).bind("simulated");
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
            area.setMaxLength(ClaimData.TEXT_MAX);
        }
        evidenceRun.setMaxLength(ClaimData.SHORT_MAX);
        evidenceRun.setHelperText("e.g. run-1234 or https://ci.example.org/runs/1234");
        frameworkVersion.setMaxLength(ClaimData.VERSION_MAX);
        device.setMaxLength(ClaimData.VERSION_MAX);
        batchSize.setMin(1);
        batchSize.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage("A batch size is a positive number")
                .setBadInputErrorMessage("A batch size is a positive number"));
        batchSize.setStepButtonsVisible(true);
        reason.setMaxLength(ChangeNote.REASON_MAX);
        version.setMaxLength(ClaimData.VERSION_MAX);
        showChangeNoteRequirement();
    }

    /** Reason and version are required for a new claim and for a level change; say so before saving. */
    private void showChangeNoteRequirement() {
        boolean required = loaded == null || (level.getValue() != null && level.getValue() != loaded.data().level());
        reason.setRequiredIndicatorVisible(required);
        version.setRequiredIndicatorVisible(required);
        reason.setHelperText(required ? "Required: what was run and what it showed" : "Optional unless the level changes");
    }

    private void save() {
        clearErrors();
        ClaimData data;
        try {
            data = binder.writeRecord();
        } catch (ValidationException e) {
            return; // the binder shows each field's error
        }
        ChangeNote note = new ChangeNote(reason.getValue(), version.getValue());
        attempt(() -> {
            if (loaded == null) {
                service.create(modelName, platform, data, note);
            } else {
                service.update(loaded, data, note);
            }
        }, "Saved " + platform.label() + " claim for " + modelName);
    }

    private void remove() {
        clearErrors();
        attempt(() -> service.remove(loaded, reason.getValue()),
                "Removed " + platform.label() + " claim for " + modelName + "; the cell is not tested now");
    }

    /** One service call: on success close and refresh; on refusal show why and keep the input. */
    private void attempt(Runnable change, String doneMessage) {
        try {
            change.run();
            Notification.show(doneMessage, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            onSaved.run();
        } catch (InvalidChangeException e) {
            fieldErrors(e.fieldErrors());
        } catch (ClaimConflictException e) {
            showConflict(e);
        }
    }

    /** Keeps the user's input; the next save goes against the current version, which the message describes. */
    private void showConflict(ClaimConflictException e) {
        conflict.setText(e.getMessage());
        conflict.setVisible(true);
        loaded = e.current();
        remove.setVisible(loaded != null);
        showChangeNoteRequirement();
    }

    private void fieldErrors(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            if (fieldFor(field) instanceof HasValidation input) {
                input.setErrorMessage(message);
                input.setInvalid(true);
            } else {
                conflict.setText(message);
                conflict.setVisible(true);
            }
        });
    }

    private Component fieldFor(String name) {
        return switch (name) {
            case "level" -> level;
            case "limitations" -> limitations;
            case "workarounds" -> workarounds;
            case "performanceNotes" -> performanceNotes;
            case "evidenceRun" -> evidenceRun;
            case "frameworkVersion" -> frameworkVersion;
            case "device" -> device;
            case "batchSize" -> batchSize;
            case "reason" -> reason;
            case "version" -> version;
            default -> null;
        };
    }

    private void clearErrors() {
        conflict.setVisible(false);
        for (HasValidation input : new HasValidation[] {level, limitations, workarounds, performanceNotes, evidenceRun,
                frameworkVersion, device, batchSize, reason, version}) {
            input.setInvalid(false);
        }
    }

}
