package dev.compatmatrix.matrix;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for services writing history and audit rows (method security has already let them in). */
public final class Actor {

    private Actor() {
    }

    public static String name() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
