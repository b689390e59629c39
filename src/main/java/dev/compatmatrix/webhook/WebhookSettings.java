package dev.compatmatrix.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How webhooks are sent ({@code compat.webhooks.*}).
 *
 * @param allowPrivateAddresses endpoints on loopback, private and link-local addresses and plain http allowed (tests,
 *                              a receiver inside one's own network); off by default against server-side request forgery
 * @param backoff               the waits before each retry; after the last retry fails the delivery has failed
 * @param timeout               connect and answer time-out of one attempt
 * @param secretKey             the key that seals signing secrets (base64 of 32 bytes); empty: a key file beside the
 *                              DuckDB file, made on first use. Several nodes need the same key
 * @param interval              how often a node looks for due deliveries without being nudged by a commit
 */
@ConfigurationProperties("compat.webhooks")
public record WebhookSettings(
        boolean allowPrivateAddresses, List<Duration> backoff, Duration timeout, String secretKey, Duration interval) {

    @ConstructorBinding
    public WebhookSettings {
        backoff = backoff == null || backoff.isEmpty()
                ? List.of(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1))
                : List.copyOf(backoff);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        secretKey = secretKey == null ? "" : secretKey.strip();
        interval = interval == null ? Duration.ofSeconds(1) : interval;
    }

    /** Attempts in all: the first and one per back-off step. */
    public int maxAttempts() {
        return backoff.size() + 1;
    }
}
