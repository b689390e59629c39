package dev.compatmatrix.badge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class BadgeSvgTest {

    @Test
    void the_five_xml_characters_are_escaped_and_control_characters_dropped() {
        assertThat(BadgeSvg.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
        assertThat(BadgeSvg.escape("bell\u0007 tab\t")).isEqualTo("bell tab\t");
        assertThat(BadgeSvg.escape("High ✓")).isEqualTo("High ✓");
    }

    @Test
    void a_badge_is_well_formed_svg_with_its_text_intact_even_when_the_text_is_markup() throws Exception {
        String title = "evil/<script>alert('x')</script> & \"co\" on CUDA";
        Document svg = parse(BadgeSvg.render("CUDA", "High ✓", BadgeSvg.colour(CompatibilityLevel.HIGH), title));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(title);
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo(title);
        var texts = svg.getElementsByTagName("text");
        assertThat(texts.item(0).getTextContent()).isEqualTo("CUDA");
        assertThat(texts.item(1).getTextContent()).isEqualTo("High ✓");
    }

    @Test
    void stale_and_disputed_marks_are_in_the_badges_text_and_title_as_in_the_matrix() throws Exception {
        Document svg = parse(BadgeController.svg(new BadgeData(
                1,
                "bert-base-uncased",
                Platform.QUALCOMM,
                CompatibilityLevel.HIGH,
                ValidationStatus.VALIDATED,
                true,
                true,
                "v")));

        assertThat(svg.getElementsByTagName("text").item(1).getTextContent()).isEqualTo("High ✓ ◷ ⚠");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo(
                        "bert-base-uncased on Qualcomm: High · Validated (validation stale) (disputed by an automated result)");
        assertThat(parse(BadgeController.svg(new BadgeData(
                                1,
                                "m",
                                Platform.CPU,
                                CompatibilityLevel.LOW,
                                ValidationStatus.UNVALIDATED,
                                false,
                                false,
                                "v")))
                        .getElementsByTagName("text")
                        .item(1)
                        .getTextContent())
                .isEqualTo("Low ○");
    }

    @Test
    void the_width_follows_the_text() throws Exception {
        int narrow = width(BadgeSvg.render("CPU", "Low ○", "#000", "t"));
        int wide = width(BadgeSvg.render("OpenVINO", "Unsupported ○", "#000", "t"));

        assertThat(wide).isGreaterThan(narrow + 40);
        assertThat(BadgeSvg.textWidth("Unsupported")).isGreaterThan(BadgeSvg.textWidth("Low"));
        assertThat(BadgeSvg.textWidth("")).isZero();
    }

    @Test
    void each_level_has_its_colour_and_not_tested_is_grey() {
        assertThat(java.util.Arrays.stream(CompatibilityLevel.values())
                        .map(BadgeSvg::colour)
                        .distinct())
                .hasSize(4)
                .doesNotContain(BadgeSvg.GREY);
        assertThat(BadgeSvg.colour(null)).isEqualTo(BadgeSvg.GREY);
    }

    private static int width(String svg) throws Exception {
        return Integer.parseInt(parse(svg).getDocumentElement().getAttribute("width"));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
