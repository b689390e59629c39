package dev.compatmatrix.modelpage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.compatibility.ui.PredictedBadge;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.modelpage.query.ModelPredictions;
import dev.compatmatrix.modelpage.query.ModelPredictions.PlatformPrediction;
import dev.compatmatrix.prediction.CellPrediction;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The model page's "Predictions (not claims)": for each untested platform what the adopted training run predicts (the
 * level in the predicted look, every level's probability, the strongest reasons) or why there is no prediction, beside
 * that platform's evaluation figures (accuracy, macro-F1, ECE against the baseline's). An editor's "Make a claim…" opens
 * the usual claim form for the cell. Reads nothing until the tab is first opened; after that, again with the page.
 */
class PredictionsTab extends VerticalLayout {

    static final String TITLE = "Predictions (not claims)";

    final Paragraph intro = new Paragraph();
    final Paragraph none = new Paragraph();
    final Grid<PlatformPrediction> grid = new Grid<>();

    private final ModelPageService service;
    private final Supplier<String> modelName;
    private boolean loaded;

    PredictionsTab(
            ModelPageService service,
            Supplier<String> modelName,
            boolean canEdit,
            BiConsumer<Platform, CompatibilityLevel> makeClaim) {
        this.service = service;
        this.modelName = modelName;
        setPadding(false);
        setId("predictions-section");
        H3 heading = new H3(TITLE);
        intro.setId("predictions-intro");
        intro.addClassName("hint");
        none.setId("predictions-none");
        grid.setId("predictions-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(p -> p.platform().label())
                .setHeader("Platform")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addComponentColumn(PredictionsTab::predictionCell)
                .setHeader("Prediction")
                .setKey("prediction")
                .setWidth("12rem")
                .setFlexGrow(1);
        grid.addColumn(p -> p.prediction() == null ? "" : probabilities(p.prediction()))
                .setHeader("Probability per level")
                .setKey("probabilities")
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.addColumn(p -> p.prediction() == null ? "" : reasons(p.prediction()))
                .setHeader("Strongest reasons")
                .setKey("reasons")
                .setWidth("18rem")
                .setFlexGrow(2);
        grid.addColumn(p -> evaluation(p.evaluation()))
                .setHeader("Evaluation on this platform (model vs baseline)")
                .setKey("evaluation")
                .setWidth("18rem")
                .setFlexGrow(2);
        if (canEdit) {
            grid.addComponentColumn(p -> {
                        if (p.prediction() == null) {
                            return new Span();
                        }
                        Button make = new Button(
                                "Make a claim…",
                                e -> makeClaim.accept(
                                        p.platform(), p.prediction().level()));
                        make.setId("make-claim-" + p.platform().key());
                        make.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                        make.setTooltipText("Opens the usual claim form: a claim needs what was run and the version");
                        return make;
                    })
                    .setKey("make-claim")
                    .setWidth("9rem")
                    .setFlexGrow(0);
        }
        add(heading, intro, none, grid);
    }

    /** Adds the tab, which reads the predictions when first selected; returns its content. */
    static PredictionsTab addTo(
            TabSheet tabs,
            ModelPageService service,
            Supplier<String> modelName,
            boolean canEdit,
            BiConsumer<Platform, CompatibilityLevel> makeClaim) {
        PredictionsTab content = new PredictionsTab(service, modelName, canEdit, makeClaim);
        Tab tab = tabs.add(TITLE, content);
        tab.setId("predictions-tab");
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == tab) {
                content.load();
            }
        });
        return content;
    }

    /** Reads and shows the model's predictions (the first time, or again). */
    void load() {
        loaded = true;
        ModelPredictions predictions = service.modelPredictions(modelName.get());
        intro.setText((predictions.run() == null
                        ? ""
                        : "Predicted by the model trained on the claims in run "
                                + predictions.run().runId()
                                + (predictions.run().finishedAt() == null
                                        ? ""
                                        : " ("
                                                + ModelView.UTC_TIME.format(
                                                        predictions.run().finishedAt()) + ")")
                                + ". ")
                + "A prediction is not a claim: nobody has tested the cell, it counts in no coverage, score"
                + " or recommendation, and a claim made from a test replaces it.");
        none.setText(predictions.none() == null ? "" : predictions.none());
        none.setVisible(predictions.none() != null);
        grid.setItems(predictions.platforms());
        grid.setVisible(!predictions.platforms().isEmpty());
    }

    /** After the page was read again (a live change, a saved claim): read again if the tab was ever opened. */
    void reloadIfOpened() {
        if (loaded) {
            load();
        }
    }

    /** "≈ likely High · 82 %" in the predicted look (with its label in words), or why there is none. */
    static Component predictionCell(PlatformPrediction row) {
        CellPrediction prediction = row.prediction();
        if (prediction == null) {
            Span why = new Span(row.whyNone());
            why.addClassName("hint");
            return why;
        }
        return new Div(new PredictedBadge(prediction));
    }

    /** "High 82 %", "Medium 6 %", … one level per line. */
    static String probabilities(CellPrediction prediction) {
        return Arrays.stream(CompatibilityLevel.values())
                .map(level -> level.label() + " " + Math.round(prediction.odds().of(level) * 100) + " %")
                .collect(Collectors.joining("\n"));
    }

    /** The reasons, strongest first, one per line; hidden characters named. */
    static String reasons(CellPrediction prediction) {
        return prediction.reasons().stream()
                .filter(reason -> !reason.isBlank())
                .map(reason -> "• " + VisibleText.of(reason))
                .collect(Collectors.joining("\n"));
    }

    /** "Accuracy 0.90 (baseline 0.60)", "macro-F1 …", "ECE …", "40 claims evaluated · beats the baseline": a line each. */
    static String evaluation(PlatformEvaluation evaluation) {
        if (evaluation == null) {
            return "Not evaluated";
        }
        Metrics model = evaluation.model();
        Metrics baseline = evaluation.baseline();
        return "Accuracy " + figure(model.accuracy()) + " (baseline " + figure(baseline.accuracy()) + ")\nmacro-F1 "
                + figure(model.macroF1()) + " (baseline " + figure(baseline.macroF1()) + ")\nECE "
                + figure(model.ece()) + " (baseline " + figure(baseline.ece()) + "; lower is better)\n"
                + evaluation.examples() + " claims evaluated · "
                + (evaluation.beatsBaseline() ? "beats the baseline" : "does not beat the baseline");
    }

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
