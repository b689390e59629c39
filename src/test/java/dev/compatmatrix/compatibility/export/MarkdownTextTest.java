package dev.compatmatrix.compatibility.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void pipes_and_backslashes_are_escaped() {
        assertThat(MarkdownText.cell("a|b")).isEqualTo("a\\|b");
        assertThat(MarkdownText.cell("C:\\models|x")).isEqualTo("C:\\\\models\\|x");
        assertThat(MarkdownText.cell("\\|")).isEqualTo("\\\\\\|");
    }

    @Test
    void line_breaks_of_every_kind_become_one_br_each() {
        assertThat(MarkdownText.cell("one\ntwo\r\nthree\rfour")).isEqualTo("one<br>two<br>three<br>four");
        assertThat(MarkdownText.cell("end\n")).isEqualTo("end<br>");
    }

    @Test
    void html_cannot_slip_through() {
        assertThat(MarkdownText.cell("<script>alert('x')</script> & co"))
                .isEqualTo("&lt;script&gt;alert('x')&lt;/script&gt; &amp; co");
    }

    @Test
    void links_images_emphasis_and_code_are_escaped_to_literal_text() {
        assertThat(MarkdownText.cell("[click](javascript:alert(1)) ![b](http://127.0.0.1:9/b.png)"))
                .isEqualTo("\\[click\\](javascript:alert(1)) \\!\\[b\\](http://127.0.0.1:9/b.png)");
        assertThat(MarkdownText.cell("*a* _b_ `c` ~~d~~")).isEqualTo("\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~");
    }

    @Test
    void plain_text_and_nothing_stay_as_they_are() {
        assertThat(MarkdownText.cell("prajjwal1/bert-tiny (4.4M), ok")).isEqualTo("prajjwal1/bert-tiny (4.4M), ok");
        assertThat(MarkdownText.cell(null)).isEmpty();
        assertThat(MarkdownText.cell("")).isEmpty();
    }
}
