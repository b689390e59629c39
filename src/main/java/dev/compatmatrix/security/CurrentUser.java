package dev.compatmatrix.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.compatmatrix.matrix.Roles;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Who is signed in, for the UI. Services decide access themselves with {@code @PreAuthorize}. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    public CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public String username() {
        return authentication.getPrincipalName().orElse("anonymous");
    }

    public Set<String> roles() {
        return authentication.getGrantedAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Roles.AUTHORITY_PREFIX))
                .map(a -> a.substring(Roles.AUTHORITY_PREFIX.length()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public void logout() {
        authentication.logout();
    }
}
