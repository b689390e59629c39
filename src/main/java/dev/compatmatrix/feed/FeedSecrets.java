package dev.compatmatrix.feed;

import dev.compatmatrix.base.RandomSecrets;

/** Private feed secrets: "cmf_" + 240 random bits, URL-safe, stored as SHA-256 ({@link RandomSecrets}). */
final class FeedSecrets {

    private static final RandomSecrets SECRETS = new RandomSecrets("cmf_");

    private FeedSecrets() {}

    static String newSecret() {
        return SECRETS.newSecret();
    }

    /** The part the Feeds screen shows to tell secrets apart, useless to an attacker. */
    static String shortForm(String secret) {
        return SECRETS.shortForm(secret, 6);
    }

    /** Whether a presented value could be a secret at all (junk gets the unknown secret's answer without a lookup). */
    static boolean wellFormed(String value) {
        return SECRETS.wellFormed(value);
    }

    static String hash(String secret) {
        return RandomSecrets.hash(secret);
    }
}
