package dev.compatmatrix.prediction;

import static dev.compatmatrix.prediction.TestNextFixture.A1;
import static dev.compatmatrix.prediction.TestNextFixture.A2;
import static dev.compatmatrix.prediction.TestNextFixture.A3;
import static dev.compatmatrix.prediction.TestNextFixture.B1;
import static dev.compatmatrix.prediction.TestNextFixture.entropy;
import static dev.compatmatrix.prediction.TestNextFixture.log2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.query.TestNextFilter;
import dev.compatmatrix.prediction.query.TestNextRow;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ranking rule of "What to test next" on a constructed set, its filters, paging, CSV and the untrained state. */
/** In the prediction tests' database of its own: its lists hold the demo data and the fixture, nothing else. */
class TestNextServiceTest extends TrainingTestSupport {

    private static final Set<String> FIXTURE = Set.of(A1, A2, A3, B1);

    @Autowired
    TestNextService service;

    @BeforeEach
    void fixture() {
        TestNextFixture.ensure(context);
        signIn("viewer", Roles.VIEWER);
    }

    /** The fixture's cells in the order the whole ranking lists them, as "model platform value". */
    private List<String> fixtureOrder(TestNextFilter filter) {
        return all(filter).stream()
                .filter(row -> FIXTURE.contains(row.modelName()))
                .map(row -> row.modelName() + " " + row.platform().key())
                .toList();
    }

    private List<TestNextRow> all(TestNextFilter filter) {
        return service.testNextPage(filter, 0, 500);
    }

