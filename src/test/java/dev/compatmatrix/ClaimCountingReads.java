package dev.compatmatrix;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.export.ExportFormat;
import dev.compatmatrix.compatibility.export.ExportService;
import dev.compatmatrix.compatibility.export.ExportServices;
import dev.compatmatrix.compatibility.query.CoverageQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixRow;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.dashboard.DashboardService;
import dev.compatmatrix.dashboard.DashboardSnapshot;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.recommendation.RecommendationService;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import dev.compatmatrix.recommendation.query.RecommendationSort;
import dev.compatmatrix.validation.ValidationService;
import dev.compatmatrix.validation.query.QueueFilter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Everything that counts claims, each as text, read as the people and programs who use it do: coverage, scores and
 * recommended platforms, recommendations, the dashboard, every export (also byte for byte at a fixed time), the API's
 * matrix and export, the validation queue. A test compares the reads before and after something that must count
 * nowhere (predictions, users' reports).
 */
public final class ClaimCountingReads {

    /** The keys of the validation queue's reads (users' reports raise claims there, by design). */
    public static final List<String> QUEUE = List.of("validation queue", "validation queue count");

    private final WebApplicationContext context;

    public ClaimCountingReads(WebApplicationContext context) {
        this.context = context;
    }

    public Map<String, String> everything(String token) throws Exception {
        CoverageQuery coverage = context.getBean(CoverageQuery.class);
        CompatibilityService compatibility = context.getBean(CompatibilityService.class);
        RecommendationService recommendations = context.getBean(RecommendationService.class);
        DashboardService dashboard = context.getBean(DashboardService.class);
        MatrixQuery matrix = context.getBean(MatrixQuery.class);
        Map<String, String> read = new LinkedHashMap<>();
        TestUsers.signIn("viewer", Roles.VIEWER);
        read.put("coverage per platform", coverage.perPlatform().toString());
        List<MatrixRow> rows = compatibility.matrixPage(MatrixFilter.NONE, MatrixSort.BY_NAME, 0, 500);
        read.put(
                "scores and recommended platforms",
                rows.stream()
                        .map(r -> r.name() + " " + r.score() + " " + r.recommended() + " " + r.cells())
                        .toList()
                        .toString());
        read.put(
                "recommendations",
                recommendations
                        .page(RecommendationFilter.NONE, RecommendationSort.BY_MODEL, 0, 1000)
                        .toString());
        read.put(
                "recommended platforms tally",
                recommendations.platformTally(RecommendationFilter.NONE).toString());
        DashboardSnapshot figures = dashboard.snapshot(0);
        read.put(
                "dashboard",
                figures.coverage() + " " + Arrays.toString(figures.scoreBuckets()) + " "
                        + figures.families().families().stream()
                                .map(f -> f.family() + " " + f.models() + " " + Arrays.toString(f.supportedModels()))
                                .toList()
                        + " " + figures.families().total() + " " + figures.recentChanges());
        for (ExportFormat format : ExportFormat.values()) {
            read.put("export " + format.key(), withoutGeneratedTime(export(format, false)));
        }
        // The exporter itself at a fixed time: the files, byte for byte.
        ExportService atFixedTime =
                ExportServices.over(matrix, Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
        for (ExportFormat format : ExportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            atFixedTime.export(MatrixFilter.NONE, MatrixSort.BY_NAME, format, out);
            read.put("export " + format.key() + " at a fixed time, bytes", Arrays.toString(out.toByteArray()));
        }
        read.put("/api/v1/matrix", api(token, "/api/v1/matrix?limit=500"));
        read.put(
                "/api/v1/matrix/export csv",
                withoutGeneratedTime(api(token, "/api/v1/matrix/export?format=csv&includePredictions=false")));
        TestUsers.signIn("validator3", Roles.VALIDATOR);
        ValidationService validation = context.getBean(ValidationService.class);
        read.put(QUEUE.get(0), validation.queuePage(QueueFilter.ALL, 0, 1000).toString());
        read.put(QUEUE.get(1), String.valueOf(validation.queueCount(QueueFilter.ALL)));
        SecurityContextHolder.clearContext();
        return read;
    }

    public String export(ExportFormat format, boolean predictions) throws Exception {
        ExportService exports = context.getBean(ExportService.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (predictions) {
            exports.exportWithPredictions(MatrixFilter.NONE, MatrixSort.BY_NAME, format, out);
        } else {
            exports.export(MatrixFilter.NONE, MatrixSort.BY_NAME, format, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The export's own time (to the second, in the title or "generated_at") is the one thing allowed to differ. */
    public static String withoutGeneratedTime(String export) {
        return export.replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?(Z| UTC)", "<time>");
    }

    public String api(String token, String url) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        return mvc.perform(get(url).header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
