package dev.compatmatrix.webhook;

import java.time.LocalDateTime;

/**
 * A registered endpoint. {@code secretHint} is the secret's first characters (the secret itself is shown once);
 * {@code lastOutcome} the newest attempt's outcome in words, null before the first.
 */
public record Webhook(
        long id,
        String owner,
        String url,
        WebhookScope scope,
        String secretHint,
        LocalDateTime createdAt,
        String lastOutcome) {}
