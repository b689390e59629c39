package dev.compatmatrix.catalog.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.catalog.ModelConflictException;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The form for a model: add one, edit one, or (admins) delete one with a reason. */
public class ModelEditor extends Dialog {

    private final CatalogService catalog;
    private final MlModel loaded;
    private final Consumer<String> onSaved;

    final TextField name = new TextField("Name");
    final ComboBox<String> family = new ComboBox<>("Family");
    final Select<ModelType> type = new Select<>();
    final Select<ModelSize> size = new Select<>();
    final NumberField parameters = new NumberField("Parameters (millions)");
    final TextField sourceUrl = new TextField("Source link");
    final TextArea deleteReason = new TextArea("Reason for deleting");
    final Paragraph message = new Paragraph();
    final Button save = new Button("Save");
    final Button delete = new Button("Delete model");

    /**
     * @param loaded    the model to edit, or null to add one
     * @param families  existing families to choose from (a new one may be typed)
     * @param canDelete show the delete part (the service allows admins only)
     * @param onSaved   called with the model's name after a save, or null after a delete
     */
    public ModelEditor(
            CatalogService catalog,
            MlModel loaded,
            List<String> families,
            boolean canDelete,
            Consumer<String> onSaved) {
        this.catalog = catalog;
        this.loaded = loaded;
        this.onSaved = onSaved;
        setHeaderTitle(
                loaded == null ? "New model" : "Edit model: " + loaded.data().name());
        setWidth("min(40rem, 100vw)");
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("As on the model hub, e.g. google/flan-t5-base");
        family.setItems(families);
        family.setAllowCustomValue(true);
        family.addCustomValueSetListener(e -> family.setValue(e.getDetail()));
        family.setRequiredIndicatorVisible(true);
        type.setLabel("Type");
        type.setItems(ModelType.values());
        type.setItemLabelGenerator(ModelType::key);
        size.setLabel("Size");
        size.setItems(ModelSize.values());
        size.setItemLabelGenerator(ModelSize::key);
        parameters.setMin(0);
        message.addClassName("url-notice");
        message.setVisible(false);
        FormLayout form = new FormLayout(name, family, type, size, parameters, sourceUrl);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(name, 2);
        form.setColspan(sourceUrl, 2);
        add(message, form);
        if (loaded != null) {
            name.setValue(loaded.data().name());
            family.setValue(loaded.data().family());
            type.setValue(loaded.data().type());
            size.setValue(loaded.data().size());
            parameters.setValue(loaded.data().parametersMillions());
            sourceUrl.setValue(
                    loaded.data().sourceUrl() == null ? "" : loaded.data().sourceUrl());
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());
        boolean deletable = canDelete && loaded != null;
        delete.setVisible(deletable);
        deleteReason.setVisible(deletable);
        deleteReason.setHelperText("Its claims are removed; their history is kept");
        add(deleteReason);
        getFooter().add(delete, new Button("Cancel", e -> close()), save);
    }

    ModelData read() {
        return new ModelData(
                name.getValue(),
                family.getValue(),
                type.getValue(),
                size.getValue(),
                parameters.getValue(),
                sourceUrl.getValue());
    }

    private void save() {
        clearErrors();
        try {
            MlModel saved = loaded == null ? catalog.create(read()) : catalog.update(loaded, read());
            Notification.show("Saved model " + saved.data().name(), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            onSaved.accept(saved.data().name());
        } catch (InvalidChangeException e) {
            fieldErrors(e.fieldErrors());
        } catch (ModelConflictException e) {
            showMessage(e.getMessage());
        }
    }

    private void delete() {
        clearErrors();
        try {
            catalog.delete(loaded, deleteReason.getValue());
            Notification.show(
                            "Deleted model " + loaded.data().name() + "; its history is kept",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            onSaved.accept(null);
        } catch (InvalidChangeException e) {
            fieldErrors(Map.of("deleteReason", e.fieldErrors().getOrDefault("reason", e.getMessage())));
        } catch (ModelConflictException e) {
            showMessage(e.getMessage());
        }
    }

    private void fieldErrors(Map<String, String> errors) {
        errors.forEach((field, text) -> {
            HasValidation input = switch (field) {
                case "name" -> name;
                case "family" -> family;
                case "type" -> type;
                case "size" -> size;
                case "parametersMillions" -> parameters;
                case "sourceUrl" -> sourceUrl;
                case "deleteReason" -> deleteReason;
                default -> null;
            };
            if (input == null) {
                showMessage(text);
            } else {
                input.setErrorMessage(text);
                input.setInvalid(true);
            }
        });
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private void clearErrors() {
        message.setVisible(false);
        for (HasValidation input :
                new HasValidation[] {name, family, type, size, parameters, sourceUrl, deleteReason}) {
            input.setInvalid(false);
        }
    }
}
