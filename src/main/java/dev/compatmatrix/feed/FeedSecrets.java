package dev.compatmatrix.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Private feed secrets: "cmf_" + 240 random bits, URL-safe, stored as SHA-256 (a fast hash suits random secrets). A
 * lookup compares hashes, so its time says nothing about how much of a guessed secret is right.
 */
final class FeedSecrets {

    static final String PREFIX = "cmf_";
    private static final int RANDOM_BYTES = 30;
    private static final int LENGTH = PREFIX.length() + 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FeedSecrets() {}

    static String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The part the Feeds screen shows to tell secrets apart, useless to an attacker. */
    static String shortForm(String secret) {
        return secret.substring(0, PREFIX.length() + 6);
    }

    /** Whether a presented value could be a secret at all (junk gets the unknown secret's answer without a lookup). */
    static boolean wellFormed(String value) {
        return value != null
                && value.length() == LENGTH
                && value.startsWith(PREFIX)
                && value.substring(PREFIX.length())
                        .chars()
                        .allMatch(c -> (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_');
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
