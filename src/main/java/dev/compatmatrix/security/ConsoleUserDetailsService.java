package dev.compatmatrix.security;

import dev.compatmatrix.security.repository.UserRepository;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads console users from DuckDB for Spring Security's login. */
@Service
public class ConsoleUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final LoginThrottle throttle;

    public ConsoleUserDetailsService(UserRepository users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (throttle.mustWait(username)) {
            // The login page shows the same message for every failure, so this reveals nothing more.
            throw new LockedException("Too many failed sign-ins for this account; wait a moment");
        }
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .authorities(Roles.effective(user.roles()).stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList())
                .build();
    }
}
