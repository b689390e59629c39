package dev.compatmatrix.security;

import java.util.Set;

/** A console user as stored: the password only as a bcrypt hash. */
public record AppUser(
        int userId,
        String username,
        String passwordHash,
        String displayName,
        Integer validatorId,
        boolean enabled,
        Set<String> roles) {}
