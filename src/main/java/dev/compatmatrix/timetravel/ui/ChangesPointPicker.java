package dev.compatmatrix.timetravel.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import dev.compatmatrix.base.ui.IsoDatePicker;
import dev.compatmatrix.matrix.time.PointInTime;
import java.time.LocalDate;
import java.util.List;

/**
 * One end of the range: a day, or one of the named snapshots. Choosing one clears the other; {@link #text()} is what
 * the URL carries (the day or the snapshot's name).
 */
class ChangesPointPicker extends FlexLayout {

    final DatePicker day;
    final Select<String> snapshot = new Select<>();
    private boolean showing;

    ChangesPointPicker(String id, String label, List<String> snapshotNames, Runnable onChange) {
        addClassNames("filter-bar", "change-point");
        day = new IsoDatePicker(label);
        day.setId(id + "-day");
        snapshot.setId(id + "-snapshot");
        snapshot.setLabel(label + ": or a snapshot");
        snapshot.setItems(snapshotNames);
        snapshot.setEmptySelectionAllowed(true);
        snapshot.setEmptySelectionCaption("No snapshot");
        snapshot.setEnabled(!snapshotNames.isEmpty());
        snapshot.setHelperText(snapshotNames.isEmpty() ? "None marked yet" : null);
        day.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                showing = true;
                snapshot.clear();
                showing = false;
                onChange.run();
            }
        });
        snapshot.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                showing = true;
                day.clear();
                showing = false;
                onChange.run();
            }
        });
        add(day, snapshot);
    }

    /** The chosen day or snapshot name, or null when neither is chosen. */
    String text() {
        if (snapshot.getValue() != null) {
            return snapshot.getValue();
        }
        return day.getValue() == null ? null : day.getValue().toString();
    }

    void show(PointInTime point) {
        showing = true;
        try {
            if (point.isSnapshot()) {
                day.clear();
                snapshot.setValue(point.snapshot());
            } else {
                snapshot.clear();
                day.setValue(LocalDate.parse(point.text()));
            }
        } finally {
            showing = false;
        }
    }
}
