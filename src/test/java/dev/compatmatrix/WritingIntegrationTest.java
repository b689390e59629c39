package dev.compatmatrix;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
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
        TestDatabases.usePostgresWhenRequested(registry, "write");
        registry.add(
                "compat.backup.dir", () -> DATABASE.resolveSibling("backups").toString());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Signs in on the current thread as a user with these stored roles (VIEWER added as the app does). */
    protected static void signIn(String username, String... roles) {
        TestUsers.signIn(username, roles);
    }
}
