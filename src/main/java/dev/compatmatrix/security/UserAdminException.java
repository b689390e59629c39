package dev.compatmatrix.security;

/**
 * A user or validator change an admin (or a user on their own account) asked for that the rules refuse; the message
 * says why, nothing was changed. {@code field} names the input it is about (as the service's parameter is named), or
 * is empty.
 */
public class UserAdminException extends RuntimeException {

    private final String field;

    public UserAdminException(String message) {
        this("", message);
    }

    public UserAdminException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
