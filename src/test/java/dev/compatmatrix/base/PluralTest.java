package dev.compatmatrix.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void one_takes_the_singular_and_every_other_count_the_plural_with_thousands_grouped() {
        assertThat(Plural.of(1, "new model")).isEqualTo("1 new model");
        assertThat(Plural.of(0, "new model")).isEqualTo("0 new models");
        assertThat(Plural.of(1204, "model")).isEqualTo("1,204 models");
        assertThat(Plural.of(2, "entry", "entries")).isEqualTo("2 entries");
    }
}
