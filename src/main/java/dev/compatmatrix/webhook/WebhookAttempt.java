package dev.compatmatrix.webhook;

import java.time.LocalDateTime;

/** One attempt to send a delivery, as the delivery log shows it: the receiver's status code or the error. */
public record WebhookAttempt(
        long id,
        long webhookId,
        String eventId,
        int attempt,
        LocalDateTime attemptedAt,
        Integer statusCode,
        String error,
        long durationMs,
        String outcome) {}
