package dev.compatmatrix.admin;

/** A user change an admin asked for that the rules refuse; the message says why, nothing was changed. */
public class UserAdminException extends RuntimeException {

    public UserAdminException(String message) {
        super(message);
    }
}
