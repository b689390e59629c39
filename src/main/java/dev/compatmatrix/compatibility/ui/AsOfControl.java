package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import dev.compatmatrix.base.ui.IsoDatePicker;
import dev.compatmatrix.compatibility.CompatibilityService.AsOfChoices;
import dev.compatmatrix.matrix.time.PointInTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The matrix's "As of" control: a day (UTC) and, when there are any, the named snapshots; choosing one reports its
 * text (a date or a snapshot's name), clearing both or choosing today reports null (now). The banner says when the
 * matrix shows the past, with the way back to now.
 */
class AsOfControl extends FlexLayout {

    final DatePicker date = new IsoDatePicker("As of");
    final ComboBox<String> snapshot = new ComboBox<>("Snapshot");
    final Div banner = new Div();
    final Span bannerText = new Span();
    final Button backToNow = new Button("Back to now", VaadinIcon.ARROW_FORWARD.create());
    private final AsOfChoices choices;
    /** True while the fields are set from a point, so their listeners don't report a user's choice. */
    private boolean showing;

    AsOfControl(AsOfChoices choices, Consumer<String> onChoice) {
        this.choices = choices;
        setId("as-of");
        addClassName("as-of");
        date.setId("as-of-date");
        date.setPlaceholder("Now");
        date.setHelperText(null);
        date.setClearButtonVisible(true);
        date.setMin(choices.firstDay());
        date.setMax(choices.today());
        date.setTooltipText("The matrix as it was at the end of a day (UTC); empty or today: now");
        date.addValueChangeListener(e -> {
            if (!showing && e.isFromClient()) {
                onChoice.accept(
                        e.getValue() == null || e.getValue().equals(choices.today())
                                ? null
                                : e.getValue().toString());
            }
        });
        snapshot.setId("as-of-snapshot");
        snapshot.setItems(choices.snapshots());
        snapshot.setClearButtonVisible(true);
        snapshot.setPlaceholder("None");
        snapshot.setVisible(!choices.snapshots().isEmpty());
        snapshot.addValueChangeListener(e -> {
            if (!showing && e.isFromClient()) {
                onChoice.accept(e.getValue());
            }
        });
        add(date, snapshot);

        banner.setId("as-of-banner");
        banner.addClassName("as-of-banner");
        banner.getElement().setAttribute("role", "status");
        backToNow.setId("back-to-now");
        backToNow.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        backToNow.addClickListener(e -> onChoice.accept(null));
        banner.add(VaadinIcon.CLOCK.create(), bannerText, backToNow);
        banner.setVisible(false);
    }

    /** Shows the point (empty: now) in the fields and the banner, without reporting a choice. */
    void show(Optional<PointInTime> point) {
        showing = true;
        try {
            date.setValue(point.filter(p -> !p.isSnapshot())
                    .map(p -> p.before().toLocalDate().minusDays(1))
                    .orElse(null));
            snapshot.setValue(point.filter(PointInTime::isSnapshot)
                    .map(PointInTime::snapshot)
                    .filter(choices.snapshots()::contains)
                    .orElse(null));
        } finally {
            showing = false;
        }
        banner.setVisible(point.isPresent());
        bannerText.setText(point.map(AsOfControl::bannerText).orElse(""));
    }

    static String bannerText(PointInTime point) {
        return "You are looking at the matrix as it was at " + point.describe() + ". Editing is off.";
    }
}
