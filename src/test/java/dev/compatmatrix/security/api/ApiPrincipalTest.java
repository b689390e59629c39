package dev.compatmatrix.security.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.security.token.ApiToken;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pipeline-owner prefix is the kernel's: what a token's calls are named is what ingest recognises. */
class ApiPrincipalTest {

    @Test
    void a_token_s_calls_act_under_a_name_ingest_recognises_as_a_pipeline() {
        ApiToken token = new ApiToken(
                1,
                "nightly-ci",
                "cmx_abc",
                4,
                "nightly-ci",
                2,
                Set.of(),
                "admin",
                LocalDateTime.now(),
                LocalDateTime.now().plusDays(1),
                null,
                null);
        String name = new ApiPrincipal(token).name();
        assertThat(name).isEqualTo(Actor.pipeline("nightly-ci")).isEqualTo("api:nightly-ci");
        assertThat(Actor.isPipeline(name)).isTrue();
    }

    @Test
    void people_and_unknown_owners_are_not_pipelines() {
        assertThat(Actor.isPipeline("editor")).isFalse();
        assertThat(Actor.isPipeline("apiary")).isFalse();
        assertThat(Actor.isPipeline(null)).isFalse();
    }
}
