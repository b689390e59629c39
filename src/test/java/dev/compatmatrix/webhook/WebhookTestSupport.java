package dev.compatmatrix.webhook;

import dev.compatmatrix.SecurityContextStrategyReset;
import dev.compatmatrix.TestClock;
import dev.compatmatrix.TestDatabases;
import dev.compatmatrix.TestUsers;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A context of its own for webhook tests (demo data, a database of its own): local receivers allowed, and retries
 * a few hundred milliseconds apart instead of minutes. Each test starts without webhooks.
 */
@SpringBootTest(
        properties = {
            "compat.demo.enabled=true",
            "compat.webhooks.allow-private-addresses=true",
            "compat.webhooks.backoff=300ms,300ms,300ms",
            "compat.webhooks.timeout=3s",
            "compat.webhooks.interval=200ms"
        })
@Import(TestClock.class)
public abstract class WebhookTestSupport {

    private static final Path DATABASE = TestDatabases.newFile("webhooks");

    @Autowired
    private ApplicationContext springContext;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("compat.db.path", DATABASE::toString);
        TestDatabases.usePostgresWhenRequested(registry, "webhooks");
        registry.add(
                "compat.backup.dir", () -> DATABASE.resolveSibling("backups").toString());
    }

    @BeforeEach
    protected void startWithoutWebhooks() {
        SecurityContextStrategyReset.useStrategyOf(springContext);
        // The demo data's changes (and earlier tests') fanned out first, so a new webhook gets only this test's.
        Awaitility.await()
                .atMost(60, TimeUnit.SECONDS)
                .until(() -> jdbc.sql("SELECT count(*) FROM matrix_events WHERE NOT fanned_out")
                                .query(Long.class)
                                .single()
                        == 0);
        for (String table : new String[] {"webhook_attempts", "webhook_deliveries", "watches", "webhooks"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A new local receiver (close it after the test). */
    protected static WebhookReceiver receiver() {
        return WebhookReceiver.start();
    }

    protected static void signIn(String username, String... roles) {
        TestUsers.signIn(username, roles);
    }
}
