package dev.compatmatrix.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.ingest.IngestService;
import dev.compatmatrix.ingest.ResultBatch;
import dev.compatmatrix.matrix.Roles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

class ApiTokenServiceTest extends WritingIntegrationTest {

    @Autowired
    ApiTokenService tokens;

    @Autowired
    ApiTokenAuthenticator authenticator;

    @Autowired
    IngestService ingest;

    @Autowired
    JdbcClient jdbc;

    private int nightlyCi() {
        return tokens.automatedValidators().stream()
                .filter(v -> v.name().equals("nightly-ci"))
                .findFirst()
                .orElseThrow()
                .validatorId();
    }

    @Test
    void an_admin_creates_a_token_whose_secret_is_shown_once_and_stored_only_as_a_hash() {
        signIn("admin", Roles.ADMIN);
        var created = tokens.create("nightly pipeline", nightlyCi(), Set.of(ApiScope.RESULTS_WRITE, ApiScope.READ), 90);
        assertThat(created.secret()).startsWith("cmc_").hasSize(44);
        assertThat(created.token().prefix()).isEqualTo(created.secret().substring(0, 12));
        assertThat(created.token().scopes()).containsExactlyInAnyOrder(ApiScope.RESULTS_WRITE, ApiScope.READ);
        String stored = jdbc.sql("SELECT token_hash FROM api_tokens WHERE token_id = :id")
                .param("id", created.token().tokenId())
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).doesNotContain(created.secret().substring(4));
        assertThat(tokens.list()).extracting(ApiToken::name).contains("nightly pipeline");
        assertThat(authenticator.authenticate(created.secret()))
                .map(ApiToken::tokenId)
                .contains(created.token().tokenId());

        tokens.revoke(created.token().tokenId());
        assertThat(authenticator.authenticate(created.secret())).isEmpty();
        long audited = jdbc.sql(
                        "SELECT count(*) FROM audit_log WHERE action IN ('token.create', 'token.revoke') AND entity_id = :id")
                .param("id", String.valueOf(created.token().tokenId()))
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void a_token_belongs_to_an_automated_validator_and_has_a_scope_and_a_bounded_life() {
        signIn("admin", Roles.ADMIN);
        int human = jdbc.sql("SELECT min(validator_id) FROM validators WHERE type = 'human'")
                .query(Integer.class)
                .single();
        assertThatThrownBy(() -> tokens.create("x", human, Set.of(ApiScope.READ), 30))
                .hasMessageContaining("automated validator");
        assertThatThrownBy(() -> tokens.create("x", nightlyCi(), Set.of(), 30)).hasMessageContaining("scope");
        assertThatThrownBy(() -> tokens.create("x", nightlyCi(), Set.of(ApiScope.READ), 400))
                .hasMessageContaining("days");
        assertThatThrownBy(() -> tokens.create(" ", nightlyCi(), Set.of(ApiScope.READ), 30))
                .hasMessageContaining("name");
    }

    @Test
    void only_admins_manage_tokens() {
        assertThatThrownBy(() -> tokens.list()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        for (String role : List.of(Roles.VIEWER, Roles.EDITOR, Roles.VALIDATOR)) {
            signIn("someone", role);
            assertThatThrownBy(() -> tokens.list()).as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tokens.create("x", nightlyCi(), Set.of(ApiScope.READ), 30))
                    .as(role)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tokens.revoke(1)).as(role).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void people_cannot_ingest_even_as_admin_only_a_token_with_the_write_scope_can() {
        signIn("admin", Roles.ADMIN);
        var batch = new ResultBatch("people", List.of());
        assertThatThrownBy(() -> ingest.ingest(batch, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void junk_and_unknown_secrets_do_not_authenticate() {
        assertThat(authenticator.authenticate(null)).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
        assertThat(authenticator.authenticate("cmc_short")).isEmpty();
        assertThat(authenticator.authenticate("cmc_" + "b".repeat(40))).isEmpty();
        assertThat(authenticator.authenticate("xyz_" + "b".repeat(40))).isEmpty();
    }
}
