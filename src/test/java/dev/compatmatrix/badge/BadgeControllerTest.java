package dev.compatmatrix.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.compatibility.query.MatrixQuery;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.ModelData;
import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ModelPageService;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code GET /badge/{model}/{platform}.svg} through the browser's real filter chain. */
class BadgeControllerTest extends WritingIntegrationTest {

    /** A demo model whose name has a slash, so the path has three segments. */
    static final String BADGE = "/badge/prajjwal1/bert-tiny/cuda.svg";

    @Autowired
    WebApplicationContext context;

    @Autowired
    BadgeService badges;

    @Autowired
    ModelPageService compatibility;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @AfterEach
    void badgesPrivateAgain() {
        signIn("admin", Roles.ADMIN);
        badges.setBadgesPublic(false);
    }

    @Test
    void while_badges_are_not_public_anonymous_callers_are_refused_and_signed_in_users_see_them() throws Exception {
        assertThat(badges.badgesPublic()).isFalse();
        mvc.perform(get(BADGE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("image/svg+xml;charset=UTF-8"))
                .andExpect(content().string(Matchers.containsString("sign in")));

        var login = mvc.perform(formLogin("/login").user("viewer").password("viewer"))
                .andReturn();
        var session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get(BADGE).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">" + expectedMessage() + "<")))
                // Not for shared caches: a proxy must not hand it to people who are not signed in.
                .andExpect(header().string("Cache-Control", "max-age=300, private"));
    }

    @Test
    void only_an_admin_makes_badges_public_and_the_change_is_audited() {
        signIn("editor", Roles.EDITOR, Roles.VALIDATOR);
        assertThatThrownBy(() -> badges.setBadgesPublic(true)).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThat(badges.badgesPublic()).isFalse();

        signIn("admin", Roles.ADMIN);
        long audited = audits();
        badges.setBadgesPublic(true);

        assertThat(badges.badgesPublic()).isTrue();
        assertThat(audits()).isEqualTo(audited + 1);
        assertThat(jdbc.sql("SELECT value FROM app_settings WHERE name = 'badges.public'")
                        .query(String.class)
                        .single())
                .isEqualTo("true");
    }

    @Test
    void public_badges_are_svg_for_anyone_with_the_level_word_caching_and_an_etag_that_answers_304() throws Exception {
        makePublic();

        var response = mvc.perform(get(BADGE))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/svg+xml;charset=UTF-8"))
                .andExpect(header().string("Cache-Control", "max-age=300, public"))
                .andExpect(content().string(Matchers.startsWith("<svg ")))
                .andExpect(content().string(Matchers.containsString(">" + expectedMessage() + "<")))
                .andExpect(content().string(Matchers.containsString(">CUDA<")))
                .andReturn()
                .getResponse();
        String etag = response.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        mvc.perform(get(BADGE).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));
        mvc.perform(get(BADGE).header("If-None-Match", "\"something-else\"")).andExpect(status().isOk());
    }

    @Test
    void a_new_claim_changes_the_badge_and_its_etag(@Autowired CatalogService catalog, @Autowired ClaimService claims)
            throws Exception {
        makePublic();
        signIn("editor", Roles.EDITOR);
        if (catalog.find("acme/badge-me").isEmpty()) {
            catalog.create(new ModelData("acme/badge-me", "acme", ModelType.VISION, ModelSize.TINY, 5.0, null));
        }
        var untested = mvc.perform(get("/badge/acme/badge-me/webgpu.svg"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">Not tested<")))
                .andExpect(content().string(Matchers.containsString(BadgeSvg.GREY)))
                .andReturn()
                .getResponse();

        signIn("editor", Roles.EDITOR); // a request through the filter chain clears this thread's sign-in
        claims.create(
                "acme/badge-me",
                Platform.WEBGPU,
                new ClaimData(CompatibilityLevel.LOW, null, null, null, null, "0.20", null, null, null, false),
                new ChangeNote("first run", "0.20"));

        mvc.perform(get("/badge/acme/badge-me/webgpu.svg").header("If-None-Match", untested.getHeader("ETag")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", Matchers.not(untested.getHeader("ETag"))))
                .andExpect(content().string(Matchers.containsString(">Low ○<")));
    }

    @Test
    void a_stale_or_disputed_claims_badge_shows_the_matrix_marks_in_its_text_and_title(@Autowired MatrixQuery matrix)
            throws Exception {
        makePublic();
        // A newer automated result that disagrees with bert-base-uncased's Qualcomm claim disputes it, whatever
        // other writing tests did to the claim.
        int modelId = jdbc.sql("SELECT model_id FROM models WHERE model_name = 'bert-base-uncased'")
                .query(Integer.class)
                .single();
        String level = matrix.rows(List.of(modelId))
                .getFirst()
                .cell(Platform.QUALCOMM)
                .level()
                .key();
        jdbc.sql("""
                INSERT INTO automated_results (model_id, hardware_type, validator_id, reported_level, evidence_run,
                                               framework_version, reported_at)
                SELECT :model, 'qualcomm', validator_id, :level, 'badge-test-run', 'QNN 9', now()::TIMESTAMP
                FROM validators WHERE name = 'nightly-ci'""")
                .param("model", modelId)
                .param("level", level.equals("low") ? "unsupported" : "low")
                .update();

        var cells = matrix.rows(List.of(modelId)).getFirst().cells();
        assertThat(cells.get(Platform.QUALCOMM).disputed()).isTrue();
        for (Platform platform : Platform.values()) {
            var cell = cells.get(platform);
            String text = cell.level().label() + " " + cell.status().mark() + (cell.stale() ? " ◷" : "")
                    + (cell.disputed() ? " ⚠" : "");
            String title = ": " + cell.level().label() + " · " + cell.status().label()
                    + (cell.stale() ? " (validation stale)" : "")
                    + (cell.disputed() ? " (disputed by an automated result)" : "")
                    + "</title>";
            mvc.perform(get("/badge/bert-base-uncased/" + platform.key() + ".svg"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(">" + text + "</text>")))
                    .andExpect(content().string(Matchers.containsString(title)));
        }
    }

    @Test
    void an_unknown_model_or_platform_or_path_is_a_404_unknown_badge() throws Exception {
        makePublic();
        for (String path : new String[] {
            "/badge/no-such/model/cuda.svg",
            "/badge/prajjwal1/bert-tiny/tpu.svg",
            "/badge/prajjwal1/bert-tiny/cuda.png",
            "/badge/cuda.svg"
        }) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType("image/svg+xml;charset=UTF-8"))
                    .andExpect(content().string(Matchers.containsString("unknown")))
                    .andExpect(header().doesNotExist("ETag"));
        }
    }

    private void makePublic() {
        signIn("admin", Roles.ADMIN);
        badges.setBadgesPublic(true);
        SecurityContextHolder.clearContext();
    }

    /** The level word and validation mark the matrix shows for bert-tiny on CUDA. */
    private String expectedMessage() {
        signIn("viewer", Roles.VIEWER);
        try {
            var model = compatibility.modelOverview("prajjwal1/bert-tiny").orElseThrow();
            var claim = model.claims().get(Platform.CUDA);
            var marks = model.marks(Platform.CUDA);
            return claim.level().label() + " " + claim.status().mark() + (marks.stale() ? " ◷" : "")
                    + (marks.disputed() ? " ⚠" : "");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long audits() {
        return jdbc.sql(
                        "SELECT count(*) FROM audit_log WHERE action = 'settings.update' AND entity_id = 'badges.public'")
                .query(Long.class)
                .single();
    }
}
