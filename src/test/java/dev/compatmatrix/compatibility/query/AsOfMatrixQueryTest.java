package dev.compatmatrix.compatibility.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.time.PointInTime;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The matrix as of past days of the demo history: every sort column and filter gives what the same rows give sorted
 * and filtered in Java, and as of a day after the last demo change it is the live matrix, page for page.
 */
class AsOfMatrixQueryTest extends IntegrationTest {

    /** Months before the demo data's "now": a different matrix. */
    private static final PointInTime MID_YEAR = PointInTime.endOf(LocalDate.of(2026, 6, 1));
    /** After the demo data's last change (2026-11-01) and before the test clock's today. */
    private static final PointInTime AFTER_DEMO = PointInTime.endOf(LocalDate.of(2026, 11, 20));

    @Autowired
    AsOfMatrixQuery asOf;

    @Autowired
    MatrixQuery live;

    private static List<MatrixSort> everySort() {
        return Stream.concat(
                        Arrays.stream(MatrixSort.Column.values()).map(MatrixSort.Column::key),
                        Arrays.stream(Platform.values()).map(Keyed::key))
                .flatMap(key -> Stream.of(new MatrixSort(key, false), new MatrixSort(key, true)))
                .toList();
    }

    private List<MatrixRow> allRows(PointInTime point) {
        return asOf.page(point, MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 1_000);
    }

    @Test
    void mid_year_shows_fewer_models_or_other_cells_than_now() {
        List<MatrixRow> then = allRows(MID_YEAR);
        List<MatrixRow> now = live.page(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 1_000);
        assertThat(then).isNotEmpty();
        Map<Integer, Map<Platform, MatrixRow.Cell>> nowCells =
                now.stream().collect(java.util.stream.Collectors.toMap(MatrixRow::modelId, MatrixRow::cells));
        assertThat(then.size() < now.size()
                        || then.stream().anyMatch(r -> !r.cells().equals(nowCells.get(r.modelId()))))
                .as("the matrix on 2026-06-01 differs from today's")
                .isTrue();
    }

    @Test
    void as_of_a_day_after_the_last_change_every_sort_gives_the_live_order_and_rows() {
        for (MatrixSort sort : everySort()) {
            List<Integer> past = Arrays.stream(asOf.orderedIds(AFTER_DEMO, MatrixFilter.NONE, sort))
                    .boxed()
                    .toList();
            List<Integer> now = Arrays.stream(live.orderedIds(MatrixFilter.NONE, sort))
                    .boxed()
                    .toList();
            assertThat(past).as("sort %s", sort).isEqualTo(now);
        }
        List<MatrixRow> past = allRows(AFTER_DEMO);
        List<MatrixRow> now = live.page(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 1_000);
        assertThat(past).hasSameSizeAs(now);
        for (int i = 0; i < now.size(); i++) {
            assertThat(past.get(i).score())
                    .as(now.get(i).name())
                    .isEqualTo(now.get(i).score());
            assertThat(past.get(i).recommended())
                    .as(now.get(i).name())
                    .isEqualTo(now.get(i).recommended());
            assertThat(levels(past.get(i))).as(now.get(i).name()).isEqualTo(levels(now.get(i)));
        }
    }

    private static Map<Platform, CompatibilityLevel> levels(MatrixRow row) {
        Map<Platform, CompatibilityLevel> levels = new java.util.EnumMap<>(Platform.class);
        row.cells().forEach((platform, cell) -> levels.put(platform, cell.level()));
        return levels;
    }

    @Test
    void every_sort_as_of_mid_year_orders_the_rows_of_then_as_java_does() {
        List<MatrixRow> rows = allRows(MID_YEAR);
        List<Integer> byName = Arrays.stream(asOf.orderedIds(MID_YEAR, MatrixFilter.NONE, MatrixSort.BY_NAME))
                .boxed()
                .toList();
        assertThat(byName)
                .containsExactlyInAnyOrderElementsOf(
                        rows.stream().map(MatrixRow::modelId).toList());
        for (MatrixSort sort : everySort()) {
            if (sort.key().equals("name")) {
                continue;
            }
            List<Integer> expected = rows.stream()
                    .sorted(javaOrder(sort, byName))
                    .map(MatrixRow::modelId)
                    .toList();
            List<Integer> actual = Arrays.stream(asOf.orderedIds(MID_YEAR, MatrixFilter.NONE, sort))
                    .boxed()
                    .toList();
            assertThat(actual).as("sort %s", sort).isEqualTo(expected);
            List<Integer> page = asOf.page(MID_YEAR, MatrixFilter.NONE, sort, 5, 7).stream()
                    .map(MatrixRow::modelId)
                    .toList();
            assertThat(page).as("a page, sort %s", sort).isEqualTo(expected.subList(5, 12));
        }
        List<Integer> descendingNames = Arrays.stream(
                        asOf.orderedIds(MID_YEAR, MatrixFilter.NONE, new MatrixSort("name", true)))
                .boxed()
                .toList();
        assertThat(descendingNames).isEqualTo(byName.reversed());
    }

