package dev.compatmatrix.feedback;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.feedback.repository.CellReportRepository;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' reports on cells (issue 22): any signed-in person (or an API token with scope {@code feedback:write}) reports
 * what they saw; editors and validators triage. A report never changes a level, a validation status, coverage or
 * scores by itself. Every transition is audited; a report is never deleted, only closed.
 */
@Service
public class FeedbackService {

    /** At most this many new reports per reporter per hour (updates of one's open report do not count). */
    public static final int REPORTS_PER_HOUR = 20;
    /** At most this many of one's own reports are listed on "My reports". */
    public static final int MY_REPORTS_LIMIT = 500;

    /** The authority of the API scope {@code feedback:write} (this package may not import security). */
    public static final String WRITE_SCOPE_AUTHORITY = "SCOPE_feedback:write";

    /** Reporting: a signed-in person, or an API token with scope {@code feedback:write} (a read token is no person). */
    static final String MAY_REPORT = "(" + Roles.HAS_VIEWER
            + " and !T(dev.compatmatrix.matrix.Actor).isPipeline(authentication.name)) or hasAuthority('"
            + WRITE_SCOPE_AUTHORITY + "')";

    private final CellReportRepository reports;
    private final DerivedColumnsRepository models;
    private final ClaimRepository claims;
    private final AuditLog audit;
    private final Clock clock;

    public FeedbackService(
            CellReportRepository reports,
            DerivedColumnsRepository models,
            ClaimRepository claims,
            AuditLog audit,
            Clock clock) {
        this.reports = reports;
        this.models = models;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reports on a cell; a second report by the same reporter on the same cell, while the first is open, updates the
     * first. Refused, with nothing written, for bad input ({@link InvalidChangeException} by field), an unknown model,
     * or a reporter over the hourly limit.
     */
    @PreAuthorize(MAY_REPORT)
    @Transactional
    public CellReport report(String modelName, Platform platform, ReportDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        if (platform == null) {
            problems.put("platform", "Choose a platform");
        }
        if (!problems.isEmpty()) {
            throw new InvalidChangeException(problems);
        }
        ModelRef model = models.findByModelName(modelName)
                .orElseThrow(() -> new InvalidChangeException(Map.of("model", "No model named '" + modelName + "'")));
        String reporter = Actor.name();
        LocalDateTime now = LocalDateTime.now(clock);
        CompatibilityLevel levelNow = claims.find(model.modelId(), platform)
                .map(c -> c.data().level())
                .orElse(null);
        var open = reports.findOpen(reporter, model.modelId(), platform);
        long id;
        if (open.isPresent()) {
            id = open.get().id();
            if (!reports.updateOpen(id, open.get().rowVersion(), draft, levelNow, now)) {
                throw new InvalidChangeException(
                        Map.of("", "Your report on this cell was changed meanwhile (triaged?): reload and try again"));
            }
        } else {
            if (reports.createdSince(reporter, now.minusHours(1)) >= REPORTS_PER_HOUR) {
                throw new ReportLimitException();
            }
            id = reports.insert(model.modelId(), platform, reporter, draft, levelNow, now);
        }
        audit.record(
                reporter,
                open.isPresent() ? "feedback.update" : "feedback.report",
                "cell_reports",
                id,
                draft.outcome().label() + ": " + modelName + " on " + platform.label(),
                null,
                fields(draft),
                now);
        return reports.find(id).orElseThrow();
    }

    /** The caller's own reports with their outcome, newest first. */
    @PreAuthorize(Roles.HAS_VIEWER)
    @Transactional(readOnly = true)
    public List<CellReport> myReports() {
        return reports.byReporter(Actor.name(), MY_REPORTS_LIMIT);
    }

    /** Every report on a model's cells (open first), for its page. */
    @PreAuthorize(Roles.HAS_VIEWER)
    @Transactional(readOnly = true)
    public List<CellReport> modelReports(String modelName) {
        return models.findByModelName(modelName)
                .map(model -> reports.forModel(model.modelId()))
                .orElse(List.of());
    }

    /** The caller's open report on a cell, to load into the report form; empty when there is none. */
    @PreAuthorize(MAY_REPORT)
    @Transactional(readOnly = true)
    public java.util.Optional<CellReport> myOpenReport(String modelName, Platform platform) {
        return models.findByModelName(modelName)
                .flatMap(model -> reports.findOpen(Actor.name(), model.modelId(), platform));
    }

    /** Declines an open report with a reason the reporter will read. */
    @PreAuthorize(Roles.HAS_EDITOR_OR_VALIDATOR)
    @Transactional
    public CellReport decline(CellReport loaded, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidChangeException(Map.of("reason", "Say why the report is declined: the reporter reads it"));
        }
        if (reason.strip().length() > ReportDraft.COMMENT_MAX) {
            throw new InvalidChangeException(Map.of(
                    "reason", dev.compatmatrix.matrix.TextLimit.tooLong(ReportDraft.COMMENT_MAX, reason.length())));
        }
        return close(loaded, ReportState.DECLINED, reason.strip(), null, "feedback.decline");
    }

    /** Closes an open report as a duplicate of another report on the same cell. */
    @PreAuthorize(Roles.HAS_EDITOR_OR_VALIDATOR)
    @Transactional
    public CellReport markDuplicate(CellReport loaded, long duplicateOf) {
        CellReport original = reports.find(duplicateOf)
                .filter(r -> r.id() != loaded.id())
                .filter(r -> r.modelId() == loaded.modelId() && r.platform() == loaded.platform())
                .orElseThrow(() -> new InvalidChangeException(
                        Map.of("duplicateOf", "Report #" + duplicateOf + " is not another report on this cell")));
        return close(loaded, ReportState.DUPLICATE, null, original.id(), "feedback.duplicate");
    }

    private CellReport close(CellReport loaded, ReportState state, String reason, Long duplicateOf, String action) {
        String actor = Actor.name();
        LocalDateTime now = LocalDateTime.now(clock);
        if (!reports.close(loaded.id(), loaded.rowVersion(), state, actor, reason, duplicateOf, null, now)) {
            throw new InvalidChangeException(
                    Map.of("", "Report #" + loaded.id() + " was changed or closed meanwhile: reload it"));
        }
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("state", state.name());
        if (reason != null) {
            closed.put("reason", reason);
        }
        if (duplicateOf != null) {
            closed.put("duplicateOf", duplicateOf);
        }
        audit.record(
                actor,
                action,
                "cell_reports",
                loaded.id(),
                state.label() + ": report #" + loaded.id() + " on " + loaded.modelName() + " / "
                        + loaded.platform().label(),
                Map.of("state", ReportState.OPEN.name()),
                closed,
                now);
        return reports.find(loaded.id()).orElseThrow();
    }

    private static Map<String, Object> fields(ReportDraft draft) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("outcome", draft.outcome().key());
        putIfSet(fields, "framework", draft.framework());
        putIfSet(fields, "frameworkVersion", draft.frameworkVersion());
        putIfSet(fields, "driver", draft.driver());
        putIfSet(fields, "device", draft.device());
        putIfSet(
                fields,
                "precision",
                draft.precision() == null ? null : draft.precision().key());
        putIfSet(fields, "batchSize", draft.batchSize());
        putIfSet(fields, "comment", draft.comment());
        putIfSet(fields, "link", draft.link());
        return fields;
    }

    private static void putIfSet(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
