package dev.compatmatrix.compatibility.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.MatrixVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Filters, sorting and paging of the matrix read model over the demo data. */
class MatrixQueryTest extends IntegrationTest {

    @Autowired
    MatrixQuery query;

    @Autowired
    MatrixVersion version;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void no_filter_shows_all_43_models_with_their_claims() {
        List<MatrixRow> rows = all(MatrixFilter.NONE, MatrixSort.BY_NAME);
        assertThat(rows).hasSize(43);
        assertThat(query.count(MatrixFilter.NONE)).isEqualTo(43);
        MatrixRow bert = rows.stream()
                .filter(r -> r.name().equals("bert-base-uncased"))
                .findFirst()
                .orElseThrow();
        assertThat(bert.cells()).hasSize(8);
    }

    @Test
    void text_filter_matches_name_or_family_case_insensitively() {
        var filter = new MatrixFilter("BERT", null, null, null, null, null, null);
        List<MatrixRow> rows = all(filter, MatrixSort.BY_NAME);
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(r ->
                        assertThat((r.name() + " " + r.family()).toLowerCase()).contains("bert"));
        assertThat(rows)
                .extracting(MatrixRow::name)
                .contains("bert-base-uncased", "distilbert-base-uncased", "prajjwal1/bert-tiny");
        assertThat(query.count(filter)).isEqualTo(rows.size());
    }

    @Test
    void text_filter_treats_like_wildcards_literally() {
        assertThat(all(new MatrixFilter("%", null, null, null, null, null, null), MatrixSort.BY_NAME))
                .isEmpty();
        assertThat(all(new MatrixFilter("mobilenet_v2", null, null, null, null, null, null), MatrixSort.BY_NAME))
                .extracting(MatrixRow::name)
                .containsExactly("google/mobilenet_v2_1.0_224");
    }

