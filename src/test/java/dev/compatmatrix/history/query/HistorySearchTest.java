package dev.compatmatrix.history.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.Platform;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class HistorySearchTest extends IntegrationTest {

    @Autowired
    HistorySearch search;

    @Autowired
    JdbcClient jdbc;

    private long sql(String where) {
        return jdbc.sql("SELECT count(*) FROM compatibility_history ch JOIN models m ON m.model_id = ch.model_id WHERE "
                        + where)
                .query(Long.class)
                .single();
    }

    @Test
    void without_filters_every_change_counts_and_the_months_add_up() {
        long all = sql("true");
        assertThat(search.count(HistoryFilter.NONE)).isEqualTo(all).isGreaterThan(100);
        assertThat(search.monthly(HistoryFilter.NONE).stream()
                        .mapToLong(MonthlyChanges::changes)
                        .sum())
                .isEqualTo(all);
    }

    @Test
    void each_filter_part_narrows_like_the_equivalent_sql() {
        var filter = new HistoryFilter("llama-7b", Platform.CUDA, null, null, null);
        assertThat(search.count(filter))
                .isEqualTo(sql("m.model_name = 'llama-7b' AND ch.hardware_type = 'cuda'"))
                .isPositive();
        assertThat(search.page(filter, 0, 100)).allSatisfy(row -> {
            assertThat(row.modelName()).isEqualTo("llama-7b");
            assertThat(row.hardwareType()).isEqualTo("cuda");
        });

        var version = new HistoryFilter(null, null, null, null, "rocm 6.2");
        assertThat(search.count(version))
                .isEqualTo(sql("ch.change_version ILIKE '%ROCm 6.2%'"))
                .isPositive();

        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 5, 31);
        var range = new HistoryFilter(null, null, from, to, null);
        assertThat(search.count(range))
                .isEqualTo(sql("ch.change_date >= TIMESTAMP '2026-03-01' AND ch.change_date < TIMESTAMP '2026-06-01'"));
        assertThat(search.monthly(range))
                .extracting(MonthlyChanges::month)
                .containsOnly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5));
    }

    @Test
    void pages_are_newest_first_and_do_not_overlap() {
        var first = search.page(HistoryFilter.NONE, 0, 20);
        var second = search.page(HistoryFilter.NONE, 20, 20);
        assertThat(first).hasSize(20);
        assertThat(first.getLast().changeDate())
                .isAfterOrEqualTo(second.getFirst().changeDate());
        assertThat(first)
                .extracting(HistoryRow::id)
                .doesNotContainAnyElementsOf(second.stream().map(HistoryRow::id).toList());
    }

    @Test
    void a_models_level_changes_come_oldest_first() {
        var changes = search.levelChanges("llama-7b", null);
        assertThat(changes).hasSize((int) sql("m.model_name = 'llama-7b'"));
        assertThat(changes).isSortedAccordingTo(java.util.Comparator.comparing(LevelChange::date));
        assertThat(search.levelChanges("llama-7b", Platform.QUALCOMM))
                .allSatisfy(c -> assertThat(c.platform()).isEqualTo(Platform.QUALCOMM));
    }

    @Test
    void the_model_picker_finds_names_containing_the_text_ignoring_case() {
        assertThat(search.modelNames("BERT", 0, 50))
                .contains("bert-base-uncased", "prajjwal1/bert-tiny")
                .allSatisfy(name -> assertThat(name.toLowerCase()).contains("bert"));
        assertThat(search.modelExists("llama-7b")).isTrue();
        assertThat(search.modelExists("llama-7")).isFalse();
    }

    @Test
    void a_reversed_date_range_cannot_be_built() {
        assertThatThrownBy(
                        () -> new HistoryFilter(null, null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts after it ends");
    }
}
