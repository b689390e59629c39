package dev.compatmatrix.timetravel;

import static dev.compatmatrix.timetravel.ChangesFixture.ALPHA;
import static dev.compatmatrix.timetravel.ChangesFixture.BETA;
import static dev.compatmatrix.timetravel.ChangesFixture.DELTA;
import static dev.compatmatrix.timetravel.ChangesFixture.ONLY_FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.time.InvalidPointInTimeException;
import dev.compatmatrix.matrix.time.TimeRange;
import dev.compatmatrix.timetravel.query.CellChangeKind;
import dev.compatmatrix.timetravel.query.ChangesFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** What changed between two points in time, over a hand-built history ({@link ChangesFixture}). */
class ChangesServiceTest extends WritingIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ChangesService service;

    @BeforeEach
    void history() {
        ChangesFixture.ensure(context);
        signIn("viewer", Roles.VIEWER);
    }

    private List<String> changes(String from, String to) {
        return changes(from, to, ONLY_FIXTURE);
    }

    private List<String> changes(String from, String to, ChangesFilter filter) {
        return ChangesFixture.lines(service.page(service.range(from, to), filter, 0, 100));
    }

    @Test
    void the_changes_between_each_pair_of_dates_are_the_expected_cells_grouped_by_model_regressions_first() {
        ChangesFixture.EXPECTED.forEach((range, expected) -> {
            String[] ends = range.split(" ");
            assertThat(changes(ends[0], ends[1])).as(range).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void a_claim_back_at_its_old_level_and_validation_is_no_change() {
        assertThat(changes("2026-05-05", "2026-08-25")).noneMatch(line -> line.startsWith(ALPHA));
    }

    @Test
    void the_summary_counts_each_kind_under_the_filters() {
        TimeRange range = service.range("2026-05-25", "2026-07-25");
        var counts = service.summary(range, ONLY_FIXTURE);
        assertThat(counts.byKind())
                .containsExactly(
                        Map.entry(CellChangeKind.REGRESSED, 1L),
                        Map.entry(CellChangeKind.REMOVED, 2L),
                        Map.entry(CellChangeKind.IMPROVED, 1L),
                        Map.entry(CellChangeKind.NEWLY_TESTED, 1L),
                        Map.entry(CellChangeKind.VALIDATION_CHANGED, 1L));
        assertThat(counts.total()).isEqualTo(6);
        // The kind filter narrows the list, not the counts (every kind keeps its button's number).
        assertThat(service.summary(range, ONLY_FIXTURE.withKind(CellChangeKind.REMOVED)))
                .isEqualTo(counts);
        assertThat(service.summary(range, new ChangesFilter(Platform.CUDA, ChangesFixture.FAMILY, null, null))
                        .total())
                .isEqualTo(2);
    }

    @Test
    void the_filters_narrow_by_platform_family_type_and_kind() {
        assertThat(changes(
                        "2026-05-25",
                        "2026-07-25",
                        new ChangesFilter(Platform.CUDA, ChangesFixture.FAMILY, null, null)))
                .containsExactly(
                        DELTA + " cuda high/unvalidated → unsupported/unvalidated regressed",
                        ALPHA + " cuda high/unvalidated → — removed");
        assertThat(changes(
                        "2026-05-25",
                        "2026-07-25",
                        new ChangesFilter(null, ChangesFixture.FAMILY, ModelType.VISION, null)))
                .containsExactly(
                        DELTA + " cuda high/unvalidated → unsupported/unvalidated regressed",
                        DELTA + " cpu low/unvalidated → high/unvalidated improved",
                        BETA + " rocm high/unvalidated → — removed");
        assertThat(changes("2026-05-25", "2026-07-25", ONLY_FIXTURE.withKind(CellChangeKind.REMOVED)))
                .containsExactly(
                        ALPHA + " cuda high/unvalidated → — removed", BETA + " rocm high/unvalidated → — removed");
        assertThat(changes("2026-05-25", "2026-07-25", new ChangesFilter(null, "no such family", null, null)))
                .isEmpty();
    }

    @Test
    void pages_follow_one_another_in_the_same_order() {
        TimeRange range = service.range("2026-05-25", "2026-07-25");
        List<String> all = ChangesFixture.lines(service.page(range, ONLY_FIXTURE, 0, 100));
        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 4) {
            paged.addAll(ChangesFixture.lines(service.page(range, ONLY_FIXTURE, offset, 4)));
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void the_markdown_changelog_of_a_known_range_equals_the_stored_file() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.writeFile(service.range("2026-05-25", "2026-07-25"), ONLY_FIXTURE, ExportFormat.MARKDOWN, out);
        String expected;
        try (InputStream stored = getClass().getResourceAsStream("/timetravel/changes-2026-05-25-to-2026-07-25.md")) {
            expected = new String(Objects.requireNonNull(stored).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void the_csv_has_a_header_and_one_row_per_filtered_change() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.writeFile(
                service.range("2026-05-25", "2026-07-25"),
                ONLY_FIXTURE.withKind(CellChangeKind.REMOVED),
                ExportFormat.CSV,
                out);
        assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n"))
                .containsExactly(
                        "from,to,kind,model,family,type,model_deleted,platform,before_level,before_validation,"
                                + "after_level,after_validation",
                        "2026-05-25,2026-07-25,removed,ttc-alpha,ttc fixture,text_generation,false,cuda,high,"
                                + "unvalidated,not_tested,",
                        "2026-05-25,2026-07-25,removed,ttc-beta,ttc fixture,vision,true,rocm,high,unvalidated,"
                                + "not_tested,");
    }

    @Test
    void unusable_ends_are_refused_naming_the_end_and_why() {
        assertThatThrownBy(() -> service.range("2026-05-05", "2099-01-01"))
                .isInstanceOf(InvalidPointInTimeException.class)
                .hasMessageContaining("in the future")
                .extracting(e -> ((InvalidPointInTimeException) e).parameter())
                .isEqualTo("to");
        assertThatThrownBy(() -> service.range("1999-01-01", "2026-05-05"))
                .hasMessageContaining("before the recorded history")
                .extracting(e -> ((InvalidPointInTimeException) e).parameter())
                .isEqualTo("from");
        assertThatThrownBy(() -> service.range("yesterday", "2026-05-05"))
                .hasMessageContaining("neither a date")
                .extracting(e -> ((InvalidPointInTimeException) e).parameter())
                .isEqualTo("from");
        assertThatThrownBy(() -> service.range("2026-06-01", "2026-05-05"))
                .hasMessageContaining("not after from")
                .extracting(e -> ((InvalidPointInTimeException) e).parameter())
                .isEqualTo("to");
    }

    @Test
    void a_named_snapshot_is_an_end_like_a_day() {
        ChangesFixture.withSnapshot(context, "ttc-release-1", java.time.LocalDateTime.of(2026, 6, 25, 12, 0), () -> {
            TimeRange range = service.range("ttc-release-1", "2026-07-25");
            assertThat(range.from().isSnapshot()).isTrue();
            assertThat(ChangesFixture.lines(service.page(range, ONLY_FIXTURE, 0, 100)))
                    .containsExactlyElementsOf(ChangesFixture.EXPECTED.get("2026-06-25 2026-07-25"));
            assertThat(service.snapshots()).extracting(s -> s.name()).contains("ttc-release-1");
        });
        assertThatThrownBy(() -> service.range("ttc-release-1", "2026-07-25"))
                .hasMessageContaining("neither a date (YYYY-MM-DD) nor the name of a snapshot");
    }

    @Test
    void the_default_range_is_the_last_thirty_days() {
        TimeRange range = service.defaultRange();
        assertThat(range.to().text()).isEqualTo("2026-11-27");
        assertThat(range.from().text()).isEqualTo("2026-10-28");
        assertThat(service.range(null, null)).isEqualTo(range);
    }
}
