package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.Roles;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** OWASP ASVS 7.1.3: access denials are logged with who asked for what. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventLogTest extends IntegrationTest {

    @Autowired
    UserAdminService users;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_refused_service_call_is_logged_with_the_user_and_the_method(CapturedOutput output) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "curious.editor", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.EDITOR))));
        assertThatThrownBy(() -> users.resetPassword("admin", "a new long password"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(output).contains("Access denied: curious.editor may not use UserAdminService.resetPassword");
    }
}
