package dev.compatmatrix.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.Application;
import dev.compatmatrix.SecurityContextStrategyReset;
import dev.compatmatrix.TestDatabases;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The durable outbox across a stop: a change committed while its delivery could not be completed (the receiver
 * holds the request unanswered) is delivered by the next application on the same database file, with the same event
 * id and body. Runs in the surefire execution "several-applications" (it starts applications of its own).
 */
class WebhookDeliveryAfterRestartTest {

    @Test
    void a_change_committed_before_the_application_stopped_is_delivered_after_the_restart() {
        Path file = TestDatabases.newFile("webhook-restart");
        WebhookReceiver hanging = WebhookReceiver.start();
        hanging.answerAlways(WebhookReceiver.HANG);
        int port = hanging.port();
        String url = hanging.url();

        ConfigurableApplicationContext first = start(file, true);
        try {
            SecurityContextStrategyReset.useStrategyOf(first);
            TestUsers.signIn("admin", Roles.ADMIN);
            first.getBean(WebhookService.class).register(url, WebhookScope.ALL);
            SecurityContextHolder.clearContext();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            int model = jdbc.sql("SELECT min(model_id) FROM cross_platform_compatibility")
                    .query(Integer.class)
                    .single();
            first.getBean(MatrixWriter.class)
                    .recordResults(List.of(new AutomatedResultRow(
                            model,
                            Platform.WEBGPU,
                            1,
                            CompatibilityLevel.LOW,
                            "restart-run",
                            "1.0",
                            LocalDateTime.of(2026, 11, 27, 1, 0))));
            // Committed and on its way, but never answered: the application stops with the delivery unfinished.
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> !hanging.received().isEmpty());
        } finally {
            first.close();
            hanging.close();
        }
        String eventId = hanging.received().getFirst().eventId();
        String body = hanging.received().getFirst().body();

        try (WebhookReceiver answering = WebhookReceiver.onPort(port)) {
            ConfigurableApplicationContext second = start(file, false);
            try {
                Awaitility.await()
                        .atMost(20, TimeUnit.SECONDS)
                        .until(() -> !answering.received().isEmpty());
                Awaitility.await()
                        .during(1, TimeUnit.SECONDS)
                        .until(() -> answering.received().size() == 1);
                var delivered = answering.received().getFirst();
                assertThat(delivered.eventId()).isEqualTo(eventId);
                assertThat(delivered.body()).isEqualTo(body);
                assertThat(delivered.answered()).isEqualTo(200);
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                Awaitility.await()
                        .atMost(5, TimeUnit.SECONDS)
                        .until(() -> jdbc.sql("SELECT state FROM webhook_deliveries WHERE event_id = :id")
                                .param("id", eventId)
                                .query(String.class)
                                .single()
                                .equals("delivered"));
                assertThat(jdbc.sql("SELECT count(*) FROM matrix_events WHERE NOT fanned_out")
                                .query(Long.class)
                                .single())
                        .isZero();
            } finally {
                second.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(Path file, boolean demo) {
        // Command-line arguments: they win over application.properties (builder properties would not).
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--compat.db.path=" + file,
                        "--compat.backup.dir=" + file.resolveSibling("backups"),
                        "--compat.demo.enabled=" + demo,
                        "--compat.webhooks.allow-private-addresses=true",
                        "--compat.webhooks.timeout=30s",
                        "--compat.webhooks.interval=200ms",
                        "--compat.webhooks.backoff=300ms");
    }
}
