package dev.compatmatrix.matrix.ui;

import com.vaadin.flow.component.html.Span;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.LevelWords;
import dev.compatmatrix.matrix.ValidationMarks;
import dev.compatmatrix.matrix.ValidationStatus;

/**
 * A claim's level as word + colour + validation mark, never colour alone. "Not tested" has its own grey
 * look so it is never read as unsupported. The same CSS classes style the matrix's lit-rendered cells.
 */
public class LevelBadge extends Span {

    public LevelBadge(CompatibilityLevel level, ValidationStatus status) {
        this(level, status, false, false);
    }

    /** With the stale (◷) and disputed (⚠) marks after the validation mark, as the matrix shows them. */
    public LevelBadge(CompatibilityLevel level, ValidationStatus status, boolean stale, boolean disputed) {
        addClassNames("level", cssClass(level));
        setText(word(level) + (level == null ? "" : " " + status.mark() + ValidationMarks.symbols(stale, disputed)));
        getElement()
                .setAttribute(
                        "title", title(level, status) + (level == null ? "" : ValidationMarks.words(stale, disputed)));
    }

    public static String cssClass(CompatibilityLevel level) {
        return level == null ? "level-none" : "level-" + level.key();
    }

    /** {@link LevelWords#word}, for the screens. */
    public static String word(CompatibilityLevel level) {
        return LevelWords.word(level);
    }

    /** {@link LevelWords#title}, for the screens. */
    public static String title(CompatibilityLevel level, ValidationStatus status) {
        return LevelWords.title(level, status);
    }
}
