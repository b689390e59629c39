package dev.compatmatrix.security.token;

import dev.compatmatrix.base.Keyed;
import java.util.Optional;

/** What an API token may do. */
public enum ApiScope implements Keyed {
    /** Post test results to {@code POST /api/v1/results}. */
    RESULTS_WRITE("results:write"),
    /** Read the matrix, models, history and recommendations (and the token's own watches). */
    READ("read"),
    /** Add and remove the token's own watches: {@code POST} and {@code DELETE /api/v1/watches}. */
    WATCHES_WRITE("watches:write"),
    /** Report on a cell, as a signed-in user does: {@code POST /api/v1/reports}. */
    FEEDBACK_WRITE("feedback:write");

    private final String key;

    ApiScope(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /** The Spring Security authority a token with this scope holds. */
    public String authority() {
        return "SCOPE_" + key;
    }

    public static Optional<ApiScope> fromKey(String key) {
        return Keyed.fromKey(ApiScope.class, key);
    }
}
