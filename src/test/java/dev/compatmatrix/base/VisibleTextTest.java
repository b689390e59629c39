package dev.compatmatrix.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

    @Test
    void bidi_overrides_and_isolates_are_named_so_text_cannot_reorder_itself() {
        assertThat(VisibleText.of("abc\u202Egnp.exe")).isEqualTo("abc<U+202E>gnp.exe");
        assertThat(VisibleText.of("\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069"))
                .isEqualTo("<U+202A><U+202B><U+202C><U+202D><U+2066><U+2067><U+2068><U+2069>");
    }

    @Test
    void control_characters_are_named_but_tabs_and_line_breaks_stay() {
        assertThat(VisibleText.of("nul\u0000 bell\u0007 esc\u001B del\u007F c1\u0085\u009B"))
                .isEqualTo("nul<U+0000> bell<U+0007> esc<U+001B> del<U+007F> c1<U+0085><U+009B>");
        assertThat(VisibleText.of("a\tb\nc\r\nd")).isEqualTo("a\tb\nc\r\nd");
    }

    @Test
    void ordinary_text_of_any_script_stays_as_it_is() {
        String text = "ünïcødé-模型 עברית العربية 👍 ok";
        assertThat(VisibleText.of(text)).isSameAs(text);
        assertThat(VisibleText.of(null)).isNull();
    }
}
