package dev.compatmatrix.compatibility.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixUrlTest {

    @Test
    void every_filter_and_the_sort_survive_a_round_trip_through_the_url() {
        var filter = new MatrixFilter(
                "bert base",
                "bert",
                ModelType.TEXT_EMBEDDING,
                ModelSize.BASE,
                Map.of(Platform.CUDA, PlatformState.SUPPORTED, Platform.WEBNN, PlatformState.NOT_TESTED),
                ValidationStatus.VALIDATED,
                0.75);
        var sort = new MatrixSort("webgpu", true);
        String url = MatrixUrl.toQuery(filter, sort).getQueryString();
        var parsed = MatrixUrl.parse(QueryParameters.fromString(url));
        assertThat(parsed.filter()).isEqualTo(filter);
        assertThat(parsed.sort()).isEqualTo(sort);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void no_filter_makes_an_empty_query() {
        assertThat(MatrixUrl.toQuery(MatrixFilter.NONE, MatrixSort.BY_NAME).getQueryString())
                .isEmpty();
    }

    @Test
    void unreadable_values_are_dropped_with_a_warning_each() {
        var parsed = MatrixUrl.parse(QueryParameters.fromString(
                "minScore=abc&platform=foo&platform=cuda:maybe&size=huge&validation=yes&sort=-bogus&q=gpt"));
        assertThat(parsed.filter()).isEqualTo(new MatrixFilter("gpt", null, null, null, null, null, null));
        assertThat(parsed.sort()).isEqualTo(MatrixSort.BY_NAME);
        assertThat(parsed.warnings()).hasSize(6);
    }

    @Test
    void a_score_outside_zero_to_one_is_refused() {
        assertThat(MatrixUrl.parse(QueryParameters.fromString("minScore=1.5")).warnings())
                .containsExactly("minScore=1.5");
        assertThat(MatrixUrl.parse(QueryParameters.fromString("minScore=NaN")).warnings())
                .hasSize(1);
    }
}
