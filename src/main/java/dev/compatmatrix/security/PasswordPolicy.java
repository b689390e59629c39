package dev.compatmatrix.security;

import java.util.Optional;

/** The console's password rules (OWASP ASVS 2.1): at least 12 characters, at most 128, not the user name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** The rules in a helper text's words, for every password field. */
    public static final String IN_WORDS = "At least " + MIN_LENGTH + " characters, not the user name";

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("A password has at most " + MAX_LENGTH + " characters");
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            return Optional.of("A password must not be the user name");
        }
        return Optional.empty();
    }
}
