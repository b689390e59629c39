package dev.compatmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.admin.importing.ImportProgress;
import dev.compatmatrix.admin.importing.ImportService;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.SqlRanks;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import dev.compatmatrix.validation.ValidationService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * Matrix pages read their ids from the matrix row alone (V0023): the model's name, family, type, size (and its rank)
 * and parameters kept there, and the support flags, level ranks, score and recommended platform derived from the
 * claims. After every kind of write through the services — model added, renamed, its family, parameters, type and
 * size edited, deleted; claims created, changed, removed; reviews; an ingest batch; dispute resolutions both ways; an
 * import — the matrix rows equal what {@code models} and the claims give, and every sort orders the models as
 * sorting {@code models} itself does (ties by name ascending). Runs on DuckDB and, with
 * {@code -Dcompat.test.database=postgresql}, on PostgreSQL.
 */
class MatrixRowFollowsEveryWriteTest extends WritingIntegrationTest {

    private static final String PREFIX = "rowkeys-";

    @Autowired
    CatalogService catalog;

    @Autowired
    ClaimService claims;

    @Autowired
    ValidationService validation;

    @Autowired
    ImportService imports;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    WebApplicationContext web;

    @Autowired
    MatrixQuery matrix;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_matrix_rows_follow_models_and_claims_after_every_kind_of_write() throws Exception {
        signIn("admin", Roles.ADMIN);
        MlModel alpha = catalog.create(model("alpha", "rowkeys-fam", ModelType.VISION, ModelSize.SMALL, 12.5));
        MlModel beta = catalog.create(model("beta", "rowkeys-fam", ModelType.AUDIO, ModelSize.TINY, null));
        holds("models added");

        alpha = catalog.update(alpha, with(alpha.data(), "alpha-renamed", null, null, null, null));
        holds("renamed");
        alpha = catalog.update(alpha, with(alpha.data(), null, "aaa-rowkeys-family", null, null, null));
        holds("family edited");
        alpha = catalog.update(alpha, with(alpha.data(), null, null, null, null, 7_000.0));
        holds("parameters edited");
        beta = catalog.update(beta, with(beta.data(), null, null, null, null, 3.0));
        holds("parameters set where there were none");
        alpha = catalog.update(alpha, with(alpha.data(), null, null, ModelType.TEXT_GENERATION, null, null));
        holds("type edited");
        alpha = catalog.update(alpha, with(alpha.data(), null, null, null, ModelSize.XXL, null));
        holds("size edited");

        signIn("editor", Roles.EDITOR);
        String alphaName = alpha.data().name();
        Claim cuda = claims.create(alphaName, Platform.CUDA, level(CompatibilityLevel.HIGH), note("First run"));
        claims.create(alphaName, Platform.ROCM, level(CompatibilityLevel.MEDIUM), note("First run"));
        Claim cpu = claims.create(alphaName, Platform.CPU, level(CompatibilityLevel.LOW), note("First run"));
        holds("claims created");
        cpu = claims.update(cpu, level(CompatibilityLevel.HIGH), note("Faster kernels"));
        holds("a claim's level changed");
        claims.remove(claims.find(alphaName, Platform.ROCM).orElseThrow(), "Not reproducible");
        holds("a claim removed");

        signIn("validator3", Roles.VALIDATOR);
        validation.approve(ClaimRef.of(cuda), null);
        validation.reject(ClaimRef.of(claims.find(alphaName, Platform.CPU).orElseThrow()), "Could not reproduce");
        holds("reviews");

        // Low on every platform of both models: new claims where untested, disputes where claimed higher.
        IngestApiSupport.caller(web, tokens, ApiScope.RESULTS_WRITE)
                .perform(post("/api/v1/results")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batch(List.of(alphaName, beta.data().name()))))
                .andExpect(status().isCreated());
        holds("an ingest batch");

        signIn("validator3", Roles.VALIDATOR);
        validation.keepClaim(ClaimRef.of(claims.find(alphaName, Platform.CUDA).orElseThrow()), "Re-ran it: High holds");
        validation.takeAutomatedLevel(
                ClaimRef.of(claims.find(alphaName, Platform.CPU).orElseThrow()), "CI is right");
        holds("disputes resolved both ways");

