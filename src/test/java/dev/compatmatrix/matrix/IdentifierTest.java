package dev.compatmatrix.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.demo.SyntheticDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void names_and_families_of_any_script_with_the_usual_separators_pass() {
        for (String name : List.of(
                "google/flan-t5-base",
                "TinyLlama/TinyLlama-1.1B-Chat-v1.0",
                "ünïcødé-模型",
                "mobilenet_v2_1.0_224",
                "org/model+lora:v2@main",
                "हिन्दी-मॉडल",
                "x²-model")) {
            assertThat(Identifier.MODEL_NAME.problem(name)).as(name).isEmpty();
        }
        for (String family : List.of("bert", "qwen2-vl", "Llama 2 (chat)", "gpt-j.6b", "模型 家族")) {
            assertThat(Identifier.FAMILY.problem(family)).as(family).isEmpty();
        }
    }

    @Test
    void every_demo_and_synthetic_model_name_and_family_obeys_the_rule() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("db/demo-models.csv"));
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(Identifier.MODEL_NAME.problem(cells[0])).as(line).isEmpty();
            assertThat(Identifier.FAMILY.problem(cells[1])).as(line).isEmpty();
        }
        for (String family : List.of("bert", "e5", "qwen2", "efficientnet")) {
            String name = SyntheticDataSet.name(family, 123_456);
            assertThat(Identifier.MODEL_NAME.problem(name)).as(name).isEmpty();
        }
    }

    @Test
    void markup_quotes_control_and_text_direction_characters_are_refused_naming_the_character() {
        assertThat(Identifier.FAMILY.problem("<img src=x onerror=alert(1)>"))
                .contains("A family cannot contain ‘<’: use letters, digits, spaces and . _ / + : @ ( ) -");
        assertThat(Identifier.MODEL_NAME.problem("a\"b"))
                .contains("A model name cannot contain ‘\"’: use letters, " + "digits and . _ / + : @ -");
        assertThat(Identifier.MODEL_NAME.problem("it's"))
                .hasValueSatisfying(p -> assertThat(p).contains("‘'’"));
        assertThat(Identifier.MODEL_NAME.problem("two words"))
                .hasValueSatisfying(p -> assertThat(p).contains("spaces"));
        assertThat(Identifier.MODEL_NAME.problem("bell\u0007"))
                .contains("A model name cannot contain control characters (U+0007)");
        assertThat(Identifier.FAMILY.problem("nul\u0000"))
                .contains("A family cannot contain control characters (U+0000)");
        for (char invisible :
                "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u200B\uFEFF".toCharArray()) {
            assertThat(Identifier.MODEL_NAME.problem("abc" + invisible + "gnp.exe"))
                    .as("U+%04X", (int) invisible)
                    .contains("A model name cannot contain invisible characters that change how text reads (U+%04X)"
                            .formatted((int) invisible));
            assertThat(Identifier.FAMILY.problem("fam" + invisible))
                    .as("U+%04X", (int) invisible)
                    .isPresent();
        }
        for (String hostile : List.of(">", "&", "`", "\\", "{x}", "$", "a;b", "a=b", "a\tb", "a\nb")) {
            assertThat(Identifier.MODEL_NAME.problem(hostile)).as(hostile).isPresent();
            assertThat(Identifier.FAMILY.problem(hostile)).as(hostile).isPresent();
        }
    }
}
