package dev.compatmatrix;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring context over a real DuckDB file in a fresh temporary folder, loaded with the demo data set.
 * All subclasses share one context (and so one database), as Spring caches it by configuration.
 */
@SpringBootTest(properties = "compat.demo.enabled=true")
@Import(TestClock.class)
public abstract class IntegrationTest {

    private static final Path DATABASE = TestDatabases.newFile("test");

    @Autowired
    private ApplicationContext springContext;

    @BeforeEach
    void useThisContextsSecurityStrategy() {
        SecurityContextStrategyReset.useStrategyOf(springContext);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("compat.db.path", DATABASE::toString);
        TestDatabases.usePostgresWhenRequested(registry, "test");
    }
}
