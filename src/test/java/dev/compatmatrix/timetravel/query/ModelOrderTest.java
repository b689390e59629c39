package dev.compatmatrix.timetravel.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page of changes covers exactly the models its offset and limit fall in. */
class ModelOrderTest {

    // Models 7, 3, 9 show 2, 5 and 1 changes: positions 0–1, 2–6, 7.
    private final ModelOrder order = ModelOrder.of(List.of(new int[] {7, 2}, new int[] {3, 5}, new int[] {9, 1}));

    @Test
    void a_page_inside_one_model_covers_that_model_and_skips_its_first_changes() {
        assertThat(order.slice(3, 2)).isEqualTo(new ModelOrder.Slice(List.of(3), 1));
    }

    @Test
    void a_page_across_models_covers_each_of_them_in_order() {
        assertThat(order.slice(1, 7)).isEqualTo(new ModelOrder.Slice(List.of(7, 3, 9), 1));
        assertThat(order.slice(0, 2)).isEqualTo(new ModelOrder.Slice(List.of(7), 0));
        assertThat(order.slice(2, 50)).isEqualTo(new ModelOrder.Slice(List.of(3, 9), 0));
    }

    @Test
    void a_page_past_the_end_covers_nothing() {
        assertThat(order.slice(8, 50).models()).isEmpty();
    }
}
