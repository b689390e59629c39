package dev.compatmatrix.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API token secrets: "cmc_" + 240 random bits, stored as SHA-256 (a fast hash suits random secrets). */
final class TokenSecrets {

    static final String PREFIX = "cmc_";
    private static final int RANDOM_BYTES = 30;
    private static final int SECRET_LENGTH = PREFIX.length() + 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    static String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The part shown in lists, enough to tell tokens apart and useless to an attacker. */
    static String prefix(String secret) {
        return secret.substring(0, PREFIX.length() + 8);
    }

    /** Whether a presented value could be one of our tokens at all (saves a lookup for junk). */
    static boolean looksLikeToken(String value) {
        return value != null
                && value.length() == SECRET_LENGTH
                && value.startsWith(PREFIX)
                && value.substring(PREFIX.length())
                        .chars()
                        .allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
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
