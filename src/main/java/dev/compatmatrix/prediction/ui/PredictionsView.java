package dev.compatmatrix.prediction.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.compatmatrix.base.ui.chart.ChartPanel;
import dev.compatmatrix.base.ui.chart.ChartSpec;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.PredictionTrainingService;
import dev.compatmatrix.prediction.PredictionTrainingService.Evaluation;
import dev.compatmatrix.prediction.TrainingRefusedException;
import dev.compatmatrix.prediction.TrainingStatus;
import dev.compatmatrix.prediction.query.TrainingRunsQuery.RunRow;
import dev.compatmatrix.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The predictions' trainings: the adopted run's honest evaluation (each figure beside the baseline, per platform,
 * with confusion matrices), the history of runs with accuracy over time, and, for admins, "Train now". While a run
 * is running the page polls for its progress.
 */
@Route("predictions")
@PageTitle("Predictions · Compatibility Matrix Console")
@Menu(order = 3.5, title = "Predictions", icon = "vaadin:magic")
@PermitAll
public class PredictionsView extends VerticalLayout {

    /** Runs in the history grid and the chart. */
    static final int HISTORY = 50;

    private static final int POLL_MILLIS = 1000;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private final PredictionTrainingService training;
    final Button trainNow = new Button("Train now", VaadinIcon.PLAY.create());
    final ProgressBar progressBar = new ProgressBar();
    final Span progressText = new Span();
    final Paragraph empty = new Paragraph();
    final EvaluationPanel evaluation = new EvaluationPanel();
    final ChartPanel accuracyChart = new ChartPanel("predictions-accuracy-chart");
    final Grid<RunRow> runs = new Grid<>();
    private final H3 historyTitle = new H3("Training runs");
    private final String whatToDo;
    private Registration polling;
    private long shownEvaluation = -1;

    public PredictionsView(PredictionTrainingService training, CurrentUser currentUser) {
        this.training = training;
        boolean admin = currentUser.roles().contains(Roles.ADMIN);
        addClassName("predictions-view");
        trainNow.setId("predictions-train");
        trainNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        trainNow.setVisible(admin);
        trainNow.addClickListener(e -> trainNow());
        HorizontalLayout top = new HorizontalLayout(new H2("Predictions"), trainNow);
        top.setAlignItems(Alignment.BASELINE);
        top.setWrap(true);
        progressBar.setId("predictions-progress");
        progressText.setId("predictions-progress-text");
        empty.setId("predictions-empty");
        whatToDo = admin
                ? "Press \"Train now\" to train on the current claims; trainings also run nightly and after enough "
                        + "accepted changes."
                : "An admin can start one here with \"Train now\"; trainings also run nightly and after enough "
                        + "accepted changes.";
        configureRuns();
        add(
                top,
                new Paragraph(
                        "A model trained on the claims predicts the level of untested cells. Predictions are never "
                                + "claims: the matrix shows them only when asked, apart from the claims, and only on platforms "
                                + "where the training's cross-validated evaluation beats the baseline."),
                progressBar,
                progressText,
                empty,
                evaluation,
                historyTitle,
                accuracyChart,
                runs);
        refresh();
    }

