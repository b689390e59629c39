package dev.compatmatrix.prediction.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.compatmatrix.base.Plural;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.prediction.PredictionTrainingService.Evaluation;
import dev.compatmatrix.prediction.learn.Metrics;
import dev.compatmatrix.prediction.learn.PlatformEvaluation;
import dev.compatmatrix.prediction.query.TrainingRunsQuery.RunRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The adopted run's evaluation: overall and per platform accuracy, macro-F1 and ECE each beside the baseline, whether
 * predictions are shown on the platform, and a confusion matrix per platform (claimed × predicted).
 */
class EvaluationPanel extends VerticalLayout {

    static final String SHOWN = "Shown: beats the baseline";
    static final String NOT_SHOWN = "Not shown: not enough evidence to predict";
    static final String NOT_EVALUATED = "Not shown: not evaluated in this run (not enough evidence to predict)";

    /** A line of the evaluation table: all platforms, or one. */
    record Line(String label, int examples, Metrics model, Metrics baseline, String shown) {}

    final H3 title = new H3();
    final Paragraph summary = new Paragraph();
    final Grid<Line> figures = new Grid<>();
    final Div confusions = new Div();

    EvaluationPanel() {
        setPadding(false);
        setId("predictions-evaluation");
        summary.setId("predictions-evaluation-summary");
        figures.setId("predictions-figures");
        figures.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        figures.setAllRowsVisible(true);
        figures.addColumn(Line::label).setHeader("Platform").setAutoWidth(true).setFlexGrow(0);
        figures.addColumn(Line::examples)
                .setHeader("Claims evaluated")
                .setAutoWidth(true)
                .setFlexGrow(0);
        figures.addColumn(l -> RunFormat.beside(l.model(), l.baseline(), RunFormat::accuracy))
                .setHeader("Accuracy")
                .setKey("accuracy")
                .setAutoWidth(true);
        figures.addColumn(l -> RunFormat.beside(l.model(), l.baseline(), RunFormat::macroF1))
                .setHeader("Macro-F1")
                .setKey("macroF1")
                .setAutoWidth(true);
        figures.addColumn(l -> RunFormat.beside(l.model(), l.baseline(), RunFormat::ece))
                .setHeader("ECE (lower is better)")
                .setKey("ece")
                .setAutoWidth(true);
        figures.addColumn(Line::shown)
                .setHeader("Predictions")
                .setKey("shown")
                .setWidth("12rem")
                .setFlexGrow(1);
        confusions.setId("predictions-confusions");
        confusions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        add(
                title,
                summary,
                figures,
                new H3("Confusion matrices"),
                new Paragraph(
                        "Rows: the claimed level; columns: the level the cross-validated model predicted for it."),
                confusions);
    }

    void show(Evaluation evaluation) {
        RunRow run = evaluation.run();
        title.setText("Evaluation of run #" + run.id() + ", adopted " + RunFormat.time(run.finishedAt()));
        long shownOn = evaluation.platforms().stream()
                .filter(PlatformEvaluation::beatsBaseline)
                .count();
        summary.setText(Plural.of(run.claimsUsed() == null ? 0 : run.claimsUsed(), "claim") + " of "
                + Plural.of(run.modelsUsed() == null ? 0 : run.modelsUsed(), "model") + ", "
                + run.folds() + "-fold cross-validation grouped by model. The baseline is the majority level of the "
                + "model's family on the platform, else of its type. Predictions are shown on "
                + shownOn + " of " + evaluation.platforms().size() + " platforms: where the model beats the baseline.");
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                "All platforms",
                run.claimsUsed() == null ? 0 : run.claimsUsed(),
                run.model(),
                run.baseline(),
                "On " + shownOn + " of " + evaluation.platforms().size() + " platforms"));
        Map<Platform, PlatformEvaluation> byPlatform = new EnumMap<>(Platform.class);
        evaluation.platforms().forEach(p -> byPlatform.put(p.platform(), p));
        for (Platform platform : Platform.values()) {
            PlatformEvaluation p = byPlatform.get(platform);
            lines.add(
                    p == null
                            ? new Line(platform.label(), 0, null, null, NOT_EVALUATED)
                            : new Line(
                                    platform.label(),
                                    p.examples(),
                                    p.model(),
                                    p.baseline(),
                                    p.beatsBaseline() ? SHOWN : NOT_SHOWN));
        }
        figures.setItems(lines);
        confusions.removeAll();
        evaluation.platforms().stream()
                .filter(p -> p.confusion().length == CompatibilityLevel.values().length)
                .forEach(p -> confusions.add(confusionTable(p)));
    }

    /** A small table, claimed level per row and predicted level per column, with headers for both. */
    static NativeTable confusionTable(PlatformEvaluation platform) {
        NativeTable table = new NativeTable();
        table.setId("confusion-" + platform.platform().key());
        table.setCaptionText(platform.platform().label() + " · " + Plural.of(platform.examples(), "claim"));
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        NativeTableRow head = table.getHead().addRow();
        header(head, "Claimed ↓ / predicted →", "col");
        for (CompatibilityLevel predicted : CompatibilityLevel.values()) {
            header(head, predicted.label(), "col");
        }
        for (CompatibilityLevel claimed : CompatibilityLevel.values()) {
            NativeTableRow row = table.getBody().addRow();
            header(row, claimed.label(), "row");
            for (CompatibilityLevel predicted : CompatibilityLevel.values()) {
                var cell = row.addDataCell();
                cell.setText(Integer.toString(platform.confusion()[claimed.ordinal()][predicted.ordinal()]));
                cell.getStyle()
                        .set("text-align", "right")
                        .set("padding", "0 var(--lumo-space-s)")
                        .set("font-weight", claimed == predicted ? "bold" : "normal");
            }
        }
        return table;
    }

    private static void header(NativeTableRow row, String text, String scope) {
        NativeTableHeaderCell cell = row.addHeaderCell();
        cell.setText(text);
        cell.getElement().setAttribute("scope", scope);
        cell.getStyle().set("padding", "0 var(--lumo-space-s)").set("text-align", "left");
    }
}
