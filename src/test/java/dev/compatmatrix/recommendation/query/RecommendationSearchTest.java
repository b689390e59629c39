package dev.compatmatrix.recommendation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.recommendation.query.RecommendationSort.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Filters, sorting, paging and the platform tally of the recommendations screen over the demo data. */
class RecommendationSearchTest extends IntegrationTest {

    /** The seed document's "Get Hardware Recommendations for Specific Task" query, verbatim. */
    private static final String SEED_QUERY = """
            SELECT\s
                m.model_name,
                hr.task_type,
                hr.batch_size,
                hr.recommended_hardware,
                hr.fallback_hardware,
                hr.recommendation_reason,
                hr.performance_ratio,
                hr.memory_requirements_mb
            FROM models m
            JOIN hardware_recommendations hr ON m.model_id = hr.model_id
            WHERE m.model_name LIKE '%t5%' AND hr.task_type = 'text_generation'
            """;

    @Autowired
    RecommendationSearch search;

    @Autowired
    JdbcClient jdbc;

    @Test
    void without_a_filter_every_recommendation_of_a_live_model_is_counted() {
        long direct = jdbc.sql("""
                SELECT count(*) FROM hardware_recommendations hr JOIN models m USING (model_id)
                WHERE m.deleted_at IS NULL""").query(Long.class).single();
        assertThat(direct).isGreaterThan(100);
        assertThat(search.count(RecommendationFilter.NONE)).isEqualTo(direct);
        assertThat(all(RecommendationFilter.NONE, RecommendationSort.BY_MODEL)).hasSize((int) direct);
    }

    @Test
    void task_batch_and_model_filters_return_exactly_the_rows_a_direct_count_gives() {
        record Case(RecommendationFilter filter, String where) {}
        List<Case> cases = List.of(
                new Case(new RecommendationFilter("text_generation", null, null), "task_type = 'text_generation'"),
                new Case(new RecommendationFilter(null, 8, null), "batch_size = 8"),
                new Case(new RecommendationFilter(null, null, "Whisper"), "model_name ILIKE '%whisper%'"),
                new Case(
                        new RecommendationFilter("embedding", 32, "bert"),
                        "task_type = 'embedding' AND batch_size = 32 AND model_name ILIKE '%bert%'"));
        for (Case c : cases) {
            long direct = jdbc.sql("SELECT count(*) FROM hardware_recommendations JOIN models USING (model_id) WHERE "
                            + c.where())
                    .query(Long.class)
                    .single();
            assertThat(direct).as(c.where()).isPositive();
            assertThat(search.count(c.filter())).as(c.where()).isEqualTo(direct);
            List<RecommendationRow> rows = all(c.filter(), RecommendationSort.BY_MODEL);
            assertThat(rows).as(c.where()).hasSize((int) direct).allSatisfy(row -> {
                if (c.filter().taskType() != null) {
                    assertThat(row.taskType()).isEqualTo(c.filter().taskType());
                }
                if (c.filter().batchSize() != null) {
                    assertThat(row.batchSize()).isEqualTo(c.filter().batchSize());
                }
                if (c.filter().modelText() != null) {
                    assertThat(row.modelName().toLowerCase())
                            .contains(c.filter().modelText().toLowerCase());
                }
            });
        }
    }

    @Test
    void the_seeds_example_query_returns_the_rows_the_screen_shows_for_t5_and_text_generation() {
        List<String> seed = jdbc.sql(SEED_QUERY)
                .query((rs, n) ->
                        rs.getString("model_name") + "/" + rs.getString("task_type") + "/" + rs.getInt("batch_size"))
                .list();
        List<String> screen =
                all(new RecommendationFilter("text_generation", null, "t5"), RecommendationSort.BY_MODEL).stream()
                        .map(r -> r.modelName() + "/" + r.taskType() + "/" + r.batchSize())
                        .toList();
        assertThat(seed).isNotEmpty();
        assertThat(screen).containsExactlyInAnyOrderElementsOf(seed);
    }

    @Test
    void model_text_ignores_case_and_matches_like_wildcards_literally() {
        assertThat(search.count(new RecommendationFilter(null, null, "T5")))
                .isEqualTo(search.count(new RecommendationFilter(null, null, "t5")))
                .isPositive();
        assertThat(search.count(new RecommendationFilter(null, null, "%"))).isZero();
        assertThat(search.count(new RecommendationFilter(null, null, "mobilenet%v2")))
                .isZero();
        assertThat(all(new RecommendationFilter(null, null, "mobilenet_v2"), RecommendationSort.BY_MODEL))
                .isNotEmpty()
                .extracting(RecommendationRow::modelName)
                .containsOnly("google/mobilenet_v2_1.0_224");
        assertThat(search.count(new RecommendationFilter(null, null, "mobilenet-v2")))
                .isZero();
    }

