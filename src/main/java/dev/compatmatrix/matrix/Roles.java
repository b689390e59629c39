package dev.compatmatrix.matrix;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The console's roles (PRODUCT.md §1). Every signed-in role may also do what a viewer may. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String EDITOR = "EDITOR";
    public static final String VALIDATOR = "VALIDATOR";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(VIEWER, EDITOR, VALIDATOR, ADMIN);

    /** {@code @PreAuthorize} expressions over these roles, so no role name is spelled twice. */
    public static final String HAS_VIEWER = "hasRole('" + VIEWER + "')";

    public static final String HAS_EDITOR = "hasRole('" + EDITOR + "')";
    public static final String HAS_VALIDATOR = "hasRole('" + VALIDATOR + "')";
    public static final String HAS_ADMIN = "hasRole('" + ADMIN + "')";
    public static final String HAS_EDITOR_OR_ADMIN = "hasAnyRole('" + EDITOR + "', '" + ADMIN + "')";
    /** Who triages users' reports (issue 22). */
    public static final String HAS_EDITOR_OR_VALIDATOR = "hasAnyRole('" + EDITOR + "', '" + VALIDATOR + "')";

    /** What Spring Security puts before a role's name in the authority that {@code hasRole} checks. */
    public static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {}

    /** The authority a holder of this role has. */
    public static String authority(String role) {
        return AUTHORITY_PREFIX + role;
    }

    /** The roles a user acts with: the stored ones plus VIEWER, which every role includes. */
    public static Set<String> effective(Collection<String> stored) {
        Set<String> roles = new LinkedHashSet<>(stored);
        if (!roles.isEmpty()) {
            roles.add(VIEWER);
        }
        return roles;
    }
}
