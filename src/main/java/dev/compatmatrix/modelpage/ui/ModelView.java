package dev.compatmatrix.modelpage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.base.ui.CopyLine;
import dev.compatmatrix.base.ui.chart.ChartPanel;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.catalog.ui.ModelEditor;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.ui.ClaimEditor;
import dev.compatmatrix.compatibility.ui.MatrixView;
import dev.compatmatrix.compatibility.ui.RecentChanges;
import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.FeedbackService;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistoryRow;
import dev.compatmatrix.history.ui.HistoryChartSpecs;
import dev.compatmatrix.history.ui.HistoryUrl;
import dev.compatmatrix.history.ui.HistoryView;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.ValidationMarks;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.live.MatrixChange;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.ui.ComparePages;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.matrix.ui.LiveUpdates;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.modelpage.query.ModelOverview;
import dev.compatmatrix.recommendation.query.RecommendationRow;
import dev.compatmatrix.recommendation.ui.RecommendationFormat;
import dev.compatmatrix.security.CurrentUser;
import dev.compatmatrix.watch.WatchTarget;
import dev.compatmatrix.watch.ui.WatchButton;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One model: header, its claim on each of the eight platforms (not tested shown as such), its hardware
 * recommendations and its history. The model name is the rest of the path, so names with a slash work. While open it
 * follows every change of its model (claims, reviews, automated results, the model itself) in place: the chosen tab,
 * the page's scroll position and any open form stay, and the platforms that changed are marked for a few seconds.
 */