    @Test
    void filter_text_is_bound_not_spliced_into_sql() {
        assertThat(search.count(new RecommendationFilter("x' OR 1=1 --", null, "'; DROP TABLE models; --")))
                .isZero();
        assertThat(search.count(RecommendationFilter.NONE)).isPositive();
    }

    @Test
    void each_sortable_column_orders_the_rows_both_ways() {
        var filter = new RecommendationFilter(null, null, "e");
        check(filter, Column.MODEL, RecommendationRow::modelName);
        check(filter, Column.TASK, RecommendationRow::taskType);
        check(filter, Column.BATCH, RecommendationRow::batchSize);
        check(filter, Column.RATIO, RecommendationRow::performanceRatio);
        check(filter, Column.MEMORY, RecommendationRow::memoryRequirementsMb);
    }

    @Test
    void pages_are_disjoint_and_cover_the_whole_sorted_selection() {
        var sort = new RecommendationSort(Column.RATIO, true);
        var filter = new RecommendationFilter(null, 1, null);
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < search.count(filter); offset += 7) {
            search.page(filter, sort, offset, 7).forEach(r -> paged.add(r.id()));
        }
        assertThat(paged)
                .doesNotHaveDuplicates()
                .isEqualTo(all(filter, sort).stream().map(RecommendationRow::id).toList());
    }

    @Test
    void the_tally_counts_each_platform_as_recommended_and_as_fallback_like_a_direct_count() {
        var filter = new RecommendationFilter("text_generation", 32, null);
        List<PlatformTally> tally = search.platformTally(filter);
        assertThat(tally).extracting(PlatformTally::platform).containsExactly(Platform.values());
        assertThat(tally.stream().mapToLong(PlatformTally::recommended).sum()).isEqualTo(search.count(filter));
        for (PlatformTally t : tally) {
            assertThat(t.recommended())
                    .as(t.platform() + " recommended")
                    .isEqualTo(directCount("recommended_hardware", t.platform()));
            assertThat(t.fallback())
                    .as(t.platform() + " fallback")
                    .isEqualTo(directCount("fallback_hardware", t.platform()));
        }
        assertThat(tally).anyMatch(t -> t.fallback() > 0).anyMatch(t -> t.recommended() == 0);
    }

    @Test
    void filter_options_list_the_distinct_task_types_and_batch_sizes_in_order() {
        FilterOptions options = search.filterOptions();
        assertThat(options.taskTypes())
                .isSorted()
                .doesNotHaveDuplicates()
                .contains("text_generation", "embedding", "translation")
                .hasSize(jdbc.sql("SELECT count(DISTINCT task_type) FROM hardware_recommendations")
                        .query(Integer.class)
                        .single());
        assertThat(options.batchSizes()).containsExactly(1, 4, 8, 16, 32);
    }

    @Test
    @Transactional // rolled back: the shared demo data stay as they are
    void recommendations_of_a_deleted_model_are_left_out() {
        var t5Small = new RecommendationFilter(null, null, "t5-small");
        long before = search.count(t5Small);
        assertThat(before).isPositive();
        jdbc.sql("UPDATE models SET deleted_at = now() WHERE model_name = 't5-small'")
                .update();
        assertThat(search.count(t5Small)).isZero();
        assertThat(search.platformTally(t5Small))
                .allSatisfy(t -> assertThat(t.recommended() + t.fallback()).isZero());
    }

    private long directCount(String column, Platform platform) {
        return jdbc.sql("SELECT count(*) FROM hardware_recommendations WHERE task_type = 'text_generation' "
                        + "AND batch_size = 32 AND " + column + " = :platform")
                .param("platform", platform.key())
                .query(Long.class)
                .single();
    }

    private <T extends Comparable<? super T>> void check(
            RecommendationFilter filter, Column column, Function<RecommendationRow, T> value) {
        List<T> ascending = all(filter, new RecommendationSort(column, false)).stream()
                .map(value)
                .toList();
        List<T> descending = all(filter, new RecommendationSort(column, true)).stream()
                .map(value)
                .toList();
        assertThat(ascending)
                .as(column + " ascending")
                .isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));
        assertThat(descending)
                .as(column + " descending")
                .isSortedAccordingTo(
                        Comparator.nullsLast(Comparator.<T>naturalOrder().reversed()));
        assertThat(ascending.getFirst()).as(column + " has distinct values").isNotEqualTo(ascending.getLast());
    }

    private List<RecommendationRow> all(RecommendationFilter filter, RecommendationSort sort) {
        return search.page(filter, sort, 0, 10_000);
    }
}
