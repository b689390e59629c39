package dev.compatmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.badge.query.BadgeQuery;
import dev.compatmatrix.compatibility.query.CoverageQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.compatibility.query.PlatformState;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.query.ClaimMarksQuery;
import dev.compatmatrix.modelpage.query.ModelDetailsQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The matrix (pages, counts, the rows the exports and the API read), the dashboard's coverage, the model page's
 * header, claims and marks, and the badges give the same answers on DuckDB and on PostgreSQL: two applications, one
 * on each, load the same demo data and are asked the same questions at the same instant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixReadsAgreeOnBothDatabasesTest {

    private static final List<MatrixFilter> FILTERS = List.of(
            MatrixFilter.NONE,
            new MatrixFilter("BERT", null, null, null, Map.of(), null, null),
            new MatrixFilter(
                    null, null, null, ModelSize.BASE, Map.of(Platform.WEBNN, PlatformState.SUPPORTED), null, 0.5),
            new MatrixFilter(
                    null,
                    null,
                    null,
                    null,
                    Map.of(Platform.CPU, PlatformState.NOT_TESTED, Platform.CUDA, PlatformState.UNSUPPORTED),
                    ValidationStatus.VALIDATED,
                    null));

    private BothDatabases both;

    @BeforeAll
    void start() {
        both = BothDatabases.start("matrix-agree");
    }

    @AfterAll
    void stop() {
        if (both != null) {
            both.close();
        }
    }

    @Test
    void the_matrix_pages_and_the_exported_rows_are_the_same_for_every_filter_and_sort() {
        both.assertSame(MatrixQuery.class, matrix -> {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (MatrixFilter filter : FILTERS) {
                answers.put("count " + filter, matrix.count(filter));
                for (String key : sortKeys()) {
                    for (boolean descending : List.of(false, true)) {
                        MatrixSort sort = new MatrixSort(key, descending);
                        answers.put("page " + sort + filter, comparable(matrix.page(filter, sort, 0, 50)));
                        answers.put("later page " + sort + filter, comparable(matrix.page(filter, sort, 7, 11)));
                        List<MatrixRow> all = new ArrayList<>();
                        matrix.forEachRow(filter, sort, all::add);
                        answers.put("all rows " + sort + filter, comparable(all));
                    }
                }
            }
            return answers;
        });
    }

    @Test
    void the_coverage_the_model_pages_and_the_badges_are_the_same() {
        both.assertSame(CoverageQuery.class, CoverageQuery::perPlatform);
        List<String> names = both.onDuckDb(JdbcClient.class)
                .sql("SELECT model_name FROM models ORDER BY model_id")
                .query(String.class)
                .list();
        assertThat(names).hasSize(43);
        List<Integer> ids = both.onDuckDb(JdbcClient.class)
                .sql("SELECT model_id FROM models ORDER BY model_id")
                .query(Integer.class)
                .list();
        // The model page keys the claims by platform: their order as read does not matter.
        both.assertSame(
                ModelDetailsQuery.class,
                details -> names.stream()
                        .map(name -> details.header(name)
                                .map(h -> List.of(
                                        h,
                                        details.claims(h.modelId()).stream()
                                                .collect(java.util.stream.Collectors.toMap(
                                                        c -> c.platform(),
                                                        c -> c,
                                                        (a, b) -> a,
                                                        () -> new EnumMap<>(Platform.class))))))
                        .toList());
        both.assertSame(
                ClaimMarksQuery.class,
                marks -> ids.stream()
                        .map(id -> List.of(marks.disputes(id), marks.objections(id)))
                        .toList());
        // The version is an opaque cache tag of each database; the rest is what the badge shows.
        both.assertSame(
                BadgeQuery.class,
                badges -> names.stream()
                        .flatMap(name -> java.util.Arrays.stream(Platform.values())
                                .map(p -> badges.find(name, p)
                                        .map(b -> List.of(
                                                b.modelId(),
                                                b.modelName(),
                                                String.valueOf(b.level()),
                                                String.valueOf(b.status())))))
                        .toList());
    }

    private static List<String> sortKeys() {
        List<String> keys = new ArrayList<>();
        for (MatrixSort.Column column : MatrixSort.Column.values()) {
            keys.add(column.key());
        }
        for (Platform platform : Platform.values()) {
            keys.add(platform.key());
        }
        return keys;
    }

    /** The rows with their cells in platform order, so two equal rows print alike. */
    private static List<String> comparable(List<MatrixRow> rows) {
        return rows.stream()
                .map(row -> row.withCells(new EnumMap<>(Platform.class)) + " " + new EnumMap<>(row.cells()))
                .toList();
    }

    /** The bean of each application answers the same; the answer is not empty, so the comparison means something. */
}
