package dev.compatmatrix.compatibility.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.compatibility.query.AsOfMatrixQuery;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.compatibility.query.MatrixSort;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code GET /api/v1/matrix?asOf=…} and the export as of a date, through the real API security chain. */
class AsOfMatrixApiTest extends IntegrationTest {

    private static final PointInTime MID_YEAR = PointInTime.endOf(LocalDate.of(2026, 6, 1));

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AsOfMatrixQuery asOf;

    MockMvc mvc;
    String reader;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        reader = IngestApiSupport.token(tokens, "nightly-ci", ApiScope.READ);
    }

    private ResultActions read(String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + reader));
    }

    @Test
    void the_matrix_as_of_a_date_says_which_and_pages_the_rows_of_then() throws Exception {
        MatrixFilter cudaSupported = MatrixFilter.NONE.withPlatform(
                Platform.CUDA, dev.compatmatrix.compatibility.query.PlatformState.SUPPORTED);
        long total = asOf.count(MID_YEAR, cudaSupported);
        String first = asOf.page(MID_YEAR, cudaSupported, new MatrixSort("score", true), 0, 1)
                .getFirst()
                .name();
        read("/api/v1/matrix?asOf=2026-06-01&platform=cuda:supported&sort=-score&limit=3")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.as_of").value("2026-06-01"))
                .andExpect(jsonPath("$.total").value(total))
                .andExpect(jsonPath("$.items", hasSize((int) Math.min(3, total))))
                .andExpect(jsonPath("$.items[0].model").value(first));
        assertThat(total).isLessThan(asOf.count(MID_YEAR, MatrixFilter.NONE));
        read("/api/v1/matrix?limit=1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.as_of").doesNotExist())
                .andExpect(jsonPath("$.total").value(43));
        read("/api/v1/matrix?asOf=2026-11-27&limit=1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.as_of").doesNotExist())
                .andExpect(jsonPath("$.total").value(43));
    }

    @Test
    void a_bad_as_of_is_a_400_naming_as_of() throws Exception {
        for (String bad : new String[] {"2030-01-01", "2019-01-01", "2026-02-30", "last-tuesday"}) {
            read("/api/v1/matrix?asOf=" + bad)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.invalid_parameters", hasSize(1)))
                    .andExpect(jsonPath("$.invalid_parameters[0]").value(startsWith("asOf: ")));
        }
        read("/api/v1/matrix/export?format=csv&asOf=2030-01-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters[0]").value(startsWith("asOf: 2030-01-01 is in the future")));
    }

    @Test
    void the_export_as_of_a_date_says_so_in_its_title() throws Exception {
        String markdown = read("/api/v1/matrix/export?format=markdown&asOf=2026-06-01")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(markdown.lines().findFirst().orElseThrow())
                .startsWith("# Compatibility matrix as of the end of 2026-06-01 (UTC) · filter: none");
        assertThat(markdown).contains(asOf.count(MID_YEAR, MatrixFilter.NONE) + " models.");
        read("/api/v1/matrix/export?format=json&asOf=2026-06-01")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.as_of").value("2026-06-01"))
                .andExpect(jsonPath("$.count").value(asOf.count(MID_YEAR, MatrixFilter.NONE)));
    }

    @Test
    void the_openapi_document_describes_as_of() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/matrix'].get.parameters[?(@.name == 'asOf')]")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/matrix/export'].get.parameters[?(@.name == 'asOf')]")
                        .exists());
    }
}