    private TestNextRow row(TestNextFilter filter, String model) {
        return all(filter).stream()
                .filter(r -> r.modelName().equals(model))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void cells_are_ranked_by_entropy_times_log2_of_two_plus_the_shared_cells_ties_by_name() {
        long runId = TestNextFixture.adopt(context);
        TestNextFilter cuda = new TestNextFilter(Platform.CUDA, null, null);
        TestNextFilter rocm = new TestNextFilter(Platform.ROCM, null, null);

        assertThat(fixtureOrder(cuda)).containsExactly(A2 + " cuda", B1 + " cuda", A1 + " cuda");
        assertThat(fixtureOrder(rocm)).containsExactly(A1 + " rocm", A3 + " rocm", A2 + " rocm", B1 + " rocm");
        assertThat(service.testNextPage(new TestNextFilter(Platform.ROCM, TestNextFixture.FAMILY_A, null), 0, 50))
                .extracting(TestNextRow::modelName)
                .containsExactly(A1, A3, A2);

        TestNextRow a1 = row(cuda, A1);
        assertThat(a1.shared())
                .as("a2 shares family and type on CUDA; a3 has a claim there")
                .isEqualTo(1);
        assertThat(a1.entropy()).isCloseTo(entropy(0.97), within(1e-9));
        assertThat(a1.value()).isCloseTo(entropy(0.97) * log2(3), within(1e-9));
        assertThat(a1.predictionText()).isEqualTo("likely High · 97 %");
        assertThat(a1.prediction().runId()).isEqualTo(runId);
        TestNextRow a2 = row(rocm, A2);
        assertThat(a2.shared()).isEqualTo(2);
        assertThat(a2.value()).isCloseTo(entropy(0.40) * 2, within(1e-9));
        assertThat(row(cuda, A2).predictionText()).isEqualTo("no prediction");
        assertThat(row(cuda, A2).value()).isCloseTo(2 * log2(3), within(1e-9));
        assertThat(row(cuda, B1).shared()).isZero();
        assertThat(row(cuda, B1).value()).isCloseTo(2.0, within(1e-9));

        TestNextRow openvino = row(new TestNextFilter(Platform.OPENVINO, null, null), A1);
        assertThat(openvino.prediction())
                .as("OpenVINO does not beat the baseline")
                .isNull();
        assertThat(openvino.entropy()).isEqualTo(2.0);
    }

    @Test
    void the_whole_list_is_in_rank_order_and_holds_no_claimed_cell() {
        TestNextFixture.adopt(context);
        List<TestNextRow> rows = all(TestNextFilter.NONE);
        assertThat(rows)
                .isSortedAccordingTo(Comparator.comparingDouble(TestNextRow::value)
                        .reversed()
                        .thenComparing(TestNextRow::modelName)
                        .thenComparing(r -> r.platform().key()));
        assertThat(rows).noneMatch(r -> r.modelName().equals(A3) && r.platform() == Platform.CUDA);
        long claimedCells = jdbc.sql("""
                        SELECT count(*) FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id AND m.deleted_at IS NULL""").query(Long.class).single();
        long models = jdbc.sql("SELECT count(*) FROM models WHERE deleted_at IS NULL")
                .query(Long.class)
                .single();
        assertThat(service.testNextCount(TestNextFilter.NONE))
                .isEqualTo(models * Platform.values().length - claimedCells);
    }

    @Test
    void the_platform_and_type_filters_keep_only_their_cells_and_paging_agrees_with_the_count() {
        TestNextFixture.adopt(context);
        TestNextFilter rocm = new TestNextFilter(Platform.ROCM, null, null);
        List<TestNextRow> whole = all(rocm);
        assertThat(whole).isNotEmpty().allMatch(r -> r.platform() == Platform.ROCM);
        assertThat(service.testNextCount(rocm)).isEqualTo(whole.size());

        List<TestNextRow> paged = new ArrayList<>();
        for (int offset = 0; offset < whole.size(); offset += 7) {
            paged.addAll(service.testNextPage(rocm, offset, 7));
        }
        assertThat(paged).isEqualTo(whole);
        assertThat(service.testNextPage(rocm, whole.size(), 7)).isEmpty();

        TestNextFilter audioOnRocm = new TestNextFilter(Platform.ROCM, null, ModelType.AUDIO);
        assertThat(all(audioOnRocm)).isNotEmpty().allMatch(r -> r.type().equals("audio"));
        assertThat(service.testNextCount(audioOnRocm))
                .isEqualTo(all(audioOnRocm).size());
    }

    @Test
    void without_any_training_every_cell_is_two_bits_and_the_ranking_follows_the_shared_cells() {
        TestNextFixture.forgetTraining(jdbc);
        assertThat(service.adoptedRun()).isEmpty();
        List<TestNextRow> rows = all(TestNextFilter.NONE);
        assertThat(rows).isNotEmpty().allMatch(r -> r.prediction() == null && r.entropy() == 2.0);
        assertThat(rows)
                .isSortedAccordingTo(Comparator.comparingLong(TestNextRow::shared)
                        .reversed()
                        .thenComparing(TestNextRow::modelName)
                        .thenComparing(r -> r.platform().key()));
        assertThat(fixtureOrder(new TestNextFilter(Platform.CUDA, null, null)))
                .containsExactly(A1 + " cuda", A2 + " cuda", B1 + " cuda");
    }

    @Test
    void the_csv_lists_every_filtered_cell_in_rank_order_with_formulas_made_inert() throws Exception {
        TestNextFixture.adopt(context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.writeTestNextCsv(TestNextFilter.NONE, out);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
        List<TestNextRow> rows = all(TestNextFilter.NONE);
        assertThat(service.testNextCount(TestNextFilter.NONE)).isLessThanOrEqualTo(500);
        assertThat(records).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(records.get(i).get("rank")).isEqualTo(String.valueOf(i + 1));
            assertThat(records.get(i).get("platform"))
                    .isEqualTo(rows.get(i).platform().key());
        }
        CSVRecord a1 = records.stream()
                .filter(r -> r.get("model").equals(A1) && r.get("platform").equals("cuda"))
                .findFirst()
                .orElseThrow();
        assertThat(a1.get("prediction")).isEqualTo("likely High · 97 %");
        assertThat(a1.get("predicted_level")).isEqualTo("high");
        assertThat(a1.get("predicted_probability")).isEqualTo("0.9700");
        assertThat(a1.get("shared_cells")).isEqualTo("1");
        CSVRecord formula = records.stream()
                .filter(r -> r.get("model").endsWith(TestNextFixture.FORMULA_NAME))
                .findFirst()
                .orElseThrow();
        assertThat(formula.get("model")).isEqualTo("'" + TestNextFixture.FORMULA_NAME);
        assertThat(formula.get("family")).isEqualTo("'" + TestNextFixture.FORMULA_FAMILY);
        assertThat(formula.get("prediction")).isEqualTo("no prediction");
    }
}
