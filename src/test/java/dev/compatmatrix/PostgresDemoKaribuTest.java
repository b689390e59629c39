package dev.compatmatrix;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browserless UI and endpoint tests of what only a PostgreSQL console shows, whatever database the run asks for: a
 * context over a new database on this JVM's throwaway PostgreSQL server (it fails when the server cannot start), with
 * the demo data loaded. Subclasses share the context.
 */
@SpringBootTest(properties = "compat.demo.enabled=true")
@Import(TestClock.class)
public abstract class PostgresDemoKaribuTest {

    private static final Path FOLDER = TestDatabases.newFile("pg-demo").getParent();

    @Autowired
    protected ApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresTestServer.shared().newDatabase("pg_demo");
        registry.add("compat.db.url", () -> url);
        registry.add("compat.db.username", () -> PostgresTestServer.USER);
        registry.add("compat.db.password", () -> PostgresTestServer.PASSWORD);
        registry.add("compat.db.path", () -> FOLDER.resolve("unused.duckdb").toString());
        registry.add("compat.backup.dir", () -> FOLDER.resolve("backups").toString());
    }

    @BeforeEach
    void setUpVaadin() {
        SecurityContextStrategyReset.useStrategyOf(context);
        KaribuSupport.setUp(context);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSupport.tearDown();
    }

    protected void login(String username, String... storedRoles) {
        KaribuSupport.login(username, storedRoles);
    }
}
