package dev.compatmatrix.feed;

import java.time.LocalDateTime;

/**
 * A user's private feed secret as the Feeds screen describes it: never the secret, only its first characters.
 * {@code works} is false once the user's sessions were ended since it was made (disabled, roles changed, password
 * reset). Times are UTC.
 */
public record FeedSecret(String shortForm, LocalDateTime createdAt, boolean works) {}