        signIn("admin", Roles.ADMIN);
        imports.apply("rowkeys.csv", importFile(alphaName), ImportProgress.NONE);
        holds("an import that adds a model and changes claims of another");

        catalog.delete(catalog.find(beta.data().name()).orElseThrow(), "Retired");
        holds("a model deleted");
    }

    /** The invariants after a write, and every sort's order as sorting models gives it. */
    private void holds(String after) {
        assertThat(MatrixInvariants.matrixRowsNotFollowingModels(jdbc))
                .as("model columns after " + after)
                .isEmpty();
        assertThat(MatrixInvariants.derivedColumnsNotFollowingClaims(jdbc, PREFIX + "%"))
                .as("derived columns after " + after)
                .isEmpty();
        List<String> keys = new ArrayList<>(Arrays.stream(MatrixSort.Column.values())
                .map(MatrixSort.Column::key)
                .toList());
        Arrays.stream(Platform.values()).map(Platform::key).forEach(keys::add);
        for (String key : keys) {
            for (boolean descending : List.of(false, true)) {
                MatrixSort sort = new MatrixSort(key, descending);
                assertThat(Arrays.stream(matrix.orderedIds(MatrixFilter.NONE, sort))
                                .boxed()
                                .toList())
                        .as("order by %s %s after %s", key, descending ? "desc" : "asc", after)
                        .isEqualTo(sortedByModels(sort));
            }
        }
    }

    /** The order as sorting models (joined to their matrix rows for the derived columns) gives it. */
    private List<Integer> sortedByModels(MatrixSort sort) {
        String column = sort.platform().isPresent()
                ? "c." + sort.platform().get().levelRankColumn()
                : switch (sort.key()) {
                    case "family" -> "m.model_family";
                    case "type" -> "m.model_type";
                    case "size" -> SqlRanks.sizeRank("m.model_size");
                    case "parameters" -> "m.parameters_millions";
                    case "score" -> "c.compatibility_score";
                    case "recommended" -> "c.recommended_platform";
                    default -> null;
                };
        String direction = sort.descending() ? " DESC" : " ASC";
        String order =
                column == null ? "m.model_name" + direction : column + direction + " NULLS LAST, m.model_name ASC";
        return jdbc.sql("SELECT m.model_id FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id"
                        + " WHERE m.deleted_at IS NULL ORDER BY " + order)
                .query(Integer.class)
                .list();
    }

    private static ModelData model(String name, String family, ModelType type, ModelSize size, Double parameters) {
        return new ModelData(PREFIX + name, family, type, size, parameters, null);
    }

    /** The data with the given fields changed (null: kept). */
    private static ModelData with(
            ModelData data, String name, String family, ModelType type, ModelSize size, Double parameters) {
        return new ModelData(
                name == null ? data.name() : PREFIX + name,
                family == null ? data.family() : family,
                type == null ? data.type() : type,
                size == null ? data.size() : size,
                parameters == null ? data.parametersMillions() : parameters,
                data.sourceUrl());
    }

    private static ClaimData level(CompatibilityLevel level) {
        return new ClaimData(level, null, null, null, null, "2.6", null, null, null, false);
    }

    private static ChangeNote note(String reason) {
        return new ChangeNote(reason, "2.6");
    }

    private static String batch(List<String> models) {
        List<String> results = new ArrayList<>();
        for (String model : models) {
            for (Platform platform : Platform.values()) {
                results.add("""
                        {"model": "%s", "hardware": "%s", "level": "low", "evidence": {"run": "rowkeys-run",
                          "framework_version": "torch 2.6.0"}}""".formatted(model, platform.key()));
            }
        }
        return "{\"batch_id\": \"rowkeys-batch\", \"results\": [%s]}".formatted(String.join(",", results));
    }

    /** A new model with two claims, and a changed and a new claim of an existing model. */
    private static byte[] importFile(String existing) {
        return ("""
                model,family,type,size,hardware,level,reason
                %1$sgamma,rowkeys-imported,multimodal,xl,cpu,medium,Imported
                %1$sgamma,rowkeys-imported,multimodal,xl,webgpu,low,Imported
                %2$s,aaa-rowkeys-family,text_generation,xxl,mps,high,Imported
                %2$s,aaa-rowkeys-family,text_generation,xxl,cuda,medium,Imported
                """.formatted(PREFIX, existing)).getBytes(StandardCharsets.UTF_8);
    }
}
