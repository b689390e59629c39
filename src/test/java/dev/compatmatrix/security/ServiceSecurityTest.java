package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.compatibility.CompatibilityService;
import dev.compatmatrix.compatibility.query.MatrixFilter;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.modelpage.ModelPageService;
import dev.compatmatrix.recommendation.RecommendationService;
import dev.compatmatrix.recommendation.query.RecommendationFilter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Services enforce their access rules themselves, whatever the UI shows. */
class ServiceSecurityTest extends IntegrationTest {

    @Autowired
    CompatibilityService service;

    @Autowired
    ModelPageService modelPage;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void reading_the_matrix_without_signing_in_is_refused() {
        assertThatThrownBy(() -> service.matrixCount(MatrixFilter.NONE))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> modelPage.modelOverview("bert-base-uncased"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> modelPage.performanceComparison("bert-base-uncased", null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_user_without_a_role_is_denied() {
        signIn();
        assertThatThrownBy(() -> service.matrixCount(MatrixFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.families()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void every_role_may_read() {
        for (String role : Roles.ALL) {
            signIn(role);
            assertThat(service.matrixCount(MatrixFilter.NONE)).as(role).isEqualTo(43);
            assertThat(modelPage.modelOverview("bert-base-uncased")).as(role).isPresent();
        }
    }

    @Autowired
    RecommendationService recommendations;

    @Test
    void reading_recommendations_needs_a_signed_in_role() {
        assertThatThrownBy(() -> recommendations.count(RecommendationFilter.NONE))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(recommendations::filterOptions)
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        signIn();
        assertThatThrownBy(() -> recommendations.platformTally(RecommendationFilter.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> recommendations.page(
                        RecommendationFilter.NONE,
                        dev.compatmatrix.recommendation.query.RecommendationSort.BY_MODEL,
                        0,
                        10))
                .isInstanceOf(AccessDeniedException.class);
        signIn(Roles.VIEWER);
        assertThat(recommendations.count(RecommendationFilter.NONE)).isPositive();
    }

    private static void signIn(String... roles) {
        var authorities = Roles.effective(List.of(roles)).stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("someone", null, authorities));
    }
}
