package dev.compatmatrix.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed to people once and then only recognised (API tokens, private feed addresses): a prefix naming what
 * it is + 240 random bits, URL-safe, stored as SHA-256 (a fast hash suits random secrets; a lookup compares hashes, so
 * its time says nothing about how much of a guessed secret is right).
 */
public final class RandomSecrets {

    private static final int RANDOM_BYTES = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final int length;

    public RandomSecrets(String prefix) {
        this.prefix = prefix;
        this.length = prefix.length() + 40;
    }

    public String prefix() {
        return prefix;
    }

    public String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secret's first {@code randomChars} after the prefix: enough to tell secrets apart, useless to an attacker. */
    public String shortForm(String secret, int randomChars) {
        return secret.substring(0, prefix.length() + randomChars);
    }

    /** Whether a presented value could be such a secret at all (junk gets the unknown secret's answer, no lookup). */
    public boolean wellFormed(String value) {
        return value != null
                && value.length() == length
                && value.startsWith(prefix)
                && value.substring(prefix.length())
                        .chars()
                        .allMatch(c -> (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_');
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
