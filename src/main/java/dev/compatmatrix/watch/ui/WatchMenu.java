package dev.compatmatrix.watch.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.component.grid.contextmenu.GridMenuItem;
import com.vaadin.flow.component.grid.contextmenu.GridSubMenu;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.watch.Watch;
import dev.compatmatrix.watch.WatchService;
import dev.compatmatrix.watch.WatchTarget;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A grid's context menu (right-click or long-press on a row of models) to watch the row's model, its family, one of
 * its cells or a whole platform; each item is ticked when watched and clicking it toggles the watch. It adds nothing
 * to the grid's layout, so the matrix keeps its columns.
 */
public final class WatchMenu {

    private WatchMenu() {}

    /** Adds the menu to a grid of models, given each row's model name and family. */
    public static <T> GridContextMenu<T> addTo(
            Grid<T> grid, Function<T, String> modelName, Function<T, String> family) {
        WatchService watches = WatchButton.service();
        GridContextMenu<T> menu = grid.addContextMenu();
        menu.setId("watch-menu");
        ComponentUtil.setData(grid, WatchMenu.class.getName(), menu);
        menu.setDynamicContentHandler(row -> {
            menu.removeAll();
            if (row == null) {
                return false;
            }
            Set<WatchTarget> watched =
                    watches.myWatches().stream().map(Watch::target).collect(Collectors.toSet());
            String model = modelName.apply(row);
            item(menu.addItem(""), watches, watched, WatchTarget.model(model), "Watch " + model);
            GridSubMenu<T> cells = menu.addItem("Watch one cell of " + model).getSubMenu();
            for (Platform platform : Platform.values()) {
                item(cells.addItem(""), watches, watched, WatchTarget.cell(model, platform), platform.label());
            }
            GridSubMenu<T> platforms =
                    menu.addItem("Watch a platform (every model)").getSubMenu();
            for (Platform platform : Platform.values()) {
                item(platforms.addItem(""), watches, watched, WatchTarget.platform(platform), platform.label());
            }
            String rowFamily = family.apply(row);
            if (rowFamily != null && !rowFamily.isBlank()) {
                item(menu.addItem(""), watches, watched, WatchTarget.family(rowFamily), "Watch family " + rowFamily);
            }
            return true;
        });
        return menu;
    }

    /** The watch menu added to this grid, if any. */
    @SuppressWarnings("unchecked")
    public static <T> GridContextMenu<T> of(Grid<T> grid) {
        return (GridContextMenu<T>) ComponentUtil.getData(grid, WatchMenu.class.getName());
    }

    private static <T> void item(
            GridMenuItem<T> item, WatchService watches, Set<WatchTarget> watched, WatchTarget target, String text) {
        boolean watching = watched.contains(target);
        item.setText(text + (watching ? " — watching" : ""));
        item.setId("watch-menu-" + WatchButton.idOf(target));
        item.setCheckable(true);
        item.setChecked(watching);
        item.addMenuItemClickListener(e -> {
            try {
                if (watching) {
                    watches.unwatch(target);
                } else {
                    watches.watch(target);
                }
            } catch (IllegalArgumentException refused) {
                WatchNotices.refused(refused);
            }
        });
    }
}
