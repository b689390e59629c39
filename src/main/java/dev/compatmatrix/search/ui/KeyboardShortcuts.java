package dev.compatmatrix.search.ui;

import java.util.List;

/** Every keyboard shortcut of the console, in the groups the "Keyboard shortcuts" dialog shows: the one list of them. */
final class KeyboardShortcuts {

    /** Keys (each pressed together, alternatives listed apart) and what they do. */
    record Shortcut(List<String> keys, String action) {}

    record Group(String title, List<Shortcut> shortcuts) {}

    static final List<Group> ALL = List.of(
            new Group(
                    "Anywhere (not while typing in a field)",
                    List.of(
                            new Shortcut(List.of("/", "Ctrl+K"), "Open the quick search"),
                            new Shortcut(List.of("?"), "Show these keyboard shortcuts"),
                            new Shortcut(List.of("Esc"), "Close a dialog or menu"))),
            new Group(
                    "Quick search",
                    List.of(
                            new Shortcut(List.of("↑", "↓"), "Move through the results"),
                            new Shortcut(List.of("Enter"), "Open the highlighted result (the first when none is)"),
                            new Shortcut(List.of("Esc"), "Close the quick search"))),
            new Group(
                    "Matrix",
                    List.of(
                            new Shortcut(List.of("↑", "↓", "←", "→"), "Move between rows and cells"),
                            new Shortcut(
                                    List.of("Enter", "Space"),
                                    "Open the row's model page (for an editor, on a platform cell: edit that claim)"),
                            new Shortcut(List.of("Home", "End"), "First or last cell of the row"),
                            new Shortcut(List.of("Tab"), "Leave the grid for the next control"))));

    private KeyboardShortcuts() {}
}
