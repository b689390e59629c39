package dev.compatmatrix.compatibility.ui;

import com.vaadin.flow.component.html.Span;
import dev.compatmatrix.prediction.CellPrediction;

/**
 * A prediction as every screen shows it, in a look no claim has and not by colour alone: the ≈ mark and the word
 * "likely" ("≈ likely High · 82 %"), italic, a dotted outline over a hatched ground (CSS class {@value #CSS_CLASS}),
 * and "Prediction, not a claim" for assistive technology.
 */
public class PredictedBadge extends Span {

    public static final String CSS_CLASS = "level-predicted";

    /** Starts a predicted cell's text: "about", never a claim's validation mark. */
    public static final String MARK = "≈";

    public PredictedBadge(CellPrediction prediction) {
        addClassNames("level", CSS_CLASS);
        setText(text(prediction));
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label(prediction));
        getElement().setAttribute("title", "A prediction, not a claim");
    }

    /** "≈ likely High · 82 %". */
    public static String text(CellPrediction prediction) {
        return MARK + " " + prediction.shortText();
    }

    /** What assistive technology reads: "Prediction, not a claim: likely High, 82 %". */
    public static String label(CellPrediction prediction) {
        return "Prediction, not a claim: likely " + prediction.level().label() + ", " + prediction.percent() + " %";
    }
}
