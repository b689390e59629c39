package dev.compatmatrix.security.api;

import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.security.token.ApiToken;

/** Who calls the API: a token, acting for its validator. Its name is what history and audit rows show. */
public record ApiPrincipal(ApiToken token) {

    public String name() {
        return Actor.pipeline(token.name());
    }

    @Override
    public String toString() {
        return name();
    }
}
