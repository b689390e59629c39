package dev.compatmatrix.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.MatrixTables.AutomatedResultRow;
import dev.compatmatrix.matrix.store.MatrixWriter;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Changes reach registered receivers after commit: signed, retried with back-off and logged, never in a write's way. */
class WebhookDeliveryTest extends WebhookTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 27, 1, 0);

    @Autowired
    WebhookService webhooks;

    @Autowired
    MatrixWriter writer;

    @Autowired
    WebApplicationContext web;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    Clock clock;

    @Test
    void a_delivery_carries_the_change_and_its_signature_verifies_with_the_secret() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            signIn("admin", Roles.ADMIN);
            var registered = webhooks.register(receiver.url(), WebhookScope.ALL);
            var model = model(0);
            long before = clock.instant().getEpochSecond();
            writer.recordResults(List.of(result(model.id(), Platform.ROCM, CompatibilityLevel.LOW)));

            var request = awaitRequests(receiver, 1).getFirst();
            assertThat(request.signature()).isEqualTo("sha256=" + hmac(registered.secret(), request.body()));
            assertThat(request.signature()).isNotEqualTo("sha256=" + hmac(registered.secret(), request.body() + " "));
            assertThat(Long.parseLong(request.timestamp())).isBetween(before, before + 10);
            JsonNode json = JSON.readTree(request.body());
            assertThat(json.get("id").asString()).isEqualTo(request.eventId()).isNotBlank();
            assertThat(json.get("change_id").asLong()).isPositive();
            assertThat(json.get("occurred_at").asString()).endsWith("Z");
            JsonNode event = json.get("events").get(0);
            assertThat(event.get("model").asString()).isEqualTo(model.name());
            assertThat(event.get("platform").asString()).isEqualTo("rocm");
            assertThat(event.get("kind").asString()).isEqualTo("result");
            assertThat(event.get("new").asString()).isEqualTo("low");
            assertThat(event.get("summary").asString()).startsWith("ROCm: automated result Low");
            assertThat(event.get("url").asString()).endsWith("/models/" + model.name());
            assertThat(json.get("text").asString()).contains(model.name()).contains("ROCm");
        }
    }

    @Test
    void a_receiver_that_fails_twice_then_succeeds_gets_the_event_once_with_the_retries_logged() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(500, 503, 200);
            signIn("admin", Roles.ADMIN);
            var webhook = webhooks.register(receiver.url(), WebhookScope.ALL).webhook();
            writer.recordResults(List.of(result(model(1).id(), Platform.CPU, CompatibilityLevel.MEDIUM)));

            Awaitility.await()
                    .pollInSameThread()
                    .atMost(15, TimeUnit.SECONDS)
                    .until(() -> webhooks.log(webhook.id()).size() == 3);
            var requests = receiver.received();
            assertThat(requests).extracting(WebhookReceiver.Received::answered).containsExactly(500, 503, 200);
            assertThat(requests)
                    .extracting(WebhookReceiver.Received::eventId)
                    .containsOnly(requests.getFirst().eventId());
            assertThat(requests)
                    .extracting(WebhookReceiver.Received::body)
                    .containsOnly(requests.getFirst().body());
            var log = webhooks.log(webhook.id()).reversed();
            assertThat(log).extracting(WebhookAttempt::attempt).containsExactly(1, 2, 3);
            assertThat(log).extracting(WebhookAttempt::statusCode).containsExactly(500, 503, 200);
            assertThat(log).extracting(WebhookAttempt::outcome).containsExactly("retry", "retry", "delivered");
            assertThat(log.getFirst().error()).contains("500");
            assertThat(log.getLast().error()).isNull();
            // Delivered means done: no further request comes.
            Awaitility.await()
                    .pollInSameThread()
                    .during(1, TimeUnit.SECONDS)
                    .until(() -> receiver.received().size() == 3);
            assertThat(state(requests.getFirst().eventId())).isEqualTo("delivered");
        }
    }

    @Test
    void a_receiver_that_never_succeeds_fails_after_the_last_back_off_step() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answerAlways(500);
            signIn("admin", Roles.ADMIN);
            var webhook = webhooks.register(receiver.url(), WebhookScope.ALL).webhook();
            writer.recordResults(List.of(result(model(2).id(), Platform.CPU, CompatibilityLevel.HIGH)));

            Awaitility.await()
                    .pollInSameThread()
                    .atMost(15, TimeUnit.SECONDS)
                    .until(() -> webhooks.log(webhook.id()).size() == 4);
            Awaitility.await()
                    .pollInSameThread()
                    .during(1, TimeUnit.SECONDS)
                    .until(() -> receiver.received().size() == 4);
            assertThat(webhooks.log(webhook.id()).getFirst().outcome()).isEqualTo("failed");
            assertThat(state(receiver.received().getFirst().eventId())).isEqualTo("failed");
        }
    }

    @Test
    void a_hanging_receiver_does_not_delay_an_api_post_of_results() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            signIn("admin", Roles.ADMIN);
            webhooks.register(receiver.url(), WebhookScope.ALL);
            var api = IngestApiSupport.caller(web, tokens, ApiScope.RESULTS_WRITE);
            String model = model(3).name();
            postResult(api, model, "warm-up");
            awaitRequests(receiver, 1);

            Duration answering = postResult(api, model, "answering");
            awaitRequests(receiver, 2);
            receiver.answerAlways(WebhookReceiver.HANG);
            Duration hanging = postResult(api, model, "hanging");
            awaitRequests(receiver, 3);

            System.out.printf(
                    "POST /api/v1/results: %d ms with the receiver answering, %d ms with it hanging%n",
                    answering.toMillis(), hanging.toMillis());
            // A delivery inside the write would hang for the 3 s time-out.
            assertThat(hanging).isLessThan(Duration.ofMillis(1500));
            assertThat(hanging).isLessThan(answering.plusMillis(700));
            assertThat(receiver.received().getLast().answered()).isEqualTo(WebhookReceiver.HANG);
        }
    }

    @Test
    void a_watch_webhook_receives_only_the_changes_its_owners_watches_cover() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            var watched = model(4);
            var other = model(5);
            jdbc.sql("""
                            INSERT INTO watches (username, kind, model_id, target, created_at)
                            VALUES ('viewer', 'model', :model, :target, :now)""")
                    .param("model", watched.id())
                    .param("target", "model:" + watched.id())
                    .param("now", NOW)
                    .update();
            signIn("viewer", Roles.VIEWER);
            webhooks.register(receiver.url(), WebhookScope.WATCHES);
            writer.recordResults(List.of(
                    result(other.id(), Platform.CPU, CompatibilityLevel.LOW),
                    result(watched.id(), Platform.CUDA, CompatibilityLevel.LOW),
                    result(watched.id(), Platform.MPS, CompatibilityLevel.LOW)));
            writer.recordResults(List.of(result(other.id(), Platform.CUDA, CompatibilityLevel.LOW)));

            var request = awaitRequests(receiver, 1).getFirst();
            Awaitility.await()
                    .pollInSameThread()
                    .during(800, TimeUnit.MILLISECONDS)
                    .until(() -> receiver.received().size() == 1);
            JsonNode events = JSON.readTree(request.body()).get("events");
            assertThat(events).hasSize(2);
            assertThat(events.valueStream().map(e -> e.get("model").asString())).containsOnly(watched.name());
        }
    }

    @Test
    void a_disabled_users_webhook_receives_nothing_until_they_are_enabled_again() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            var watched = model(6);
            jdbc.sql("""
                            INSERT INTO watches (username, kind, model_id, target, created_at)
                            VALUES ('validator2', 'model', :model, :target, :now)""")
                    .param("model", watched.id())
                    .param("target", "model:" + watched.id())
                    .param("now", NOW)
                    .update();
            signIn("validator2", Roles.VALIDATOR);
            webhooks.register(receiver.url(), WebhookScope.WATCHES);
            setEnabled("validator2", false);
            try {
                writer.recordResults(List.of(result(watched.id(), Platform.CPU, CompatibilityLevel.LOW)));
                Awaitility.await()
                        .pollInSameThread()
                        .atMost(20, TimeUnit.SECONDS)
                        .until(() -> jdbc.sql("SELECT count(*) FROM matrix_events WHERE NOT fanned_out")
                                        .query(Long.class)
                                        .single()
                                == 0);
                Thread.sleep(500);
                assertThat(receiver.received()).isEmpty();
            } finally {
                setEnabled("validator2", true);
            }
            writer.recordResults(List.of(result(watched.id(), Platform.MPS, CompatibilityLevel.LOW)));
            JsonNode events =
                    JSON.readTree(awaitRequests(receiver, 1).getFirst().body()).get("events");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("platform").asString()).isEqualTo("mps");
        }
    }

    private void setEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE app_users SET enabled = :enabled WHERE username = :username")
                .param("enabled", enabled)
                .param("username", username)
                .update();
    }

    @Test
    void a_test_event_is_sent_and_logged() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            signIn("editor", Roles.EDITOR);
            var webhook =
                    webhooks.register(receiver.url(), WebhookScope.WATCHES).webhook();
            webhooks.sendTest(webhook.id());

            var request = awaitRequests(receiver, 1).getFirst();
            JsonNode json = JSON.readTree(request.body());
            assertThat(json.get("test").asBoolean()).isTrue();
            assertThat(json.get("text").asString()).contains("Test event");
            Awaitility.await()
                    .pollInSameThread()
                    .atMost(5, TimeUnit.SECONDS)
                    .until(() -> !webhooks.log(webhook.id()).isEmpty());
            var attempt = webhooks.log(webhook.id()).getFirst();
            assertThat(attempt.eventId()).isEqualTo(request.eventId());
            assertThat(attempt.statusCode()).isEqualTo(200);
        }
    }

    private Duration postResult(IngestApiSupport.ApiCaller api, String model, String batch) throws Exception {
        long started = System.nanoTime();
        api.perform(post("/api/v1/results")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"batch_id": "webhook-%s", "results": [{"model": "%s", "hardware": "openvino",
                                 "level": "medium"}]}""".formatted(batch, model)))
                .andExpect(status().is2xxSuccessful());
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static List<WebhookReceiver.Received> awaitRequests(WebhookReceiver receiver, int count) {
        Awaitility.await()
                .pollInSameThread()
                .atMost(10, TimeUnit.SECONDS)
                .until(() -> receiver.received().size() >= count);
        return receiver.received();
    }

    private String state(String eventId) {
        return jdbc.sql("SELECT state FROM webhook_deliveries WHERE event_id = :id")
                .param("id", eventId)
                .query(String.class)
                .single();
    }

    record Model(int id, String name) {}

    /** The n-th model of the demo data that has a matrix row. */
    private Model model(int n) {
        return jdbc.sql("""
                        SELECT m.model_id, m.model_name FROM models m
                        JOIN cross_platform_compatibility c ON c.model_id = m.model_id
                        ORDER BY m.model_id LIMIT 1 OFFSET :n""")
                .param("n", n)
                .query((rs, i) -> new Model(rs.getInt(1), rs.getString(2)))
                .single();
    }

    private static AutomatedResultRow result(int model, Platform platform, CompatibilityLevel level) {
        return new AutomatedResultRow(model, platform, 1, level, "webhook-run", "1.0", NOW);
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
