package dev.compatmatrix.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.search.query.FamilyHit;
import dev.compatmatrix.search.query.ModelHit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The quick search over the demo catalogue (43 models), on the real database. */
class QuickSearchServiceTest extends IntegrationTest {

    @Autowired
    QuickSearchService search;

    @BeforeEach
    void signIn() {
        TestUsers.signIn("viewer", Roles.VIEWER);
    }

    @Test
    void a_partial_name_finds_the_models_containing_it_whatever_the_case() {
        assertThat(names("WHISPER")).containsExactly("openai/whisper-base", "openai/whisper-tiny");
        assertThat(names("tiny"))
                .contains("prajjwal1/bert-tiny", "openai/whisper-tiny", "facebook/deit-tiny-patch16-224");
    }

    @Test
    void exact_then_prefix_then_contains_and_shorter_names_first() {
        // bert-base-uncased starts with "bert", prajjwal1/bert-tiny has a part that does; roberta-base only contains
        // it.
        assertThat(names("bert"))
                .containsExactly(
                        "bert-base-uncased",
                        "prajjwal1/bert-tiny",
                        "roberta-base",
                        "albert-base-v2",
                        "xlm-roberta-base",
                        "distilbert-base-uncased");
        assertThat(names("gpt2")).first().isEqualTo("gpt2");
        assertThat(names("t5")).startsWith("t5-small", "google/t5-efficient-tiny");
    }

    @Test
    void one_or_two_letters_find_only_names_or_parts_after_a_slash_that_start_with_them() {
        assertThat(names("ro")).contains("roberta-base").doesNotContain("xlm-roberta-base");
        assertThat(names("wh")).containsExactly("openai/whisper-base", "openai/whisper-tiny");
        assertThat(names("rt")).doesNotContain("bert-base-uncased", "roberta-base", "albert-base-v2");
        assertThat(search.quickSearch("ll").families())
                .containsExactly(new FamilyHit("llama", 2), new FamilyHit("llava", 2));
        assertThat(search.quickSearch("ama").families()).containsExactly(new FamilyHit("llama", 2));
    }

    @Test
    void a_family_is_found_with_its_number_of_models() {
        assertThat(search.quickSearch("whisper").families()).containsExactly(new FamilyHit("whisper", 2));
        assertThat(search.quickSearch("lla").families())
                .containsExactly(new FamilyHit("llama", 2), new FamilyHit("llava", 2));
        // The exact family first, before the longer ones containing it.
        assertThat(search.quickSearch("bert").families()).first().isEqualTo(new FamilyHit("bert", 2));
        assertThat(search.quickSearch("whisper").models())
                .extracting(ModelHit::family)
                .containsOnly("whisper");
    }

    @Test
    void platforms_are_matched_by_name_or_key() {
        assertThat(search.quickSearch("cuda").platforms()).containsExactly(Platform.CUDA);
        assertThat(search.quickSearch("Web").platforms()).containsExactly(Platform.WEBNN, Platform.WEBGPU);
        assertThat(search.quickSearch("apple").platforms()).containsExactly(Platform.MPS);
    }

    @Test
    void percent_underscore_and_quotes_are_taken_literally() {
        assertThat(search.quickSearch("%").size()).isZero();
        assertThat(search.quickSearch("bert%").size()).isZero();
        // "_" as a wildcard would find t5-small.
        assertThat(names("t5_small")).isEmpty();
        assertThat(names("mobilenet_v2_1")).containsExactly("google/mobilenet_v2_1.0_224");
        assertThat(search.quickSearch("bert'").size()).isZero();
        assertThat(search.quickSearch("' OR '1'='1").size()).isZero();
        assertThat(search.quickSearch("\\").size()).isZero();
    }

    @Test
    void blank_input_finds_nothing_and_too_long_input_is_clipped_without_error() {
        assertThat(search.quickSearch(null)).isEqualTo(QuickSearchResults.NONE);
        assertThat(search.quickSearch("   ")).isEqualTo(QuickSearchResults.NONE);
        assertThat(search.quickSearch("a".repeat(10_000)).size()).isZero();
        assertThat(names("  whisper-tiny" + " ".repeat(500))).containsExactly("openai/whisper-tiny");
        String longText = "x".repeat(QuickSearchService.MAX_TEXT + 50);
        assertThat(QuickSearchService.clip(longText)).hasSize(QuickSearchService.MAX_TEXT);
    }

    @Test
    void at_most_ten_results() {
        QuickSearchResults found = search.quickSearch("b"); // a dozen names or parts start with it
        assertThat(found.models()).hasSize(QuickSearchService.MODELS);
        assertThat(found.size()).isLessThanOrEqualTo(10);
    }

    private java.util.List<String> names(String text) {
        return search.quickSearch(text).models().stream().map(ModelHit::name).toList();
    }
}
