package dev.compatmatrix.watch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinService;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.watch.WatchService;
import dev.compatmatrix.watch.WatchTarget;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A "Watch" / "Watching ✓" toggle for one model, platform, family or cell: the state in words (and aria-pressed),
 * never by colour alone. A refusal (e.g. the limit) is shown as a notification and changes nothing.
 */
public class WatchButton extends Button {

    static final String WATCH = "Watch";
    static final String WATCHING = "Watching ✓";

    private final WatchService watches;
    private final WatchTarget target;
    private boolean watching;

    public WatchButton(WatchService watches, WatchTarget target) {
        this.watches = watches;
        this.target = target;
        addThemeVariants(ButtonVariant.LUMO_SMALL);
        addClassName("watch-button");
        setId("watch-" + idOf(target));
        setTooltipText("Watch " + target.label() + ": its changes show on the Watching screen and in "
                + "\"Since your last visit\"");
        addClickListener(e -> toggle());
        addAttachListener(e -> show(watches.isWatching(target)));
    }

    /** A button for screens that do not hold the service themselves (one line on their page). */
    public static WatchButton of(WatchTarget target) {
        return new WatchButton(service(), target);
    }

    /**
     * A "Watch" column on a grid of one model's platforms: each row's button watches that cell. Frozen to the end, so
     * it shows however wide the grid's other columns are.
     */
    public static <T> Grid.Column<T> addCellColumn(
            Grid<T> grid, Supplier<String> modelName, Function<T, Platform> platform) {
        WatchService watches = service();
        return grid.addComponentColumn(
                        row -> new WatchButton(watches, WatchTarget.cell(modelName.get(), platform.apply(row))))
                .setHeader("Watch")
                .setKey("watch")
                .setWidth("9.5rem")
                .setFlexGrow(0)
                .setFrozenToEnd(true);
    }

    /** "model", "family", "platform-cuda", "cell-cuda": what tests and browser scripts find a control by. */
    static String idOf(WatchTarget target) {
        return target.kind().key()
                + (target.platform() == null ? "" : "-" + target.platform().key());
    }

    static WatchService service() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(WatchService.class);
    }

    public boolean watching() {
        return watching;
    }

    void toggle() {
        try {
            if (watching) {
                watches.unwatch(target);
                show(false);
            } else {
                watches.watch(target);
                show(true);
            }
        } catch (IllegalArgumentException refused) {
            WatchNotices.refused(refused);
        }
    }

    private void show(boolean watching) {
        this.watching = watching;
        setText(watching ? WATCHING : WATCH);
        setIcon(watching ? null : VaadinIcon.EYE.create());
        getElement().setAttribute("aria-pressed", String.valueOf(watching));
        getElement().setAttribute("aria-label", (watching ? "Watching " : "Watch ") + target.label());
        removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_TERTIARY);
        addThemeVariants(watching ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
    }
}