    @Test
    void family_type_and_size_filters_narrow_the_rows() {
        assertThat(all(new MatrixFilter(null, "t5", null, null, null, null, null), MatrixSort.BY_NAME))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.family()).isEqualTo("t5"));
        assertThat(all(
                        new MatrixFilter(null, null, ModelType.VISION, ModelSize.TINY, null, null, null),
                        MatrixSort.BY_NAME))
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.type() + "/" + r.size()).isEqualTo("vision/tiny"));
    }

    @Test
    void platform_filters_tell_supported_unsupported_and_not_tested_apart() {
        var supported =
                all(MatrixFilter.NONE.withPlatform(Platform.QUALCOMM, PlatformState.SUPPORTED), MatrixSort.BY_NAME);
        var unsupported =
                all(MatrixFilter.NONE.withPlatform(Platform.QUALCOMM, PlatformState.UNSUPPORTED), MatrixSort.BY_NAME);
        var notTested =
                all(MatrixFilter.NONE.withPlatform(Platform.QUALCOMM, PlatformState.NOT_TESTED), MatrixSort.BY_NAME);
        assertThat(supported)
                .allSatisfy(r -> assertThat(r.cell(Platform.QUALCOMM).level().isSupported())
                        .isTrue());
        assertThat(unsupported)
                .isNotEmpty()
                .allSatisfy(
                        r -> assertThat(r.cell(Platform.QUALCOMM).level()).isEqualTo(CompatibilityLevel.UNSUPPORTED));
        assertThat(notTested)
                .allSatisfy(r -> assertThat(r.cell(Platform.QUALCOMM)).isNull());
        assertThat(supported.size() + unsupported.size() + notTested.size()).isEqualTo(43);
    }

    @Test
    void two_platform_filters_combine() {
        var filter = MatrixFilter.NONE
                .withPlatform(Platform.WEBNN, PlatformState.UNSUPPORTED)
                .withPlatform(Platform.CUDA, PlatformState.SUPPORTED);
        assertThat(all(filter, MatrixSort.BY_NAME)).isNotEmpty().allSatisfy(r -> {
            assertThat(r.cell(Platform.WEBNN).level()).isEqualTo(CompatibilityLevel.UNSUPPORTED);
            assertThat(r.cell(Platform.CUDA).level().isSupported()).isTrue();
        });
    }

    @Test
    void validation_and_minimum_score_filters_narrow_the_rows() {
        var validated = all(
                new MatrixFilter(null, null, null, null, null, ValidationStatus.PARTIALLY_VALIDATED, null),
                MatrixSort.BY_NAME);
        assertThat(validated)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.cells().values())
                        .anyMatch(c -> c.status() == ValidationStatus.PARTIALLY_VALIDATED));
        var good = all(new MatrixFilter(null, null, null, null, null, null, 0.8), MatrixSort.BY_NAME);
        assertThat(good)
                .isNotEmpty()
                .hasSizeLessThan(43)
                .allSatisfy(r -> assertThat(r.score()).isGreaterThanOrEqualTo(0.8));
    }

    @Test
    void sorting_works_on_name_score_size_and_platform_columns() {
        assertThat(all(MatrixFilter.NONE, new MatrixSort("name", true)))
                .extracting(MatrixRow::name)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all(MatrixFilter.NONE, new MatrixSort("score", true)))
                .extracting(MatrixRow::score)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all(MatrixFilter.NONE, new MatrixSort("size", false)))
                .extracting(r -> ModelSize.fromKey(r.size()).orElseThrow())
                .isSorted();
        // Descending by WebNN level: high first, not tested last.
        var byWebnn = all(MatrixFilter.NONE, new MatrixSort("webnn", true)).stream()
                .map(r -> r.cell(Platform.WEBNN) == null
                        ? 0
                        : 4 - r.cell(Platform.WEBNN).level().ordinal())
                .toList();
        assertThat(byWebnn).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void every_platform_sorts_by_the_levels_of_its_cells_with_not_tested_last_and_names_breaking_ties() {
        List<MatrixRow> rows = all(MatrixFilter.NONE, MatrixSort.BY_NAME);
        for (Platform platform : Platform.values()) {
            for (boolean descending : List.of(true, false)) {
                Comparator<MatrixRow> byLevel = Comparator.comparing(
                        (MatrixRow r) -> r.cell(platform).level(),
                        descending ? Comparator.naturalOrder() : Comparator.reverseOrder()); // HIGH is first
                List<String> expected = rows.stream()
                        .sorted(Comparator.comparing((MatrixRow r) -> r.cell(platform) == null)
                                .thenComparing((a, b) -> a.cell(platform) == null ? 0 : byLevel.compare(a, b))
                                .thenComparing(MatrixRow::name))
                        .map(MatrixRow::name)
                        .toList();
                assertThat(all(MatrixFilter.NONE, new MatrixSort(platform.key(), descending)))
                        .as("%s %s", platform, descending ? "descending" : "ascending")
                        .extracting(MatrixRow::name)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void pages_are_disjoint_and_cover_the_whole_sorted_matrix() {
        var sort = new MatrixSort("recommended", false);
        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < 43; offset += 10) {
            query.page(MatrixFilter.NONE, sort, offset, 10).forEach(r -> paged.add(r.name()));
        }
        assertThat(paged)
                .doesNotHaveDuplicates()
                .hasSize(43)
                .isEqualTo(all(MatrixFilter.NONE, sort).stream()
                        .map(MatrixRow::name)
                        .toList());
    }

    @Test
    void deep_pages_sliced_from_the_ordered_id_list_equal_offset_pages_for_every_sort() {
        List<String> keys = new java.util.ArrayList<>(java.util.Arrays.stream(MatrixSort.Column.values())
                .map(MatrixSort.Column::key)
                .toList());
        java.util.Arrays.stream(Platform.values()).forEach(p -> keys.add(p.key()));
        for (var filter :
                List.of(MatrixFilter.NONE.withPlatform(Platform.CPU, PlatformState.SUPPORTED), MatrixFilter.NONE))
            for (String key : keys) {
                for (boolean descending : new boolean[] {false, true}) {
                    var sort = new MatrixSort(key, descending);
                    int[] ordered = query.orderedIds(filter, sort);
                    assertThat(ordered).hasSize((int) query.count(filter));
                    for (int offset = 0; offset < ordered.length; offset += 7) {
                        var slice = java.util.Arrays.stream(ordered, offset, Math.min(ordered.length, offset + 7))
                                .boxed()
                                .toList();
                        assertThat(query.rows(slice))
                                .as("%s %s at %d", key, descending ? "desc" : "asc", offset)
                                .isEqualTo(query.page(filter, sort, offset, 7));
                    }
                }
            }
    }

    @Test
    @org.springframework.transaction.annotation.Transactional // rolled back: the shared demo data stay as they are
    void the_ordered_id_list_is_read_again_when_the_data_change() {
        int[] before = query.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME);
        assertThat(query.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME)).isSameAs(before);
        int modelId = jdbc.sql("""
                INSERT INTO models (model_name, model_family, model_type, model_size, created_at)
                VALUES ('AAA first by name', 'test', 'vision', 'tiny', now()) RETURNING model_id""").query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO cross_platform_compatibility (model_id, model_name, model_family, model_type,
                                                                  model_size, model_size_rank, compatibility_score,
                                                                  last_updated)
                        VALUES (:id, 'AAA first by name', 'test', 'vision', 'tiny', 1, 0, now())""").param("id", modelId).update();
        version.changed(MatrixVersion.Change.MODELS); // as MatrixWriter does
        int[] after = query.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME);
        assertThat(after).hasSize(before.length + 1);
        assertThat(after[0]).isEqualTo(modelId);
    }

    @Test
    @org.springframework.transaction.annotation.Transactional // rolled back
    void the_name_order_follows_a_renamed_model_and_a_changed_claim() {
        var cpuSupported = MatrixFilter.NONE.withPlatform(Platform.CPU, PlatformState.SUPPORTED);
        query.orderedIds(cpuSupported, MatrixSort.BY_NAME);
        int renamed = jdbc.sql("""
                UPDATE models SET model_name = 'AAA renamed', row_version = row_version + 1
                WHERE model_name = 'gpt2' RETURNING model_id""").query(Integer.class).single();
        jdbc.sql("""
                        UPDATE cross_platform_compatibility SET model_name = 'AAA renamed', last_updated = now()
                        WHERE model_id = :id""").param("id", renamed).update();
        version.changed(MatrixVersion.Change.MODELS);
        assertThat(query.orderedIds(MatrixFilter.NONE, MatrixSort.BY_NAME)[0]).isEqualTo(renamed);
        assertThat(query.orderedIds(MatrixFilter.NONE, new MatrixSort("name", true)))
                .endsWith(renamed);

        // A claim write (models untouched): the filter's members are read again, in the kept name order.
        int firstCpuModel = query.orderedIds(cpuSupported, MatrixSort.BY_NAME)[0];
        jdbc.sql(
                        "UPDATE cross_platform_compatibility SET cpu_support = false, last_updated = last_updated + INTERVAL '1 second' WHERE model_id = :id")
                .param("id", firstCpuModel)
                .update();
        version.changed(MatrixVersion.Change.MATRIX);
        int[] after = query.orderedIds(cpuSupported, MatrixSort.BY_NAME);
        assertThat(after).doesNotContain(firstCpuModel);
        assertThat(java.util.Arrays.stream(after).boxed().toList())
                .isEqualTo(ids(query.orderedIdsStatement(cpuSupported, MatrixSort.BY_NAME)));
    }

    @Test
    @org.springframework.transaction.annotation.Transactional // rolled back
    void a_write_stamped_earlier_than_the_latest_one_still_renews_the_cached_order() {
        // Two writers may commit in the other order than their clocks read: the later commit carries the older time.
        var cpuSupported = MatrixFilter.NONE.withPlatform(Platform.CPU, PlatformState.SUPPORTED);
        jdbc.sql("""
                UPDATE cross_platform_compatibility SET last_updated = last_updated + INTERVAL '1 hour'
                WHERE model_id = (SELECT max(model_id) FROM cross_platform_compatibility)""").update();
        version.changed(MatrixVersion.Change.MATRIX);
        int[] before = query.orderedIds(cpuSupported, MatrixSort.BY_NAME);
        int oldest = jdbc.sql(
                        "SELECT model_id FROM cross_platform_compatibility WHERE cpu_support ORDER BY last_updated LIMIT 1")
                .query(Integer.class)
                .single();
        jdbc.sql("""
                UPDATE cross_platform_compatibility SET cpu_support = false, last_updated = last_updated + INTERVAL '1 second'
                WHERE model_id = :id""").param("id", oldest).update();
        version.changed(MatrixVersion.Change.MATRIX);
        assertThat(query.orderedIds(cpuSupported, MatrixSort.BY_NAME))
                .hasSize(before.length - 1)
                .doesNotContain(oldest);
    }

    private List<Integer> ids(MatrixQuery.Statement statement) {
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query(Integer.class)
                .list();
    }

    @Test
    void cells_validated_before_the_age_limit_are_marked_stale() {
        var cells = all(MatrixFilter.NONE, MatrixSort.BY_NAME).stream()
                .flatMap(r -> r.cells().values().stream())
                .toList();
        assertThat(cells)
                .anyMatch(MatrixRow.Cell::stale)
                .anyMatch(c -> c.status() == ValidationStatus.VALIDATED && !c.stale());
        assertThat(cells)
                .filteredOn(c -> c.status() == ValidationStatus.UNVALIDATED)
                .noneMatch(MatrixRow.Cell::stale);
        long staleInDatabase = jdbc.sql("""
                SELECT count(*) FROM compatibility_details
                WHERE validation_status <> 'unvalidated' AND validation_date < :before""")
                .param("before", query.staleBefore())
                .query(Long.class)
                .single();
        assertThat(cells.stream().filter(MatrixRow.Cell::stale).count()).isEqualTo(staleInDatabase);
    }

    @Test
    void cells_whose_automated_result_disagrees_are_marked_disputed() {
        var rows = all(MatrixFilter.NONE, MatrixSort.BY_NAME);
        var disputed = rows.stream()
                .flatMap(r -> r.cells().entrySet().stream()
                        .filter(e -> e.getValue().disputed())
                        .map(e -> r.name() + "/" + e.getKey().key()))
                .toList();
        // The demo's nightly CI disagrees with exactly one claim of each of five models.
        assertThat(disputed).hasSize(5);
        assertThat(disputed.stream()
                        .map(d -> d.substring(0, d.lastIndexOf('/')))
                        .distinct())
                .containsExactlyInAnyOrder("gpt2", "bert-base-uncased", "openai/whisper-tiny", "t5-small", "llama-7b");
    }

    @Test
    void filter_parameters_are_bound_not_spliced_into_sql() {
        var hostile = new MatrixFilter("x' OR 1=1 --", "'; DROP TABLE models; --", null, null, Map.of(), null, null);
        assertThat(all(hostile, MatrixSort.BY_NAME)).isEmpty();
        assertThat(query.count(MatrixFilter.NONE)).isEqualTo(43);
    }

    private List<MatrixRow> all(MatrixFilter filter, MatrixSort sort) {
        return query.page(filter, sort, 0, 1000);
    }
}
