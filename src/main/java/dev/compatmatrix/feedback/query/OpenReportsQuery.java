package dev.compatmatrix.feedback.query;

import dev.compatmatrix.base.db.TextList;
import dev.compatmatrix.feedback.ReportOutcome;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which users' reports count on a cell: the one read of them for the matrix, the validation queue and what to test
 * next. A report counts while it is OPEN and its reporter is not disabled (an admin's {@code enabled = false} hides a
 * reporter's open reports everywhere; they stay stored, for the audit). Against the cell's CURRENT level, by
 * {@link ReportOutcome#contradicts} and {@link ReportOutcome#isCommunityEvidence}: the SQL conditions below are
 * generated from those two rules, never written again.
 */
@Repository
public class OpenReportsQuery {

    /** The reports that count, as {@code r}: open, reporter not disabled (columns of {@code cell_reports}). */
    /** A report {@code r} whose reporter an admin disabled: its open reports are hidden (kept for the audit). */
    public static final String REPORTER_DISABLED =
            "EXISTS (SELECT 1 FROM app_users u WHERE u.username = r.reporter AND NOT u.enabled)";

    public static final String COUNTED = """
            SELECT r.* FROM cell_reports r
            WHERE r.state = 'OPEN'
              AND NOT %s""".formatted(REPORTER_DISABLED);

    /**
     * Per claim ({@code claim_id}), how many counted reports contradict its present level ({@code reports}): only
     * claims that have some. Join it on the claim's id.
     */
    public static final String CONTRADICTING_BY_CLAIM =
            """
            SELECT d.id AS claim_id, count(*) AS reports
            FROM (%s) r
            JOIN cross_platform_compatibility c ON c.model_id = r.model_id
            JOIN compatibility_details d ON d.compatibility_id = c.id AND d.hardware_type = r.hardware_type
            WHERE %s
            GROUP BY d.id""".formatted(COUNTED, contradicts("r.outcome", "d.compatibility_level"));

    /**
     * Per cell ({@code model_id}, {@code hardware_type}), how many counted reports would be community evidence were
     * the cell untested ({@code reports}); join it on an untested cell only.
     */
    public static final String COMMUNITY_BY_CELL = """
            SELECT r.model_id, r.hardware_type, count(*) AS reports
            FROM (%s) r
            WHERE r.outcome IN (%s)
            GROUP BY r.model_id, r.hardware_type""".formatted(COUNTED, communityOutcomes());

    private static final String FOR_MODELS = """
            SELECT r.model_id, r.hardware_type, r.outcome, d.compatibility_level, count(*) AS reports
            FROM (%s) r
            JOIN cross_platform_compatibility c ON c.model_id = r.model_id
            LEFT JOIN compatibility_details d ON d.compatibility_id = c.id AND d.hardware_type = r.hardware_type
            WHERE r.model_id IN (%s)
            GROUP BY r.model_id, r.hardware_type, r.outcome, d.compatibility_level""".formatted(COUNTED, TextList.IDS_QUERY);

    /**
     * What counts on one cell: {@code contradicting} open reports against its present level, {@code community}
     * evidence reports while it is not tested (one of them is always 0).
     */
    public record CellReports(int contradicting, int community) {
        public static final CellReports NONE = new CellReports(0, 0);

        public boolean isEmpty() {
            return contradicting == 0 && community == 0;
        }
    }

    private final JdbcClient jdbc;

    public OpenReportsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counted reports on these models' cells, by model id and platform (absent: nothing counts there). */
    public Map<Integer, Map<Platform, CellReports>> forModels(Collection<Integer> modelIds) {
        Map<Integer, Map<Platform, CellReports>> counts = new HashMap<>();
        if (modelIds.isEmpty()) {
            return counts;
        }
        jdbc.sql(FOR_MODELS).param("ids", TextList.joinIds(modelIds)).query(rs -> {
            ReportOutcome outcome = ReportOutcome.valueOf(rs.getString("outcome"));
            CompatibilityLevel level = CompatibilityLevel.fromKey(rs.getString("compatibility_level"))
                    .orElse(null);
            int reports = rs.getInt("reports");
            int contradicting = outcome.contradicts(level) ? reports : 0;
            int community = outcome.isCommunityEvidence(level) ? reports : 0;
            if (contradicting + community > 0) {
                counts.computeIfAbsent(rs.getInt("model_id"), id -> new EnumMap<>(Platform.class))
                        .merge(
                                Platform.fromKey(rs.getString("hardware_type")).orElseThrow(),
                                new CellReports(contradicting, community),
                                (a, b) -> new CellReports(
                                        a.contradicting() + b.contradicting(), a.community() + b.community()));
            }
        });
        return counts;
    }

    /** {@link ReportOutcome#contradicts} as an SQL condition over an outcome column and a level key column. */
    static String contradicts(String outcomeColumn, String levelColumn) {
        List<String> pairs = new ArrayList<>();
        for (ReportOutcome outcome : ReportOutcome.values()) {
            for (CompatibilityLevel level : CompatibilityLevel.values()) {
                if (outcome.contradicts(level)) {
                    pairs.add("(" + outcomeColumn + " = '" + outcome.name() + "' AND " + levelColumn + " = '"
                            + level.key() + "')");
                }
            }
        }
        return "(" + String.join(" OR ", pairs) + ")";
    }

    /** The outcomes {@link ReportOutcome#isCommunityEvidence} counts on an untested cell, as an SQL list. */
    static String communityOutcomes() {
        return Stream.of(ReportOutcome.values())
                .filter(outcome -> outcome.isCommunityEvidence(null))
                .map(outcome -> "'" + outcome.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
