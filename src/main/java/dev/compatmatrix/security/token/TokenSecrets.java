package dev.compatmatrix.security.token;

import dev.compatmatrix.base.RandomSecrets;

/** API token secrets: "cmc_" + 240 random bits, stored as SHA-256 ({@link RandomSecrets}). */
final class TokenSecrets {

    private static final RandomSecrets SECRETS = new RandomSecrets("cmc_");

    private TokenSecrets() {}

    static String newSecret() {
        return SECRETS.newSecret();
    }

    /** The part shown in lists, enough to tell tokens apart and useless to an attacker. */
    static String prefix(String secret) {
        return SECRETS.shortForm(secret, 8);
    }

    /** Whether a presented value could be one of our tokens at all (saves a lookup for junk). */
    static boolean looksLikeToken(String value) {
        return SECRETS.wellFormed(value);
    }

    static String hash(String secret) {
        return RandomSecrets.hash(secret);
    }
}
