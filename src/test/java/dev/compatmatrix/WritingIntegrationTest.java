package dev.compatmatrix;

import dev.compatmatrix.security.Roles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Like {@link IntegrationTest}, over a database of its own (demo data loaded), for tests that write: the
 * read-only tests keep their exact demo data.
 */
@SpringBootTest(properties = "compat.demo.enabled=true")
@Import(TestClock.class)
public abstract class WritingIntegrationTest {

    private static final Path DATABASE = TestDatabases.newFile("write");

    @Autowired
    private ApplicationContext springContext;

    @BeforeEach
    void useThisContextsSecurityStrategy() {
        SecurityContextStrategyReset.useStrategyOf(springContext);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("compat.db.path", DATABASE::toString);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Signs in on the current thread as a user with these stored roles (VIEWER added as the app does). */
    protected static void signIn(String username, String... roles) {
        var authorities = Roles.effective(List.of(roles)).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
