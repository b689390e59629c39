package dev.compatmatrix.compatibility.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import dev.compatmatrix.KaribuTest;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Roles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportMenuTest extends KaribuTest {

    @BeforeEach
    void signIn() {
        login("viewer", Roles.VIEWER);
    }

    @Test
    void the_matrix_offers_a_download_link_per_format_next_to_the_row_count() {
        UI.getCurrent().navigate("");
        MatrixView view = _get(MatrixView.class);

        assertThat(_get(ExportMenu.class)).isSameAs(view.exportMenu);
        assertThat(view.exportMenu.getParent()).isEqualTo(view.rowCount.getParent());
        assertThat(view.exportMenu.links.keySet()).containsExactly(ExportFormat.values());
        assertThat(view.exportMenu.links.values()).allSatisfy(link -> {
            assertThat(link.isDownload()).isTrue();
            assertThat(link.getHref()).isNotBlank();
        });
        assertThat(view.exportMenu.links.values())
                .extracting(Anchor::getText)
                .containsExactly("CSV", "JSON", "Markdown", "HTML page");
    }

    @Test
    void the_links_download_the_filter_and_sort_from_the_url() throws IOException {
        UI.getCurrent().navigate("", QueryParameters.fromString("type=audio&sort=-score"));
        MatrixView view = _get(MatrixView.class);

        List<String> shown = gridNames(view);
        assertThat(shown).hasSize(6);
        assertThat(csvNames(view)).containsExactlyElementsOf(shown);
    }

    @Test
    void the_links_follow_a_filter_changed_on_the_screen() throws IOException {
        UI.getCurrent().navigate("");
        MatrixView view = _get(MatrixView.class);
        String before = view.exportMenu.links.get(ExportFormat.CSV).getHref();
        assertThat(csvNames(view)).hasSize(43);

        view.filters.type.setValue(ModelType.VISION);

        assertThat(view.exportMenu.links.get(ExportFormat.CSV).getHref()).isNotEqualTo(before);
        List<String> shown = gridNames(view);
        assertThat(shown).isNotEmpty().hasSizeLessThan(43);
        assertThat(csvNames(view)).containsExactlyElementsOf(shown);
    }

    private static List<String> csvNames(MatrixView view) throws IOException {
        byte[] file = DownloadKt._download(view.exportMenu.links.get(ExportFormat.CSV));
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(file, StandardCharsets.UTF_8)))
                .getRecords()
                .stream()
                .map(r -> r.get("model"))
                .toList();
    }

    private static List<String> gridNames(MatrixView view) {
        return IntStream.range(0, GridKt._size(view.grid))
                .mapToObj(i -> GridKt._get(view.grid, i))
                .map(MatrixRow::name)
                .toList();
    }
}
