package dev.compatmatrix.prediction.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.PredictionTrainingService;
import dev.compatmatrix.prediction.ScriptedLearner;
import dev.compatmatrix.prediction.TrainingTestSupport;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code GET /api/v1/predictions/evaluation} through the real filter chains. */
class PredictionEvaluationApiTest extends TrainingTestSupport {

    private static final String PATH = "/api/v1/predictions/evaluation";

    @Autowired
    WebApplicationContext web;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PredictionTrainingService training;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private String token(ApiScope... scopes) {
        String secret = IngestApiSupport.token(tokens, "nightly-ci", scopes);
        SecurityContextHolder.clearContext();
        return secret;
    }

    private long adoptARun(double accuracy, double macroF1) {
        learner.willReturn(ScriptedLearner.learnt(accuracy, macroF1, List.of()));
        signIn("admin", Roles.ADMIN);
        long run = training.trainNow();
        awaitFinished(run);
        SecurityContextHolder.clearContext();
        return run;
    }

    @Test
    void a_read_token_gets_the_adopted_runs_evaluation_and_the_newest_runs() throws Exception {
        long adopted = adoptARun(0.81, 0.66);
        long refused = adoptARun(0.70, 0.50);

        mvc.perform(get(PATH).header("Authorization", "Bearer " + token(ApiScope.READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.adopted.run_id").value(adopted))
                .andExpect(jsonPath("$.adopted.finished_at").exists())
                .andExpect(jsonPath("$.adopted.claims_used").value(320))
                .andExpect(jsonPath("$.adopted.overall.accuracy").value(0.81))
                .andExpect(jsonPath("$.adopted.overall.macro_f1").value(0.66))
                .andExpect(jsonPath("$.adopted.baseline.ece").value(0.12))
                .andExpect(
                        jsonPath("$.adopted.levels").value(Matchers.contains("high", "medium", "low", "unsupported")))
                .andExpect(jsonPath("$.adopted.platforms.length()").value(8))
                .andExpect(jsonPath("$.adopted.platforms[1].platform").value("cuda"))
                .andExpect(jsonPath("$.adopted.platforms[1].predictions_shown").value(true))
                .andExpect(jsonPath("$.adopted.platforms[1].confusion[1]").value(Matchers.contains(3, 9, 1, 0)))
                .andExpect(jsonPath("$.runs[*].run_id").value(Matchers.contains((int) refused, (int) adopted)))
                .andExpect(jsonPath("$.runs[0].state").value("not_adopted"))
                .andExpect(jsonPath("$.runs[0].message").value(Matchers.startsWith("Macro-F1 0.500 < adopted run")))
                .andExpect(jsonPath("$.runs[1].trigger").value("admin"))
                .andExpect(jsonPath("$.runs[1].requested_by").value("admin"));

        mvc.perform(get(PATH).param("runs", "1").header("Authorization", "Bearer " + token(ApiScope.READ)))
                .andExpect(jsonPath("$.runs.length()").value(1));
    }

    @Test
    void before_any_adopted_run_the_evaluation_is_null() throws Exception {
        mvc.perform(get(PATH).header("Authorization", "Bearer " + token(ApiScope.READ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.adopted").doesNotExist())
                .andExpect(jsonPath("$.runs.length()").value(0));
    }

    @Test
    void without_a_token_it_is_401_and_without_the_read_scope_403() throws Exception {
        mvc.perform(get(PATH)).andExpect(status().isUnauthorized());
        mvc.perform(get(PATH).header("Authorization", "Bearer " + token(ApiScope.RESULTS_WRITE)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not allowed"));
    }

    @Test
    void an_unusable_runs_value_or_an_unknown_parameter_is_refused_by_name() throws Exception {
        String reader = token(ApiScope.READ);
        mvc.perform(get(PATH).param("runs", "51").header("Authorization", "Bearer " + reader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalid_parameters[0]").value("runs=51 (a whole number from 0 to 50)"));
        mvc.perform(get(PATH).param("model", "x").header("Authorization", "Bearer " + reader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.accepted_parameters").value(Matchers.contains("runs")));
    }

    @Test
    void the_openapi_document_describes_it() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['" + PATH + "'].get.parameters[?(@.name == 'runs')].schema.maximum")
                        .value(Matchers.contains(50)))
                .andExpect(jsonPath("$.components.schemas.ApiEvaluation.properties.adopted")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.Platform.properties.predictions_shown")
                        .exists());
    }
}
