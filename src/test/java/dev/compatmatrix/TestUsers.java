package dev.compatmatrix;

import dev.compatmatrix.matrix.Roles;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signing in on the test's thread, for calling services directly. */
public final class TestUsers {

    private TestUsers() {}

    /** Signs in as a user with these stored roles (VIEWER added as the app does). */
    public static void signIn(String username, String... roles) {
        var authorities = Roles.effective(List.of(roles)).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
