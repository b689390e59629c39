package dev.compatmatrix;

import dev.compatmatrix.admin.query.AuditFilter;
import dev.compatmatrix.admin.query.AuditQuery;
import dev.compatmatrix.dashboard.query.DashboardQuery;
import dev.compatmatrix.history.query.HistoryFilter;
import dev.compatmatrix.history.query.HistorySearch;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.recommendation.query.PerformanceQuery;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationQuery;
import dev.compatmatrix.recommendation.query.RecommendationSearch;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import dev.compatmatrix.security.repository.ApiTokenRepository;
import dev.compatmatrix.security.repository.UserRepository;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueQuery;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reads of the history, dashboard, recommendations, performance, validation queue, audit log, users and tokens
 * give the same answers on DuckDB and on PostgreSQL: two applications, one on each, load the same demo data and are
 * asked the same questions (filters, sorts and pages as the screens ask them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureReadsAgreeOnBothDatabasesTest {

    private BothDatabases both;

    @BeforeAll
    void start() {
        both = BothDatabases.start("agree");
    }

    @AfterAll
    void stop() {
        if (both != null) {
            both.close();
        }
    }

    @Test
    void the_history_screen_reads_the_same_changes_months_and_levels() {
        var filters = List.of(
                HistoryFilter.NONE,
                new HistoryFilter("bert-base-uncased", null, null, null, null),
                new HistoryFilter(null, Platform.CUDA, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 10, 31), null),
                new HistoryFilter(null, null, null, null, "TORCH"));
        both.assertSame(HistorySearch.class, history -> {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (HistoryFilter filter : filters) {
                answers.put("count " + filter, history.count(filter));
                answers.put("first page " + filter, history.page(filter, 0, 50));
                answers.put("later page " + filter, history.page(filter, 40, 25));
                answers.put("months " + filter, history.monthly(filter));
            }
            answers.put("levels", history.levelChanges("bert-base-uncased", null));
            answers.put("levels on cuda", history.levelChanges("bert-base-uncased", Platform.CUDA));
            answers.put("names", history.modelNames("", 0, 1000));
            answers.put("names with b", history.modelNames("B", 3, 10));
            return answers;
        });
    }

    @Test
    void the_dashboard_reads_the_same_scores_families_and_recent_changes() {
        both.assertSame(
                DashboardQuery.class,
                dashboard -> List.of(
                        Arrays.toString(dashboard.scoreDistribution()),
                        dashboard.familyCount(),
                        dashboard.familySupport(0, 100).stream()
                                .map(f -> f.family() + " " + f.models() + " " + Arrays.toString(f.supportedModels()))
                                .toList(),
                        dashboard.familySupport(2, 3).stream()
                                .map(f -> f.family())
                                .toList(),
                        dashboard.recentChanges(30)));
    }

    @Test
    void the_recommendations_read_the_same_rows_in_every_sort_and_the_same_tallies() {
        var filters = List.of(
                RecommendationFilter.NONE,
                new RecommendationFilter("embedding", null, null),
                new RecommendationFilter(null, 8, "BERT"),
                new RecommendationFilter(null, null, "%"));
        both.assertSame(RecommendationSearch.class, search -> {
            Map<String, Object> answers = new LinkedHashMap<>();
            answers.put("options", search.filterOptions());
            for (RecommendationFilter filter : filters) {
                answers.put("count " + filter, search.count(filter));
                answers.put("tally " + filter, search.platformTally(filter));
                for (RecommendationSort.Column column : RecommendationSort.Column.values()) {
                    for (boolean descending : List.of(false, true)) {
                        var sort = new RecommendationSort(column, descending);
                        answers.put(sort + " " + filter, search.page(filter, sort, 0, 1000));
                    }
                }
            }
            return answers;
        });
        both.assertSame(RecommendationQuery.class, query -> query.forModel(1));
    }

    @Test
    void the_performance_comparison_reads_the_same_measurements() {
        both.assertSame(PerformanceQuery.class, performance -> {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (String model : List.of("bert-base-uncased", "facebook/bart-base", "no such model")) {
                var choices = performance.choices(model);
                answers.put("choices " + model, choices);
                choices.forEach(choice -> answers.put(model + " " + choice, performance.platforms(model, choice)));
            }
            return answers;
        });
    }

    @Test
    void the_validation_queue_reads_the_same_rows_in_the_same_order() {
        var filters = List.of(
                QueueFilter.ALL,
                new QueueFilter("BERT", null, null, null, null),
                new QueueFilter(null, 2, Platform.CUDA, null, null),
                new QueueFilter(null, null, null, null, 30));
        both.assertSame(QueueQuery.class, queue -> {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (QueueFilter filter : filters) {
                answers.put("count " + filter, queue.count(filter));
                answers.put("page " + filter, queue.page(filter, 0, 1000));
                answers.put("later page " + filter, queue.page(filter, 7, 5));
            }
            return answers;
        });
    }

    @Test
    void the_audit_log_users_and_tokens_read_the_same() {
        both.assertSame(
                AuditQuery.class,
                audit -> List.of(
                        audit.count(AuditFilter.NONE),
                        audit.page(AuditFilter.NONE, 0, 1000),
                        audit.actors(),
                        audit.entities()));
        // Password hashes are salted: each database holds its own.
        both.assertSame(
                UserRepository.class,
                users -> users.all().stream()
                        .map(u -> List.of(
                                u.username(),
                                String.valueOf(u.displayName()),
                                String.valueOf(u.validatorId()),
                                u.enabled(),
                                u.roles()))
                        .toList());
        both.assertSame(ApiTokenRepository.class, tokens -> tokens.all().size());
    }

    /** The bean of each application answers the same; the answer is not empty, so the comparison means something. */
}
