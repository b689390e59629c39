package dev.compatmatrix.recommendation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.recommendation.query.FilterOptions;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationParameters;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationsUrlTest {

    private static final FilterOptions OPTIONS =
            new FilterOptions(List.of("embedding", "text_generation"), List.of(1, 8, 32));

    @Test
    void filters_and_sort_survive_a_round_trip_through_the_url() {
        var filter = new RecommendationFilter("text_generation", 8, "t5 small");
        var sort = new RecommendationSort(RecommendationSort.Column.RATIO, true);
        String url = RecommendationsUrl.toQuery(filter, sort).getQueryString();
        assertThat(url).isEqualTo("task=text_generation&batch=8&model=t5%20small&sort=-ratio");
        var parsed = RecommendationsUrl.parse(QueryParameters.fromString(url), OPTIONS);
        assertThat(parsed.filter()).isEqualTo(filter);
        assertThat(parsed.sort()).isEqualTo(sort);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void no_filter_and_the_default_sort_make_an_empty_query() {
        assertThat(RecommendationsUrl.toQuery(RecommendationFilter.NONE, RecommendationSort.BY_MODEL)
                        .getQueryString())
                .isEmpty();
    }

    @Test
    void unreadable_values_are_dropped_with_a_warning_each() {
        var parsed = RecommendationsUrl.parse(
                QueryParameters.fromString("task=Text-Gen%3Cscript%3E&batch=abc&sort=-bogus&model=t5"), OPTIONS);
        assertThat(parsed.filter()).isEqualTo(new RecommendationFilter(null, null, "t5"));
        assertThat(parsed.sort()).isEqualTo(RecommendationSort.BY_MODEL);
        assertThat(parsed.warnings()).containsExactly("task=Text-Gen<script>", "batch=abc", "sort=-bogus");
    }

    @Test
    void a_batch_size_must_be_a_positive_whole_number_that_occurs() {
        assertThat(warnings("batch=-3")).containsExactly("batch=-3");
        assertThat(warnings("batch=0")).containsExactly("batch=0");
        assertThat(warnings("batch=8.5")).containsExactly("batch=8.5");
        assertThat(warnings("batch=99999999999")).containsExactly("batch=99999999999");
        assertThat(warnings("batch=4")).containsExactly("batch=4 (no recommendations at this batch size)");
        assertThat(RecommendationsUrl.parse(QueryParameters.fromString("batch=32"), OPTIONS)
                        .filter()
                        .batchSize())
                .isEqualTo(32);
    }

    @Test
    void a_well_formed_task_without_recommendations_is_dropped_too() {
        assertThat(warnings("task=speech_recognition"))
                .containsExactly("task=speech_recognition (no recommendations for this task)");
    }

    @Test
    void a_model_text_over_200_characters_is_dropped_and_its_warning_shortened() {
        String atLimit = "m".repeat(RecommendationParameters.MAX_MODEL_TEXT);
        assertThat(RecommendationsUrl.parse(QueryParameters.fromString("model=" + atLimit), OPTIONS)
                        .filter()
                        .modelText())
                .isEqualTo(atLimit);
        var parsed = RecommendationsUrl.parse(QueryParameters.fromString("model=" + atLimit + "m"), OPTIONS);
        assertThat(parsed.filter().modelText()).isNull();
        assertThat(parsed.warnings())
                .singleElement()
                .asString()
                .startsWith("model=mmm")
                .endsWith("…")
                .hasSizeLessThan(70);
    }

    private static List<String> warnings(String query) {
        return RecommendationsUrl.parse(QueryParameters.fromString(query), OPTIONS)
                .warnings();
    }
}
