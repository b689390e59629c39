package dev.compatmatrix.compatibility.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.TestClock;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

class ExportServiceTest extends IntegrationTest {

    /** Models supported on WebNN with a score of at least 0.5, best score first: a real subset of the 43. */
    static final MatrixFilter FILTER =
            new MatrixFilter(null, null, null, null, Map.of(Platform.WEBNN, PlatformState.SUPPORTED), null, 0.5);

    static final MatrixSort SORT = new MatrixSort("score", true);

    @Autowired
    ExportService exports;

    @Autowired
    CompatibilityService compatibility;

    @BeforeEach
    void signIn() {
        TestUsers.signIn("viewer", Roles.VIEWER);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void every_format_holds_exactly_the_filtered_rows_in_the_views_order(ExportFormat format) throws IOException {
        List<String> expected = names(compatibility.matrixPage(FILTER, SORT, 0, 500));
        assertThat(expected)
                .hasSize((int) compatibility.matrixCount(FILTER))
                .isNotEmpty()
                .hasSizeLessThan(43);

        assertThat(ExportFiles.models(format, export(FILTER, SORT, format))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void without_a_filter_every_model_is_exported_not_only_a_page(ExportFormat format) throws IOException {
        assertThat(ExportFiles.models(format, export(MatrixFilter.NONE, MatrixSort.BY_NAME, format)))
                .hasSize(43)
                .doesNotHaveDuplicates()
                .isSorted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cuda", "-webgpu", "size", "-parameters", "recommended", "-family", "-name"})
    void rows_come_in_the_order_of_every_sort_the_screen_offers(String sortValue) throws IOException {
        boolean descending = sortValue.startsWith("-");
        MatrixSort sort = new MatrixSort(descending ? sortValue.substring(1) : sortValue, descending);

        assertThat(ExportFiles.models(ExportFormat.CSV, export(MatrixFilter.NONE, sort, ExportFormat.CSV)))
                .containsExactlyElementsOf(names(compatibility.matrixPage(MatrixFilter.NONE, sort, 0, 500)));
    }

    @Test
    void csv_has_a_level_and_a_validation_column_per_platform_matching_the_matrix() throws IOException {
        List<MatrixRow> rows = compatibility.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 500);
        List<CSVRecord> records = ExportFiles.csv(export(MatrixFilter.NONE, MatrixSort.BY_NAME, ExportFormat.CSV));

        assertThat(records.getFirst().getParser().getHeaderNames())
                .startsWith("model", "family", "type", "size", "parameters_millions", "cpu", "cuda")
                .contains("webgpu_validation")
                .endsWith("score", "recommended_platform", "last_updated");
        assertThat(records).hasSameSizeAs(rows);
        boolean sawNotTested = false;
        for (int i = 0; i < rows.size(); i++) {
            MatrixRow row = rows.get(i);
            CSVRecord record = records.get(i);
            assertThat(record.get("family")).isEqualTo(row.family());
            assertThat(Double.parseDouble(record.get("score"))).isEqualTo(row.score());
            assertThat(record.get("last_updated")).endsWith("Z");
            for (Platform platform : Platform.values()) {
                MatrixRow.Cell cell = row.cell(platform);
                assertThat(record.get(platform.key()))
                        .as("%s on %s", row.name(), platform)
                        .isEqualTo(cell == null ? "not_tested" : cell.level().key());
                assertThat(record.get(platform.key() + "_validation"))
                        .isEqualTo(cell == null ? "" : cell.status().key());
                sawNotTested |= cell == null;
            }
        }
        assertThat(sawNotTested).as("the demo data has untested cells").isTrue();
    }

    @Test
    void csv_has_a_stale_and_a_disputed_column_per_platform_matching_the_matrix_marks() throws IOException {
        List<MatrixRow> rows = compatibility.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 500);
        List<CSVRecord> records = ExportFiles.csv(export(MatrixFilter.NONE, MatrixSort.BY_NAME, ExportFormat.CSV));

        int stale = 0;
        int disputed = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (Platform platform : Platform.values()) {
                MatrixRow.Cell cell = rows.get(i).cell(platform);
                assertThat(records.get(i).get(platform.key() + "_stale"))
                        .as("%s on %s", rows.get(i).name(), platform)
                        .isEqualTo(String.valueOf(cell != null && cell.stale()));
                assertThat(records.get(i).get(platform.key() + "_disputed"))
                        .isEqualTo(String.valueOf(cell != null && cell.disputed()));
                stale += cell != null && cell.stale() ? 1 : 0;
                disputed += cell != null && cell.disputed() ? 1 : 0;
            }
        }
        assertThat(stale).as("stale cells in the demo data").isPositive();
        assertThat(disputed).as("disputed cells in the demo data").isPositive();
    }

    @Test
    void json_echoes_the_filter_and_nests_each_platform() throws IOException {
        JsonNode json = ExportFiles.json(export(FILTER, SORT, ExportFormat.JSON));

        assertThat(json.get("filter").get("platform").get(0).asString()).isEqualTo("webnn:supported");
        assertThat(json.get("filter").get("minScore").asString()).isEqualTo("0.5");
        assertThat(json.get("sort").asString()).isEqualTo("-score");
        assertThat(Duration.between(
                        TestClock.START, Instant.parse(json.get("generated_at").asString())))
                .isBetween(Duration.ZERO, Duration.ofHours(1));
        assertThat(json.get("count").asLong()).isEqualTo(compatibility.matrixCount(FILTER));
        JsonNode first = json.get("rows").get(0);
        MatrixRow expected = compatibility.matrixPage(FILTER, SORT, 0, 1).getFirst();
        assertThat(first.get("model").asString()).isEqualTo(expected.name());
        assertThat(first.get("platforms").propertyNames()).hasSize(8);
        assertThat(first.get("platforms").get("webnn").get("level").asString())
                .isEqualTo(expected.cell(Platform.WEBNN).level().key());
        assertThat(first.get("platforms").get("webnn").get("validation").asString())
                .isEqualTo(expected.cell(Platform.WEBNN).status().key());
    }

    @Test
    void json_cells_match_the_matrix_cells_including_stale_and_disputed_marks() throws IOException {
        List<MatrixRow> rows = compatibility.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 500);
        JsonNode exported = ExportFiles.json(export(MatrixFilter.NONE, MatrixSort.BY_NAME, ExportFormat.JSON))
                .get("rows");

        int stale = 0;
        int disputed = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (Platform platform : Platform.values()) {
                MatrixRow.Cell cell = rows.get(i).cell(platform);
                JsonNode json = exported.get(i).get("platforms").get(platform.key());
                assertThat(json.get("level").asString())
                        .isEqualTo(cell == null ? "not_tested" : cell.level().key());
                assertThat(json.get("stale").asBoolean()).isEqualTo(cell != null && cell.stale());
                assertThat(json.get("disputed").asBoolean()).isEqualTo(cell != null && cell.disputed());
                stale += cell != null && cell.stale() ? 1 : 0;
                disputed += cell != null && cell.disputed() ? 1 : 0;
            }
        }
        assertThat(stale).as("stale cells in the demo data").isPositive();
        assertThat(disputed).as("disputed cells in the demo data").isPositive();
    }

    @Test
    void json_marks_an_untested_platform_as_not_tested_without_a_validation() throws IOException {
        MatrixFilter untested = MatrixFilter.NONE.withPlatform(Platform.QUALCOMM, PlatformState.NOT_TESTED);
        JsonNode rows = ExportFiles.json(export(untested, MatrixSort.BY_NAME, ExportFormat.JSON))
                .get("rows");

        assertThat(rows.size()).isPositive();
        rows.valueStream().map(row -> row.get("platforms").get("qualcomm")).forEach(qualcomm -> {
            assertThat(qualcomm.get("level").asString()).isEqualTo("not_tested");
            assertThat(qualcomm.get("validation").isNull()).isTrue();
        });
    }

    @Test
    void the_html_page_stands_alone_with_a_titled_table_showing_levels_as_words() throws IOException {
        var page = Jsoup.parse(export(FILTER, SORT, ExportFormat.HTML));

        assertThat(page.title()).contains("platform=webnn:supported", "minScore=0.5", "sort=-score", "UTC");
        assertThat(page.select("style").html()).contains(".level-high");
        assertThat(page.select("link, script")).isEmpty();
        assertThat(page.select("thead th")).hasSize(16);
        var webnnCells =
                page.select("tbody > tr").stream().map(tr -> tr.child(11)).toList();
        assertThat(webnnCells).isNotEmpty().allSatisfy(td -> {
            assertThat(td.text()).matches("(High|Medium|Low) [✓◐○].*");
            assertThat(td.className()).startsWith("level-");
        });
    }

    @Test
    void markdown_is_a_table_under_a_heading_with_the_filter() throws IOException {
        String markdown = export(FILTER, SORT, ExportFormat.MARKDOWN);

        assertThat(markdown.lines().findFirst().orElseThrow())
                .startsWith("# Compatibility matrix")
                .contains("platform=webnn:supported");
        assertThat(ExportFiles.markdownRows(markdown))
                .allSatisfy(cells -> assertThat(cells).hasSize(16));
    }

    @Test
    void file_names_carry_the_date_and_the_formats_extension() {
        assertThat(exports.fileName(ExportFormat.CSV)).matches("compatibility-matrix-2026-11-2\\d\\.csv");
        assertThat(exports.fileName(ExportFormat.MARKDOWN)).endsWith(".md");
        assertThat(ExportFormat.HTML.contentType()).isEqualTo("text/html;charset=UTF-8");
    }

    @Test
    void exporting_without_signing_in_is_refused() {
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> export(MatrixFilter.NONE, MatrixSort.BY_NAME, ExportFormat.CSV))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_user_without_a_role_may_not_export() {
        TestUsers.signIn("nobody");
        assertThatThrownBy(() -> export(MatrixFilter.NONE, MatrixSort.BY_NAME, ExportFormat.CSV))
                .isInstanceOf(AccessDeniedException.class);
    }

    private String export(MatrixFilter filter, MatrixSort sort, ExportFormat format) throws IOException {
        var out = new ByteArrayOutputStream();
        exports.export(filter, sort, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> names(List<MatrixRow> rows) {
        return rows.stream().map(MatrixRow::name).toList();
    }
}
