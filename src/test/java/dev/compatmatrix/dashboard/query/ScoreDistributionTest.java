package dev.compatmatrix.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard's score buckets on either database: a score on a bucket's lower edge counts in that bucket. */
class ScoreDistributionTest extends IntegrationTest {

    @Autowired
    DashboardQuery query;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Transactional // rolled back: the shared demo data stay as they are
    void scores_of_seven_and_nine_tenths_count_in_the_buckets_they_start() {
        // Stored as REAL, 0.7 and 0.9 lie just below their tenths: multiplied in double precision they would fall
        // into the buckets below (PostgreSQL widens REAL × INTEGER to double, DuckDB keeps REAL).
        jdbc.sql(
                        "UPDATE cross_platform_compatibility SET compatibility_score = CASE WHEN id % 2 = 0 THEN 0.7 ELSE 0.9 END")
                .update();
        long even = jdbc.sql("SELECT count(*) FROM cross_platform_compatibility WHERE id % 2 = 0")
                .query(Long.class)
                .single();
        long all = jdbc.sql("SELECT count(*) FROM cross_platform_compatibility")
                .query(Long.class)
                .single();

        long[] expected = new long[DashboardQuery.SCORE_BUCKETS];
        expected[7] = even;
        expected[9] = all - even;
        assertThat(query.scoreDistribution()).containsExactly(expected);
    }
}
