package dev.compatmatrix.matrix;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for services writing history and audit rows (method security has already let them in). */
public final class Actor {

    private Actor() {}

    /** An API caller acts under its token's name with this prefix; a pipeline may overwrite claims so owned. */
    public static final String PIPELINE_PREFIX = "api:";

    public static String name() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    /** The acting user's name, or null outside a signed-in request (a start-up job). */
    public static String nameOrNull() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    /** The name an API token's calls act under. */
    public static String pipeline(String tokenName) {
        return PIPELINE_PREFIX + tokenName;
    }

    /** Whether this actor (e.g. a claim's {@code updated_by}) is a pipeline calling the API; false for null. */
    public static boolean isPipeline(String actor) {
        return actor != null && actor.startsWith(PIPELINE_PREFIX);
    }
}