    private void configureRuns() {
        runs.setId("predictions-runs");
        runs.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        runs.setAllRowsVisible(true);
        runs.addColumn(r -> "#" + r.id()).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> RunFormat.time(r.startedAt()))
                .setHeader("Started")
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> RunFormat.trigger(r.trigger()))
                .setHeader("Trigger")
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> r.requestedBy() == null ? "automatic" : r.requestedBy())
                .setHeader("By")
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> RunFormat.state(r.state()))
                .setHeader("State")
                .setKey("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> RunFormat.beside(r.model(), r.baseline(), RunFormat::accuracy))
                .setHeader("Accuracy")
                .setWidth("10rem")
                .setFlexGrow(0);
        runs.addColumn(r -> RunFormat.beside(r.model(), r.baseline(), RunFormat::macroF1))
                .setHeader("Macro-F1")
                .setWidth("10rem")
                .setFlexGrow(0);
        runs.addColumn(r -> r.claimsUsed() == null ? "" : String.format(Locale.ROOT, "%,d", r.claimsUsed()))
                .setHeader("Claims used")
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> RunFormat.duration(r.trainMillis()))
                .setHeader("Duration")
                .setAutoWidth(true)
                .setFlexGrow(0);
        runs.addColumn(r -> r.message() == null ? "" : r.message())
                .setHeader("Message")
                .setKey("message")
                .setWidth("8rem")
                .setFlexGrow(1);
    }

    /** Starts a run; a refusal (one is running) is said in a notice. */
    private void trainNow() {
        try {
            long runId = training.trainNow();
            Notification.show("Training run #" + runId + " started", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TrainingRefusedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    /** Reads the progress, the history and the adopted evaluation again; polls only while a run is running. */
    void refresh() {
        Optional<TrainingStatus> running = training.progress();
        showProgress(running);
        List<RunRow> history = training.runs(HISTORY);
        runs.setItems(history);
        historyTitle.setVisible(!history.isEmpty());
        runs.setVisible(!history.isEmpty());
        ChartSpec chart = accuracyOverTime(history);
        accuracyChart.setVisible(!chart.isEmpty());
        accuracyChart.update(chart);
        Optional<Evaluation> adopted = training.latestEvaluation();
        evaluation.setVisible(adopted.isPresent());
        empty.setVisible(adopted.isEmpty());
        empty.setText((history.isEmpty()
                        ? "No training has run yet. "
                        : "No training run has been adopted yet, so no predictions are shown. ")
                + whatToDo);
        if (adopted.isPresent() && adopted.get().run().id() != shownEvaluation) {
            evaluation.show(adopted.get());
            shownEvaluation = adopted.get().run().id();
        }
        UI.getCurrent().setPollInterval(running.isPresent() ? POLL_MILLIS : -1);
    }

    private void showProgress(Optional<TrainingStatus> running) {
        progressBar.setVisible(running.isPresent());
        progressText.setVisible(running.isPresent());
        trainNow.setEnabled(running.isEmpty());
        running.ifPresent(status -> {
            progressBar.setIndeterminate(status.fraction() == null);
            if (status.fraction() != null) {
                progressBar.setValue(status.fraction());
            }
            progressText.setText("Run #" + status.runId()
                    + (status.requestedBy() == null
                            ? " (" + RunFormat.trigger(status.trigger()).toLowerCase(Locale.ROOT) + ")"
                            : " by " + status.requestedBy())
                    + ", started "
                    + RunFormat.time(status.startedAt()) + ": " + status.step()
                    + (status.fraction() == null
                            ? ""
                            : String.format(Locale.ROOT, " · %.0f %%", status.fraction() * 100)));
        });
    }

    /** Accuracy of each run that was evaluated, oldest first, beside its baseline's (no user text: run ids, times). */
    static ChartSpec accuracyOverTime(List<RunRow> newestFirst) {
        List<RunRow> evaluated = newestFirst.reversed().stream()
                .filter(r -> r.model() != null && r.baseline() != null)
                .toList();
        return ChartSpec.line(
                        "Accuracy over time",
                        evaluated.stream()
                                .map(r -> "#" + r.id() + " " + SHORT.format(r.startedAt()))
                                .toList(),
                        List.of(
                                new ChartSpec.Series(
                                        "Model",
                                        evaluated.stream()
                                                .map(r -> percent(r.model().accuracy()))
                                                .toList()),
                                new ChartSpec.Series(
                                        "Baseline",
                                        evaluated.stream()
                                                .map(r -> percent(r.baseline().accuracy()))
                                                .toList())))
                .withAxisTitles("Training run", "Accuracy (%)")
                .withHeight(260);
    }

    private static double percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }
}
