package dev.compatmatrix.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

@WithMockUser(roles = "VIEWER")
class RecommendationServiceTest extends IntegrationTest {

    @Autowired
    RecommendationService service;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_page_asks_for_at_least_one_row_from_offset_zero_on() {
        var first = service.page(RecommendationFilter.NONE, RecommendationSort.BY_MODEL, 0, 1);
        assertThat(service.page(RecommendationFilter.NONE, RecommendationSort.BY_MODEL, -5, 0))
                .hasSize(1)
                .isEqualTo(first);
    }

    @Test
    @Transactional // rolled back: the shared demo data stay as they are
    void a_page_never_holds_more_than_the_maximum_page_size() {
        jdbc.sql("""
                INSERT INTO hardware_recommendations (model_id, task_type, batch_size, recommended_hardware)
                SELECT model_id, 'bulk_test', b, 'cpu' FROM models, generate_series(1, 12) AS t(b)""").update();
        var bulk = new RecommendationFilter("bulk_test", null, null);
        assertThat(service.count(bulk)).isGreaterThan(RecommendationService.MAX_PAGE_SIZE);
        assertThat(service.page(bulk, RecommendationSort.BY_MODEL, 0, Integer.MAX_VALUE))
                .hasSize(RecommendationService.MAX_PAGE_SIZE);
    }
}
