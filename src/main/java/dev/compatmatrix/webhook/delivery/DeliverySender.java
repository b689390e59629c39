package dev.compatmatrix.webhook.delivery;

import dev.compatmatrix.webhook.WebhookAddresses;
import dev.compatmatrix.webhook.WebhookSecrets;
import dev.compatmatrix.webhook.WebhookSettings;
import dev.compatmatrix.webhook.repository.DeliveryRepository;
import dev.compatmatrix.webhook.repository.DeliveryRepository.Due;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt to send a leased delivery: a signed POST, then the attempt logged and the delivery delivered (any 2xx),
 * due again after the next back-off step, or failed after the last one — in one transaction. The receiver's address
 * is checked again first (a name may resolve elsewhere by now); redirects are not followed.
 */
@Component
class DeliverySender {

    static final String EVENT_ID = "X-Compat-Event-Id";
    static final String SIGNATURE = "X-Compat-Signature";
    static final String TIMESTAMP = "X-Compat-Timestamp";
    /** Errors are kept short in the log table. */
    private static final int MAX_ERROR = 500;

    private final DeliveryRepository deliveries;
    private final WebhookSecrets secrets;
    private final WebhookAddresses addresses;
    private final WebhookSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HttpClient http;

    DeliverySender(
            DeliveryRepository deliveries,
            WebhookSecrets secrets,
            WebhookAddresses addresses,
            WebhookSettings settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.addresses = addresses;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends attempt number {@code attempt} of a delivery this node has leased; false when cut off by a stop. */
    boolean send(Due due, int attempt, String node) {
        long started = System.nanoTime();
        LocalDateTime at = LocalDateTime.now(clock);
        Integer status = null;
        String error = null;
        try {
            URI uri = addresses.check(due.url());
            byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "compat-matrix-console-webhooks")
                    .header(EVENT_ID, due.eventId())
                    .header(TIMESTAMP, String.valueOf(clock.instant().getEpochSecond()))
                    .header(SIGNATURE, "sha256=" + WebhookSecrets.sign(secrets.unseal(due.secretSealed()), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            CompletableFuture<HttpResponse<Void>> answer =
                    http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            try {
                // The request time-out covers the answer's headers; this bounds reading the body as well.
                status = answer.get(settings.timeout().toMillis() * 2, TimeUnit.MILLISECONDS)
                        .statusCode();
                if (status / 100 != 2) {
                    error = "The receiver answered HTTP " + status;
                }
            } catch (TimeoutException e) {
                answer.cancel(true);
                error = "No answer within " + settings.timeout().toSeconds() + " s";
            } catch (ExecutionException e) {
                error = describe(e.getCause());
            }
        } catch (InterruptedException e) {
            // The node is stopping: the lease is given back and another attempt follows (DeliveryWorker.stop).
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            error = describe(e);
        }
        record(due, attempt, node, at, status, error, Duration.ofNanos(System.nanoTime() - started));
        return true;
    }

    private void record(
            Due due, int attempt, String node, LocalDateTime at, Integer status, String error, Duration took) {
        String outcome = error == null ? "delivered" : attempt >= settings.maxAttempts() ? "failed" : "retry";
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime next =
                outcome.equals("retry") ? now.plus(settings.backoff().get(attempt - 1)) : null;
        transaction.executeWithoutResult(tx -> {
            deliveries.log(
                    due.id(), due.webhookId(), due.eventId(), attempt, at, status, error, took.toMillis(), outcome);
            deliveries.finish(due.id(), node, outcome.equals("retry") ? "pending" : outcome, next, now);
        });
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            text = "Could not connect in time";
        } else if (e instanceof java.net.http.HttpTimeoutException) {
            text = "No answer in time";
        } else if (e instanceof java.net.ConnectException) {
            text = "Could not connect: " + (e.getMessage() == null ? "refused" : e.getMessage());
        } else if (e instanceof IllegalArgumentException) {
            text = e.getMessage();
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