    /** The sort column (nulls last either way), then the names in the database's order as the tie-break. */
    private static Comparator<MatrixRow> javaOrder(MatrixSort sort, List<Integer> byName) {
        Function<MatrixRow, Comparable> key = switch (sort.key()) {
            case "family" -> MatrixRow::family;
            case "type" -> MatrixRow::type;
            case "size" -> r -> ModelSize.fromKey(r.size()).orElseThrow().rank();
            case "parameters" -> MatrixRow::parametersMillions;
            case "score" -> MatrixRow::score;
            case "recommended" ->
                r -> r.recommended() == null ? null : r.recommended().key();
            default ->
                r -> {
                    MatrixRow.Cell cell = r.cell(sort.platform().orElseThrow());
                    return cell == null ? null : cell.level().sortRank();
                };
        };
        Comparator<Comparable> values = sort.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(values)).thenComparing(r -> byName.indexOf(r.modelId()));
    }

    @Test
    void every_filter_as_of_mid_year_keeps_the_rows_java_keeps() {
        List<MatrixRow> rows = allRows(MID_YEAR);
        MatrixRow some = rows.get(rows.size() / 2);
        Map<MatrixFilter, Predicate<MatrixRow>> filters = new java.util.LinkedHashMap<>();
        filters.put(
                new MatrixFilter("BERT", null, null, null, null, null, null),
                r -> (r.name() + "\n" + r.family()).toLowerCase(Locale.ROOT).contains("bert"));
        filters.put(
                new MatrixFilter(null, some.family(), null, null, null, null, null),
                r -> r.family().equals(some.family()));
        filters.put(
                new MatrixFilter(null, null, ModelType.fromKey(some.type()).orElseThrow(), null, null, null, null),
                r -> r.type().equals(some.type()));
        filters.put(
                new MatrixFilter(
                        null, null, null, ModelSize.fromKey(some.size()).orElseThrow(), null, null, null),
                r -> r.size().equals(some.size()));
        for (ValidationStatus status : ValidationStatus.values()) {
            filters.put(
                    new MatrixFilter(null, null, null, null, null, status, null),
                    r -> r.cells().values().stream().anyMatch(c -> c.status() == status));
        }
        for (double min : new double[] {0.0, 0.2, 0.2625, 0.5, 0.7125, 0.9, 1.0}) {
            filters.put(new MatrixFilter(null, null, null, null, null, null, min), r -> r.score() >= min);
        }
        for (Platform platform : Platform.values()) {
            filters.put(
                    MatrixFilter.NONE.withPlatform(platform, PlatformState.SUPPORTED),
                    r -> r.cell(platform) != null && r.cell(platform).level().isSupported());
            filters.put(
                    MatrixFilter.NONE.withPlatform(platform, PlatformState.UNSUPPORTED),
                    r -> r.cell(platform) != null && r.cell(platform).level() == CompatibilityLevel.UNSUPPORTED);
            filters.put(
                    MatrixFilter.NONE.withPlatform(platform, PlatformState.NOT_TESTED), r -> r.cell(platform) == null);
        }
        filters.put(
                MatrixFilter.NONE
                        .withPlatform(Platform.CUDA, PlatformState.SUPPORTED)
                        .withPlatform(Platform.WEBNN, PlatformState.NOT_TESTED),
                r -> r.cell(Platform.CUDA) != null
                        && r.cell(Platform.CUDA).level().isSupported()
                        && r.cell(Platform.WEBNN) == null);
        filters.forEach((filter, keeps) -> {
            List<Integer> expected =
                    rows.stream().filter(keeps).map(MatrixRow::modelId).toList();
            List<Integer> actual = asOf.page(MID_YEAR, filter, MatrixSort.BY_NAME, 0, 1_000).stream()
                    .map(MatrixRow::modelId)
                    .toList();
            assertThat(actual).as("filter %s", filter).isEqualTo(expected);
            assertThat(asOf.count(MID_YEAR, filter)).as("count %s", filter).isEqualTo(expected.size());
        });
        assertThat(IntStream.of(asOf.orderedIds(MID_YEAR, MatrixFilter.NONE, MatrixSort.BY_NAME))
                        .count())
                .isEqualTo(rows.size());
    }
}
