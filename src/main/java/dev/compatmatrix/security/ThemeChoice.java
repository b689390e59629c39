package dev.compatmatrix.security;

/** A user's colour scheme: the operating system's setting (the default), or always light, or always dark. */
public enum ThemeChoice {
    SYSTEM("System"),
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    /** The word the user menu shows. */
    public String label() {
        return label;
    }
}
