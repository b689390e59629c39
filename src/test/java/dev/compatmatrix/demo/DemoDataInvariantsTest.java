package dev.compatmatrix.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.MatrixInvariants;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data obey every invariant of PRODUCT.md §2 and make the seed's example queries return rows. */
class DemoDataInvariantsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_43_demo_models_each_have_one_matrix_row() {
        assertThat(count("SELECT count(*) FROM models")).isEqualTo(43);
        assertThat(count("SELECT count(*) FROM cross_platform_compatibility")).isEqualTo(43);
        assertThat(count("SELECT count(DISTINCT model_id) FROM cross_platform_compatibility"))
                .isEqualTo(43);
        assertThat(count("""
                SELECT count(*) FROM cross_platform_compatibility c JOIN models m USING (model_id)
                WHERE c.model_type <> m.model_type OR c.model_size <> m.model_size""")).isZero();
    }

    @Test
    void booleans_score_and_recommendation_follow_the_claims_by_the_one_rule() {
        assertThat(count("SELECT count(*) FROM cross_platform_compatibility")).isEqualTo(43);
        assertThat(MatrixInvariants.derivedColumnsNotFollowingClaims(jdbc)).isEmpty();
    }

    @Test
    void every_claim_is_its_cells_present_state_in_the_time_line() {
        assertThat(count("SELECT count(*) FROM cell_states WHERE valid_to IS NULL"))
                .isEqualTo(count("SELECT count(*) FROM compatibility_details"));
        assertThat(MatrixInvariants.cellStatesNotFollowingClaims(jdbc)).isEmpty();
        assertThat(count("SELECT count(*) FROM cell_states WHERE valid_to IS NOT NULL"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM cell_states WHERE valid_to < valid_from"))
                .isZero();
    }

    @Test
    void a_realistic_share_of_cells_is_not_tested_and_not_tested_differs_from_unsupported() {
        long claims = count("SELECT count(*) FROM compatibility_details");
        assertThat(claims).isBetween(43L * 8 * 70 / 100, 43L * 8 * 95 / 100);
        assertThat(count("SELECT count(*) FROM compatibility_details WHERE compatibility_level = 'unsupported'"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM compatibility_details GROUP BY compatibility_id, hardware_type "
                        + "HAVING count(*) > 1"))
                .isZero();
    }

    @Test
    void every_claim_has_a_history_ending_at_its_current_level_within_one_year() {
        assertThat(MatrixInvariants.claimsWhoseHistoryEndsElsewhere(jdbc)).isEmpty();
        var span = jdbc.sql("SELECT min(change_date), max(change_date) FROM compatibility_history")
                .query((rs, n) -> Duration.between(
                        rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime()))
                .single();
        assertThat(span.toDays()).isBetween(300L, 366L);
        assertThat(count("SELECT count(*) FROM compatibility_history WHERE change_version IS NULL "
                        + "OR change_reason IS NULL"))
                .isZero();
    }

    @Test
    void validation_status_agrees_with_the_approving_validators_level() {
        // validated: approver level >= required; partially: approver level < required; unvalidated: no approver.
        assertThat(count("""
                SELECT count(*) FROM compatibility_details d LEFT JOIN validators v USING (validator_id)
                WHERE NOT CASE d.validation_status
                    WHEN 'validated' THEN v.verification_level >= CASE d.compatibility_level
                        WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END AND d.validation_date IS NOT NULL
                    WHEN 'partially_validated' THEN v.verification_level < CASE d.compatibility_level
                        WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END AND d.validation_date IS NOT NULL
                    ELSE d.validator_id IS NULL AND d.validation_date IS NULL END""")).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT validation_status FROM compatibility_details ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("partially_validated", "unvalidated", "validated");
    }

    @Test
    void every_validated_or_partially_validated_claim_has_the_approval_that_set_it() {
        assertThat(MatrixInvariants.claimsWithoutTheirApproval(jdbc)).isEmpty();
        assertThat(count("SELECT count(*) FROM validation_reviews")).isPositive();
    }

    @Test
    void every_history_row_names_its_author() {
        assertThat(MatrixInvariants.historyRowsWithoutAuthor(jdbc)).isEmpty();
    }

    @Test
    void validators_cover_three_levels_a_ci_pipeline_and_an_automated_test() {
        assertThat(jdbc.sql("SELECT DISTINCT verification_level FROM validators WHERE type = 'human' ORDER BY 1")
                        .query(Integer.class)
                        .list())
                .containsExactly(1, 2, 3);
        assertThat(jdbc.sql("SELECT DISTINCT type FROM validators ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("automated_test", "ci_pipeline", "human");
    }

    @Test
    void demo_validator_users_are_linked_to_validators_of_their_level() {
        var links = jdbc.sql("""
                SELECT u.username, v.verification_level FROM app_users u JOIN validators v USING (validator_id)
                ORDER BY u.username""")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
                .list();
        assertThat(links).containsExactly("validator1=1", "validator2=2", "validator3=3");
    }

    @Test
    void the_seeds_five_example_queries_return_rows() {
        assertThat(count("SELECT count(*) FROM models m JOIN cross_platform_compatibility cpc "
                        + "ON m.model_id = cpc.model_id"))
                .isEqualTo(43);
        assertThat(count("SELECT count(*) FROM models m JOIN cross_platform_compatibility cpc "
                        + "ON m.model_id = cpc.model_id WHERE m.model_type = 'text_embedding'"))
                .isEqualTo(9);
        assertThat(count("""
                SELECT count(*) FROM models m
                JOIN cross_platform_compatibility cpc ON m.model_id = cpc.model_id
                JOIN compatibility_details cd ON cpc.id = cd.compatibility_id
                LEFT JOIN validators v ON cd.validator_id = v.validator_id
                WHERE m.model_name = 'bert-base-uncased'""")).isEqualTo(8);
        assertThat(count("""
                SELECT count(*) FROM models m JOIN hardware_recommendations hr ON m.model_id = hr.model_id
                WHERE m.model_name LIKE '%t5%' AND hr.task_type = 'text_generation'""")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM models m JOIN compatibility_history ch ON m.model_id = ch.model_id
                WHERE m.model_name = 'llama-7b'""")).isGreaterThanOrEqualTo(8);
    }

    @Test
    void recommendations_cover_several_tasks_and_batch_sizes_with_sane_values() {
        assertThat(count("SELECT count(DISTINCT task_type) FROM hardware_recommendations"))
                .isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(DISTINCT batch_size) FROM hardware_recommendations"))
                .isGreaterThanOrEqualTo(3);
        assertThat(count("""
                SELECT count(*) FROM hardware_recommendations
                WHERE NOT (performance_ratio > 0 AND performance_ratio <= 1) OR memory_requirements_mb <= 0
                   OR recommended_hardware = fallback_hardware""")).isZero();
        int bertMemory = jdbc.sql("""
                SELECT memory_requirements_mb FROM hardware_recommendations JOIN models USING (model_id)
                WHERE model_name = 'bert-base-uncased' AND batch_size = 32 LIMIT 1""").query(Integer.class).single();
        assertThat(bertMemory).isBetween(1000, 2000);
    }

    @Test
    void demo_data_are_deterministic() {
        var first = new DemoDataSet(new ClaimFactory(
                        List.of(
                                new ClaimFactory.ValidatorRef(1, 1, "validator1", false),
                                new ClaimFactory.ValidatorRef(2, 3, "validator3", false)),
                        LocalDateTime.of(2026, 1, 1, 0, 0)))
                .models();
        var second = new DemoDataSet(new ClaimFactory(
                        List.of(
                                new ClaimFactory.ValidatorRef(1, 1, "validator1", false),
                                new ClaimFactory.ValidatorRef(2, 3, "validator3", false)),
                        LocalDateTime.of(2026, 1, 1, 0, 0)))
                .models();
        assertThat(first).isEqualTo(second).hasSize(43);
    }

    private long count(String sql) {
        List<Long> counts = jdbc.sql(sql).query(Long.class).list();
        return counts.isEmpty() ? 0 : counts.getFirst();
    }
}
