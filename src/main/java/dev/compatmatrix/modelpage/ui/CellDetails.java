package dev.compatmatrix.modelpage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.compatmatrix.base.VisibleText;
import dev.compatmatrix.base.ui.CopyLine;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.query.AutomatedResult;
import dev.compatmatrix.matrix.ui.LevelBadge;
import dev.compatmatrix.matrix.ui.ModelPages;
import dev.compatmatrix.modelpage.query.CellAutomatedResults;
import dev.compatmatrix.modelpage.query.ModelOverview;
import java.util.List;

/**
 * One cell of the matrix, the page a cell's link opens ({@code models/<name>/<platform>}): the claim with its
 * evidence, its stale and disputed marks (with the automated result that disagrees), its reviews and its history,
 * each from the model page's own overview, and its newest automated results. A platform without a claim says it is
 * not tested.
 */
class CellDetails extends VerticalLayout {

    CellDetails(
            ModelOverview overview,
            Platform platform,
            ModelView page,
            Button addOrEdit,
            CellAutomatedResults automatedResults) {
        String model = overview.header().name();
        var claim = overview.claims().get(platform);
        var marks = overview.marks(platform);
        setId("cell-details");
        addClassName("cell-details");
        H3 title = new H3(platform.label() + " · " + model);
        title.setId("cell-details-title");
        LevelBadge badge = claim == null
                ? new LevelBadge(null, null)
                : new LevelBadge(claim.level(), claim.status(), marks.stale(), marks.disputed());
        HorizontalLayout heading = new HorizontalLayout(
                title,
                badge,
                CopyLine.link("cell-link", "Copy the link to this cell", () -> ModelPages.cellPath(model, platform)));
        heading.setAlignItems(Alignment.BASELINE);
        heading.setWrap(true);
        add(heading);
        if (claim == null) {
            Paragraph untested =
                    new Paragraph("Not tested: no claim is recorded for " + model + " on " + platform.label() + ".");
            untested.setId("cell-not-tested");
            add(untested);
        } else {
            String levelSince = page.levelSince(new ModelView.PlatformClaim(platform, claim));
            UnorderedList facts = new UnorderedList(
                    fact("Level", levelSince.isEmpty() ? claim.level().label() : levelSince),
                    fact("Validation", ModelView.validationWords(claim.status(), marks)),
                    fact("Validator", claim.validator()),
                    fact("Validated", ModelView.time(claim.validationDate())),
                    fact("Evidence", claim.evidence().summary()),
                    fact("Limitations", claim.limitations()),
                    fact("Workarounds", claim.workarounds()),
                    fact("Performance notes", claim.performanceNotes()));
            facts.setId("cell-facts");
            add(facts, ModelView.marksNotes(marks), automatedResult(marks));
        }
        if (addOrEdit != null) {
            add(addOrEdit);
        }
        add(new H4("Automated results"), automatedResults(automatedResults, claim == null ? null : claim.level()));
        add(new H4("Reviews"), reviews(overview, platform), new H4("History"), history(overview, platform));
        Anchor all = new Anchor(ModelPages.path(model), "All platforms of " + model);
        all.setId("cell-close");
        add(all);
    }

    private static Component automatedResult(ModelOverview.Marks marks) {
        Paragraph automated = new Paragraph(
                marks.disputed()
                        ? "Automated result: " + ModelView.disputeText(marks.dispute())
                        : "No automated result disagrees with this claim.");
        automated.setId("cell-automated");
        return automated;
    }

    /**
     * The newest results first: when, who (and what kind of reporter), the level reported, its run and framework
     * version, and in words whether it differs from the claim's level.
     */
    private static Component automatedResults(CellAutomatedResults results, CompatibilityLevel claimed) {
        List<ListItem> lines = results.newest().stream()
                .map(result -> automatedResultLine(result, claimed))
                .toList();
        Component list = list("cell-automated-results", lines, "No automated results for this cell.");
        if (results.total() <= results.newest().size()) {
            return list;
        }
        Paragraph shown = new Paragraph("Newest " + results.newest().size() + " of " + results.total() + ".");
        shown.setId("cell-automated-count");
        return new VerticalLayout(shown, list);
    }

    private static ListItem automatedResultLine(AutomatedResult result, CompatibilityLevel claimed) {
        Span level = new Span(LevelBadge.word(result.level()));
        level.addClassNames("level", LevelBadge.cssClass(result.level()));
        StringBuilder after = new StringBuilder();
        if (result.evidenceRun() != null && !result.evidenceRun().isBlank()) {
            after.append(" · run ").append(text(result.evidenceRun()));
        }
        if (result.frameworkVersion() != null && !result.frameworkVersion().isBlank()) {
            after.append(" · ").append(text(result.frameworkVersion()));
        }
        ListItem line = new ListItem(
                new Span(ModelView.time(result.reportedAt()) + " · " + text(result.reporter())
                        + (result.reporterType() == null
                                ? ""
                                : " (" + text(ModelView.reporterType(result.reporterType())) + ")")
                        + " reports "),
                level,
                new Span(after.toString()));
        if (claimed != null && result.level() != claimed) {
            Span differs = new Span(" · differs from the claim (" + claimed.label() + ")");
            differs.addClassName("result-differs");
            line.add(differs);
            line.addClassName("automated-differs");
        }
        return line;
    }

    private static Component reviews(ModelOverview overview, Platform platform) {
        List<ListItem> lines = overview.reviews().stream()
                .filter(r -> platform.key().equals(r.platform()))
                .map(r -> new ListItem(ModelView.time(r.reviewedAt()) + " · v" + r.claimVersion() + " "
                        + (r.decision() == Review.Decision.APPROVE ? "approved" : "rejected") + " by "
                        + text(r.validatorName()) + " (level " + r.verificationLevel() + ")"
                        + (r.comment() == null || r.comment().isBlank() ? "" : ": " + text(r.comment()))))
                .toList();
        return list("cell-reviews", lines, "No reviews of this cell yet.");
    }

    private static Component history(ModelOverview overview, Platform platform) {
        List<ListItem> lines = overview.history().stream()
                .filter(h -> platform.key().equals(h.hardwareType()))
                .map(h -> new ListItem(ModelView.time(h.changeDate()) + " · " + level(h.previousStatus()) + " → "
                        + level(h.newStatus()) + " by " + text(h.changedBy())
                        + (h.changeReason() == null || h.changeReason().isBlank()
                                ? ""
                                : ": " + text(h.changeReason()))))
                .toList();
        return list("cell-history", lines, "No changes recorded for this cell.");
    }

    private static Component list(String id, List<ListItem> lines, String none) {
        Component shown = lines.isEmpty() ? new Paragraph(none) : new UnorderedList(lines.toArray(ListItem[]::new));
        shown.setId(id);
        return shown;
    }

    private static String level(String key) {
        return key == null
                ? "none"
                : dev.compatmatrix.matrix.CompatibilityLevel.fromKey(key)
                        .map(l -> l.label())
                        .orElse(key);
    }

    private static ListItem fact(String label, String value) {
        Span name = new Span(label + ": ");
        name.addClassName("fact-label");
        return new ListItem(name, new Span(value == null || value.isBlank() ? "—" : text(value)));
    }

    private static String text(String value) {
        return value == null ? "" : VisibleText.of(value);
    }
}