@Route(ModelPages.ROUTE)
@RolesAllowed(Roles.VIEWER)
public class ModelView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ModelPageService service;
    private final CompatibilityService compatibility;
    public final Grid<PlatformClaim> claims = new Grid<>();
    final Grid<RecommendationRow> recommendations = new Grid<>();
    public final Grid<HistoryRow> history = new Grid<>();
    final ChartPanel levelChart = new ChartPanel("model-level-timeline");
    final Grid<Review> reviews = new Grid<>();
    private String title = "Model";

    /** A platform's row on this page; {@code claim} is null when the platform is not tested. */
    public record PlatformClaim(Platform platform, ModelOverview.ClaimRow claim) {}

    private final ClaimService claimService;
    /** Edit controls are shown to editors; the service refuses everyone else whatever the UI shows. */
    private final boolean canEdit;

    private String modelName;
    /** The overview shown, for the per-claim review notes. */
    private ModelOverview latestReviews;

    private final CatalogService catalog;
    private final boolean canManageModel;
    private final boolean canDeleteModel;

    private final LiveUpdates live;
    /** The platforms changed lately by someone, marked in the claims grid for a few seconds. */
    final RecentChanges recent =
            new RecentChanges(this, models -> claims.getDataProvider().refreshAll());
    /** How many live changes this page has shown (for tests). */
    final AtomicLong liveRefreshes;
    /** The model shown (read off the UI by the live filter); -1 before the first. */
    private volatile int shownModelId = -1;
    /** What is built once per model and updated in place after. */
    private Component top;

    private Details scoreExplanation;
    TabSheet tabs;
    private Tab recommendationsTab;
    private Tab historyTab;
    private Tab reviewsTab;
    /** "Predictions (not claims)": read when first opened, and again with the page after that. */
    PredictionsTab predictions;
    /** "Reports (n open)": users' reports on this model's cells, and their triage. */
    ReportsTab reports;

    private final FeedbackService feedback;
    /** Editors and validators triage reports; the service refuses everyone else whatever the UI shows. */
    private final boolean canTriage;

    private final VerticalLayout historyBox = new VerticalLayout();

    /** The platform whose cell the address opened ({@code models/<name>/<platform>}); null for the page alone. */
    private Platform cellPlatform;
    /** Where an opened cell's details stand, between the header and the tabs. */
    final Div cellBox = new Div();
    /** True while the address selects a tab, so that the selection does not rewrite the address. */
    private boolean selectingFromAddress;

    public ModelView(
            ModelPageService service,
            CompatibilityService compatibility,
            ClaimService claimService,
            CatalogService catalog,
            CurrentUser currentUser,
            LiveUpdates live,
            FeedbackService feedback) {
        this.service = service;
        this.feedback = feedback;
        this.canTriage = currentUser.roles().contains(Roles.EDITOR)
                || currentUser.roles().contains(Roles.VALIDATOR);
        this.live = live;
        this.compatibility = compatibility;
        this.claimService = claimService;
        this.catalog = catalog;
        this.canEdit = currentUser.roles().contains(Roles.EDITOR);
        this.canDeleteModel = currentUser.roles().contains(Roles.ADMIN);
        this.canManageModel = canEdit || canDeleteModel;
        addClassName("model-view");
        // Only as wide as the window: the page grows with its lists and scrolls as a whole.
        setWidthFull();
        configureClaims();
        configureRecommendations();
        configureHistory();
        configureReviews();
        historyBox.setPadding(false);
        liveRefreshes = live.keepCurrent(this, change -> change.touchesModel(shownModelId), this::showChange);
    }

    /** A change of this model, pushed: the page reads it again in place and marks the platforms that changed. */
    void showChange(MatrixChange change) {
        if (modelName == null) {
            return;
        }
        recent.mark(change);
        var overview = service.modelOverview(modelName)
                .or(() -> change.events().stream()
                        .filter(e ->
                                e.modelId() == shownModelId && !e.modelName().equals(modelName))
                        .reduce((first, second) -> second)
                        .flatMap(renamed -> service.modelOverview(renamed.modelName())));
        if (overview.isPresent()) {
            modelName = overview.get().header().name();
            show(overview.get());
        } else {
            showDeleted();
        }
    }

    /** The model was deleted while the page was open: say so instead of showing what no longer exists. */
    private void showDeleted() {
        removeAll();
        tabs = null;
        shownModelId = -1;
        Span gone = new Span("The model " + modelName + " was deleted just now.");
        gone.setId("model-deleted");
        gone.addClassName("url-notice");
        add(gone, new Anchor("", "← Matrix"));
    }

    /** For tests in other packages. */
    public Grid<PlatformClaim> claimsGrid() {
        return claims;
    }

    public Grid<Review> reviewsGrid() {
        return reviews;
    }

    public static void open(String modelName) {
        ModelPages.open(modelName);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String rest = event.getRouteParameters().get("name").orElse("");
        var address = ModelPageAddress.resolve(rest, service::modelOverview);
        if (address.isEmpty()) {
            event.rerouteToError(NotFoundException.class, ModelPageAddress.notFound(rest));
            return;
        }
        var overview = address.get().model();
        String name = overview.header().name();
        title = name + " · Compatibility Matrix Console";
        modelName = name;
        cellPlatform = address.get().platform();
        show(overview);
        // The old form ?tab=reports still opens its tab, and the address takes the new form.
        var oldTab = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("tab")
                .flatMap(ModelPages.Tab::fromKey);
        selectTab(oldTab.orElse(address.get().tab()));
        if (oldTab.isPresent()) {
            // After the router has written the address it was given.
            String path = ModelPages.path(name, oldTab.get());
            event.getUI()
                    .beforeClientResponse(
                            this,
                            context -> context.getUI().getPage().getHistory().replaceState(null, path));
        }
    }

    private void selectTab(ModelPages.Tab tab) {
        selectingFromAddress = true;
        try {
            tabs.setSelectedIndex(tab.ordinal());
        } finally {
            selectingFromAddress = false;
        }
    }

    /** The tab the user chose: its address replaces the page's (Back still leaves the page), and a cell closes. */
    private void tabChosen() {
        if (selectingFromAddress || modelName == null) {
            return;
        }
        cellPlatform = null;
        cellBox.removeAll();
        showAddress(currentPath());
    }

    /** The address of what the page shows now: the opened cell, or the selected tab. */
    String currentPath() {
        return cellPlatform != null
                ? ModelPages.cellPath(modelName, cellPlatform)
                : ModelPages.path(modelName, ModelPages.Tab.values()[tabs.getSelectedIndex()]);
    }

    private void showAddress(String path) {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, path));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** The first time (or for another model) builds the page; for the same model again, updates it in place. */
    private void show(ModelOverview overview) {
        boolean sameModel = tabs != null && shownModelId == overview.header().modelId();
        shownModelId = overview.header().modelId();
        Component newTop = header(overview);
        latestReviews = overview;
        claims.setItems(Arrays.stream(Platform.values())
                .map(p -> new PlatformClaim(p, overview.claims().get(p)))
                .toList());
        recommendations.setItems(overview.recommendations());
        history.setItems(overview.history());
        reviews.setItems(overview.reviews());
        growWithPage(recommendations, overview.recommendations().size());
        growWithPage(history, overview.history().size());
        growWithPage(reviews, overview.reviews().size());
        historyBox.removeAll();
        historyBox.add(historyContent(overview));
        showCell(overview);
        if (sameModel) {
            replace(top, newTop);
            recommendationsTab.setLabel(recommendationsLabel(overview));
            historyTab.setLabel(historyLabel(overview));
            reviewsTab.setLabel(reviewsLabel(overview));
            levelChart.show(HistoryChartSpecs.levels(overview.header().name(), overview.levelPeriods()));
            predictions.reloadIfOpened();
            reports.load();
        } else {
            removeAll();
            tabs = new TabSheet();
            tabs.setWidthFull();
            tabs.add("Platforms", claims);
            recommendationsTab = tabs.add(recommendationsLabel(overview), recommendations);
            PerformanceTab.addTo(tabs, service, overview.header().name());
            historyTab = tabs.add(historyLabel(overview), historyBox);
            tabs.add("Level timeline", levelTimeline(overview));
            reviewsTab = tabs.add(reviewsLabel(overview), reviews);
            predictions = PredictionsTab.addTo(tabs, service, () -> modelName, canEdit, this::makeClaimFromPrediction);
            reports = ReportsTab.addTo(tabs, feedback, () -> modelName, canTriage, this::acceptReport, () -> {});
            tabs.addSelectedChangeListener(e -> tabChosen());
            tabs.setSuffixComponent(CopyLine.link("tab-link", "Copy the link to this tab", this::currentPath));
            add(newTop, cellBox, tabs);
        }
        top = newTop;
    }

    /** The opened cell's details, or nothing when the address names no platform. */
    private void showCell(ModelOverview overview) {
        cellBox.removeAll();
        if (cellPlatform == null) {
            return;
        }
        Button edit = null;
        if (canEdit) {
            boolean tested = overview.claims().containsKey(cellPlatform);
            Platform platform = cellPlatform;
            edit = new Button(tested ? "Edit claim" : "Add claim", e -> openEditor(platform));
            edit.setId("cell-edit");
        }
        cellBox.add(new CellDetails(
                overview,
                cellPlatform,
                this,
                edit,
                service.cellAutomatedResults(overview.header().name(), cellPlatform)));
    }

    private static String recommendationsLabel(ModelOverview overview) {
        return "Recommendations (" + overview.recommendations().size() + ")";
    }

    private static String historyLabel(ModelOverview overview) {
        return "History (" + overview.history().size() + ")";
    }

    private static String reviewsLabel(ModelOverview overview) {
        return "Validation trail (" + overview.reviews().size() + ")";
    }

    /** The name, facts, score explanation (staying open if the user opened it) and the edit button. */
    private Component header(ModelOverview overview) {
        var header = overview.header();
        H2 name = new H2(header.name());
        name.setId("model-name");
        FlexLayout facts = new FlexLayout(
                fact("Family", header.family()),
                fact("Type", header.type()),
                fact("Size", header.size()),
                fact(
                        "Parameters",
                        header.parametersMillions() == null
                                ? "—"
                                : MatrixView.formatParams(header.parametersMillions())),
                scoreFact(header.score()),
                fact(
                        "Recommended",
                        header.recommended() == null
                                ? "none"
                                : header.recommended().label()));
        facts.addClassName("facts");
        var levels = new java.util.EnumMap<Platform, CompatibilityLevel>(Platform.class);
        overview.claims().forEach((platform, claim) -> levels.put(platform, claim.level()));
        Details scoreExplanation = new Details(
                "How the score " + String.format(Locale.ROOT, "%.2f", header.score()) + " follows from the claims",
                new UnorderedList(
                        ScoreRule.explain(levels).stream().map(ListItem::new).toArray(ListItem[]::new)));
        scoreExplanation.setId("score-explanation");
        scoreExplanation.setOpened(this.scoreExplanation != null && this.scoreExplanation.isOpened());
        this.scoreExplanation = scoreExplanation;
        Button editModel = new Button("Edit model", e -> openModelEditor());
        editModel.setId("edit-model");
        editModel.setVisible(canManageModel);
        Button compareWith = new Button("Compare with…", e -> ComparePages.open(java.util.List.of(header.name())));
        compareWith.setId("compare-with");
        compareWith.setTooltipText("Open this model on the compare screen and add others there");
        HorizontalLayout title =
                new HorizontalLayout(name, editModel, WatchButton.of(WatchTarget.model(header.name())), compareWith);
        title.setAlignItems(Alignment.BASELINE);
        VerticalLayout top = new VerticalLayout(new Anchor("", "← Matrix"), title, facts, scoreExplanation);
        top.setPadding(false);
        top.addClassName("model-header");
        return top;
    }

    /**
     * A bounded list shows all its rows and the page grows with it, instead of a small box that scrolls on its own;
     * a longer one (more than the model page ever loads of its history) keeps a tall box of its own.
     */
    static void growWithPage(Grid<?> grid, int rows) {
        boolean whole = rows <= ModelPageService.MODEL_HISTORY_LIMIT;
        grid.setAllRowsVisible(whole);
        grid.setHeight(whole ? null : "75vh");
    }

    /** The history grid, and where the rest is when the page shows only the newest changes. */
    private Component[] historyContent(ModelOverview overview) {
        if (overview.history().size() < ModelPageService.MODEL_HISTORY_LIMIT) {
            return new Component[] {history};
        }
        Anchor all = new Anchor(
                historyUrl(overview.header().name()),
                "Showing the newest " + ModelPageService.MODEL_HISTORY_LIMIT + " changes; all of them in History");
        all.setId("history-all");
        return new Component[] {history, all};
    }

    private static String historyUrl(String model) {
        return RouteConfiguration.forSessionScope().getUrl(HistoryView.class) + "?"
                + HistoryUrl.toQuery(new HistoryFilter(model, null, null, null, null))
                        .getQueryString();
    }

    private static Component fact(String label, String value) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("fact-label");
        return new Span(labelSpan, new Span(value));
    }

    private static Component scoreFact(double score) {
        Component fact = fact("Score", String.format(Locale.ROOT, "%.2f", score));
        fact.getElement().setAttribute("title", ScoreRule.EXPLANATION);
        fact.setId("model-score");
        return fact;
    }

    /** Opens the claim form for a platform: a new claim when it is not tested, else the current one. */
    public void openEditor(Platform platform) {
        Claim loaded = claimService.find(modelName, platform).orElse(null);
        new ClaimEditor(claimService, live, modelName, platform, loaded, this::reload).open();
    }

    /**
     * "Make a claim…" on a prediction: the usual claim form for the cell, with only the predicted level chosen; what
     * was run and the version tested are the editor's to give, and the usual rules check them. Claimed meanwhile: the
     * form edits that claim, as always.
     */
    void makeClaimFromPrediction(Platform platform, CompatibilityLevel level) {
        Claim loaded = claimService.find(modelName, platform).orElse(null);
        ClaimEditor editor = new ClaimEditor(claimService, live, modelName, platform, loaded, this::reload);
        if (loaded == null) {
            editor.startFromPrediction(level);
        }
        editor.open();
    }

    /** "Accept…" on a report: the usual claim form for its cell, pre-filled from the report. */
    void acceptReport(CellReport report) {
        Claim loaded = claimService.find(modelName, report.platform()).orElse(null);
        ClaimEditor editor = new ClaimEditor(claimService, live, modelName, report.platform(), loaded, this::reload);
        editor.startFromReport(report);
        editor.open();
    }

    void openModelEditor() {
        catalog.find(modelName)
                .ifPresent(model -> new ModelEditor(
                                catalog, model, compatibility.families(), canDeleteModel, savedName -> {
                                    if (savedName == null) {
                                        UI.getCurrent().navigate(MatrixView.class);
                                    } else if (savedName.equals(modelName)) {
                                        reload();
                                    } else {
                                        open(savedName);
                                    }
                                })
                        .open());
    }

    private void reload() {
        service.modelOverview(modelName).ifPresent(this::show);
    }

    private void configureClaims() {
        claims.setId("claims-grid");
        claims.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        claims.addComponentColumn(c -> new Anchor(
                        ModelPages.cellPath(modelName, c.platform()),
                        c.platform().label()))
                .setHeader("Platform")
                .setKey("platform")
                .setWidth("8rem")
                .setFlexGrow(0);
        claims.addComponentColumn(this::levelCell)
                .setHeader("Level")
                .setKey("level")
                .setAutoWidth(true)
                .setFlexGrow(0);
        claims.addColumn(this::levelSince)
                .setHeader("Since")
                .setKey("since")
                .setWidth("12rem")
                .setFlexGrow(0);
        claims.addColumn(c -> c.claim() == null ? "" : validationWords(c.claim().status(), marks(c)))
                .setHeader("Validation")
                .setKey("validation")
                .setAutoWidth(true)
                .setFlexGrow(0);
        claims.addColumn(c -> c.claim() == null ? "" : text(c.claim().validator()))
                .setHeader("Validator")
                .setAutoWidth(true)
                .setFlexGrow(0);
        claims.addColumn(c -> c.claim() == null ? "" : time(c.claim().validationDate()))
                .setHeader("Validated")
                .setAutoWidth(true)
                .setFlexGrow(0);
        claims.addComponentColumn(c -> marksNotes(marks(c)))
                .setHeader("Stale / disputed")
                .setKey("marks")
                .setWidth("18rem")
                .setFlexGrow(1);
        // A rejection's comment is for the editors: shown on the claim until its next version.
        claims.addColumn(c -> latestReviews == null
                        ? ""
                        : latestReviews
                                .latestReview(c.platform())
                                .filter(r -> r.decision() == Review.Decision.REJECT)
                                .map(r -> "Rejected by " + text(r.validatorName()) + ": " + text(r.comment()))
                                .orElse(""))
                .setHeader("Review note")
                .setKey("review-note")
                .setWidth("14rem")
                .setFlexGrow(1);
        // Fixed minimum widths: on a phone the grid scrolls sideways instead of wrapping into tall rows.
        claims.addColumn(c ->
                        c.claim() == null ? "No claim recorded" : text(c.claim().limitations()))
                .setHeader("Limitations")
                .setWidth("16rem")
                .setFlexGrow(2);
        claims.addColumn(c -> c.claim() == null ? "" : text(c.claim().workarounds()))
                .setHeader("Workarounds")
                .setWidth("14rem")
                .setFlexGrow(2);
        claims.addColumn(c -> c.claim() == null ? "" : text(c.claim().performanceNotes()))
                .setHeader("Performance notes")
                .setWidth("14rem")
                .setFlexGrow(2);
        claims.addColumn(c -> c.claim() == null ? "" : c.claim().evidence().summary())
                .setHeader("Evidence")
                .setWidth("16rem")
                .setFlexGrow(1);
        WatchButton.addCellColumn(claims, () -> modelName, PlatformClaim::platform);
        if (canEdit) {
            claims.addComponentColumn(c -> {
                        Button edit =
                                new Button(c.claim() == null ? "Add claim" : "Edit", e -> openEditor(c.platform()));
                        edit.addThemeVariants(
                                ButtonVariant.LUMO_SMALL,
                                c.claim() == null ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
                        edit.setId("edit-" + c.platform().key());
                        return edit;
                    })
                    .setHeader("")
                    .setKey("edit")
                    .setWidth("8rem")
                    .setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        claims.setAllRowsVisible(true);
    }

    /** The level as a badge; outlined with the word "Updated" after it while the platform's change is new. */
    private Component levelCell(PlatformClaim row) {
        LevelBadge badge = row.claim() == null
                ? new LevelBadge(null, null)
                : new LevelBadge(
                        row.claim().level(),
                        row.claim().status(),
                        marks(row).stale(),
                        marks(row).disputed());
        if (!recent.isMarked(shownModelId, row.platform())) {
            return badge;
        }
        badge.addClassName(RecentChanges.CHANGED_CLASS);
        return new Span(badge, RecentChanges.label());
    }

    /** "High since 2026-03-14 · torch 2.3.0": since when the claim has had its level, and the version it named. */
    String levelSince(PlatformClaim row) {
        if (row.claim() == null || latestReviews == null) {
            return "";
        }
        return latestReviews
                .levelSince(row.platform())
                .map(since -> row.claim().level().label() + " since "
                        + since.since().toLocalDate()
                        + (since.version() == null || since.version().isBlank() ? "" : " · " + text(since.version())))
                .orElse("");
    }

    private ModelOverview.Marks marks(PlatformClaim row) {
        return latestReviews == null ? ModelOverview.Marks.NONE : latestReviews.marks(row.platform());
    }

    /** "Validated · ◷ stale · ⚠ disputed": the status and the matrix's marks in words. */
    static String validationWords(ValidationStatus status, ModelOverview.Marks marks) {
        return status.label()
                + (marks.stale() ? " · " + ValidationMarks.STALE + " stale" : "")
                + (marks.disputed() ? " · " + ValidationMarks.DISPUTED + " disputed" : "");
    }

    /** Why a claim is stale, and who disputes it with what: one line each, empty when neither. */
    static Component marksNotes(ModelOverview.Marks marks) {
        Div notes = new Div();
        if (marks.stale()) {
            Div stale = new Div(ValidationMarks.STALE + " Stale: " + marks.staleReason());
            stale.addClassName("stale-note");
            notes.add(stale);
        }
        if (marks.disputed()) {
            Div disputed = new Div(ValidationMarks.DISPUTED + " Disputed: " + disputeText(marks.dispute()));
            disputed.addClassName("dispute-note");
            notes.add(disputed);
        }
        return notes;
    }

    /** "nightly-ci (CI pipeline) reports Medium on 2026-10-30 00:00 UTC · run nightly-4201 · OpenVINO 2024.5". */
    static String disputeText(AutomatedResult result) {
        if (result == null) {
            return "an automated result reports another level";
        }
        StringBuilder text = new StringBuilder(text(result.reporter()));
        if (result.reporterType() != null) {
            text.append(" (").append(reporterType(result.reporterType())).append(")");
        }
        text.append(" reports ").append(result.level().label()).append(" on ").append(time(result.reportedAt()));
        if (result.evidenceRun() != null && !result.evidenceRun().isBlank()) {
            text.append(" · run ").append(result.evidenceRun());
        }
        if (result.frameworkVersion() != null && !result.frameworkVersion().isBlank()) {
            text.append(" · ").append(result.frameworkVersion());
        }
        return text.toString();
    }

    /** An automated reporter's type in words: "CI pipeline", "automated test". */
    static String reporterType(String type) {
        return switch (type) {
            case "ci_pipeline" -> "CI pipeline";
            case "automated_test" -> "automated test";
            default -> type;
        };
    }

    private void configureRecommendations() {
        recommendations.setId("recommendations-grid");
        recommendations.setEmptyStateText("No hardware recommendations: none has been generated for this model "
                + "(they need at least one supported platform).");
        recommendations.addColumn(RecommendationRow::taskType).setHeader("Task").setAutoWidth(true);
        recommendations
                .addColumn(RecommendationRow::batchSize)
                .setHeader("Batch")
                .setAutoWidth(true);
        recommendations
                .addColumn(r -> platformLabel(r.recommendedHardware()))
                .setHeader("Recommended")
                .setAutoWidth(true);
        recommendations
                .addColumn(r -> platformLabel(r.fallbackHardware()))
                .setHeader("Fallback")
                .setAutoWidth(true);
        recommendations
                .addColumn(r -> RecommendationFormat.ratio(r.performanceRatio(), r.fallbackHardware()))
                .setHeader("Fallback perf. ratio")
                .setAutoWidth(true)
                .setTooltipGenerator(r -> RecommendationFormat.RATIO_EXPLANATION);
        recommendations
                .addColumn(r -> RecommendationFormat.memory(r.memoryRequirementsMb()))
                .setHeader("Memory")
                .setAutoWidth(true);
        recommendations
                .addColumn(RecommendationRow::reason)
                .setHeader("Reason")
                .setWidth("20rem")
                .setFlexGrow(2);
    }

    private void configureReviews() {
        reviews.setId("reviews-grid");
        reviews.setEmptyStateText("No reviews yet: no claim of this model has been approved or rejected.");
        reviews.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        reviews.addColumn(r -> time(r.reviewedAt())).setHeader("When").setAutoWidth(true);
        reviews.addColumn(r -> platformLabel(r.platform()))
                .setHeader("Platform")
                .setAutoWidth(true);
        reviews.addColumn(r -> r.decision() == Review.Decision.APPROVE ? "Approved" : "Rejected")
                .setHeader("Decision")
                .setAutoWidth(true);
        reviews.addColumn(r -> text(r.validatorName()) + " (level " + r.verificationLevel() + ")")
                .setHeader("Validator")
                .setAutoWidth(true);
        reviews.addColumn(r -> r.resultingStatus().label())
                .setHeader("Status after")
                .setAutoWidth(true);
        reviews.addColumn(r -> "v" + r.claimVersion())
                .setHeader("Claim version")
                .setAutoWidth(true);
        reviews.addColumn(r -> text(r.comment()))
                .setHeader("Comment")
                .setWidth("20rem")
                .setFlexGrow(2);
    }

    private void configureHistory() {
        history.setId("history-grid");
        history.setEmptyStateText("No changes recorded: no claim of this model has been created, changed or removed.");
        history.addColumn(h -> time(h.changeDate())).setHeader("When").setAutoWidth(true);
        history.addColumn(h -> platformLabel(h.hardwareType()))
                .setHeader("Platform")
                .setAutoWidth(true);
        history.addComponentColumn(h -> levelBadge(h.previousStatus()))
                .setHeader("From")
                .setAutoWidth(true);
        history.addComponentColumn(h -> levelBadge(h.newStatus()))
                .setHeader("To")
                .setAutoWidth(true);
        history.addColumn(h -> text(h.changeVersion())).setHeader("Version").setAutoWidth(true);
        history.addColumn(h -> text(h.changedBy())).setHeader("By").setAutoWidth(true);
        history.addColumn(HistoryRow::fromReport)
                .setHeader("Report")
                .setKey("report")
                .setAutoWidth(true);
        history.addColumn(h -> text(h.changeReason()))
                .setHeader("Reason")
                .setWidth("20rem")
                .setFlexGrow(2);
    }

    private static Component levelBadge(String levelKey) {
        if (levelKey == null) {
            Span none = new Span("—");
            none.getElement().setAttribute("title", "No claim before this change");
            return none;
        }
        CompatibilityLevel level = CompatibilityLevel.fromKey(levelKey).orElse(null);
        Span badge = new Span(LevelBadge.word(level));
        badge.addClassNames("level", LevelBadge.cssClass(level));
        return badge;
    }

    private static String platformLabel(String key) {
        return key == null ? "—" : Platform.fromKey(key).map(Platform::label).orElse(key);
    }

    private static String text(String value) {
        return value == null ? "" : VisibleText.of(value);
    }

    static String time(LocalDateTime time) {
        return time == null ? "" : UTC_TIME.format(time);
    }

    private Component levelTimeline(ModelOverview overview) {
        levelChart.show(HistoryChartSpecs.levels(overview.header().name(), overview.levelPeriods()));
        Anchor allChanges = new Anchor(historyUrl(overview.header().name()), "All changes of this model in History");
        return new VerticalLayout(levelChart, allChanges);
    }
}
