package dev.compatmatrix.modelpage.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ClaimChange;
import dev.compatmatrix.matrix.store.ClaimRepository;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.matrix.store.Validation;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * "Supported since" on the model page and in the model API: a claim created, then raised at a chosen time shows the
 * raise (its date and version); a claim never changed since it was created shows its creation.
 */
class LevelSinceOnModelPageTest extends WritingKaribuTest {

    private static final String MODEL = "since-test/raised-model";
    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 9, 1, 10, 0);
    private static final LocalDateTime RAISED = LocalDateTime.of(2026, 10, 14, 9, 30);

    @Autowired
    CatalogService catalog;

    @Autowired
    MatrixWriter writer;

    @Autowired
    ClaimRepository claims;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext web;

    @Autowired
    ApiTokenService tokens;

    @BeforeEach
    void aClaimRaisedAfterItsCreationAndOneNeverChanged() {
        signIn("editor", Roles.EDITOR);
        if (catalog.find(MODEL).isPresent()) {
            return;
        }
        MlModel model =
                catalog.create(new ModelData(MODEL, "since", ModelType.TEXT_GENERATION, ModelSize.SMALL, 5.0, null));
        ModelRef ref = new ModelRef(
                model.modelId(),
                jdbc.sql("SELECT id FROM cross_platform_compatibility WHERE model_id = :id")
                        .param("id", model.modelId())
                        .query(Integer.class)
                        .single());
        List<Long> ids = claims.newIds(2);
        writer.writeClaims(
                List.of(
                        new ClaimChange.Create(
                                ids.get(0),
                                ref,
                                Platform.CUDA,
                                data(CompatibilityLevel.LOW, "torch 2.2.0"),
                                Validation.RESET,
                                "First run",
                                "torch 2.2.0"),
                        new ClaimChange.Create(
                                ids.get(1),
                                ref,
                                Platform.CPU,
                                data(CompatibilityLevel.MEDIUM, "ort 1.18"),
                                Validation.RESET,
                                "First run",
                                "ort 1.18")),
                List.of(entry(model)),
                "editor",
                CREATED);
        Claim cuda = claims.findAll(ref.compatibilityId()).stream()
                .filter(c -> c.platform() == Platform.CUDA)
                .findFirst()
                .orElseThrow();
        writer.writeClaims(
                List.of(ClaimChange.edit(
                        cuda, ref, data(CompatibilityLevel.HIGH, "torch 2.3.0"), "Fused kernels", "torch 2.3.0")),
                List.of(entry(model)),
                "editor",
                RAISED);
    }

    private static ClaimData data(CompatibilityLevel level, String version) {
        return new ClaimData(level, null, null, null, null, version, null, null, null, false);
    }

    private static AuditLog.Entry entry(MlModel model) {
        return new AuditLog.Entry(
                "claim.test", "compatibility_details", model.modelId(), "Level since test", null, Map.of());
    }

    private ModelView.PlatformClaim row(ModelView view, Platform platform) {
        return view.claims
                .getGenericDataView()
                .getItems()
                .filter(c -> c.platform() == platform)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_model_page_says_since_when_each_claim_has_had_its_level_and_the_version_that_set_it() {
        login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("models/" + MODEL);
        ModelView view = _get(ModelView.class);

        assertThat(view.levelSince(row(view, Platform.CUDA))).isEqualTo("High since 2026-10-14 · torch 2.3.0");
        assertThat(view.levelSince(row(view, Platform.CPU))).isEqualTo("Medium since 2026-09-01 · ort 1.18");
        assertThat(view.levelSince(row(view, Platform.ROCM))).as("not tested").isEmpty();
        assertThat(view.claims.getColumnByKey("since").getHeaderText()).isEqualTo("Since");
    }

    @Test
    void the_model_api_gives_each_claims_level_since_and_its_version() throws Exception {
        var api = IngestApiSupport.caller(web, tokens, ApiScope.READ);
        api.perform(get("/api/v1/models/" + MODEL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.platforms.cuda.level").value("high"))
                .andExpect(jsonPath("$.platforms.cuda.level_since").value("2026-10-14T09:30:00"))
                .andExpect(jsonPath("$.platforms.cuda.level_since_version").value("torch 2.3.0"))
                .andExpect(jsonPath("$.platforms.cpu.level_since").value("2026-09-01T10:00:00"))
                .andExpect(jsonPath("$.platforms.cpu.level_since_version").value("ort 1.18"))
                .andExpect(jsonPath("$.platforms.rocm").value(org.hamcrest.Matchers.nullValue()));
    }
}
