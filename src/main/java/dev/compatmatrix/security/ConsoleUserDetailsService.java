package dev.compatmatrix.security;

import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.repository.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads console users from the database for Spring Security's login. */
@Service
public class ConsoleUserDetailsService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(ConsoleUserDetailsService.class);
    private final UserRepository users;
    private final LoginThrottle throttle;

    public ConsoleUserDetailsService(UserRepository users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String address = ClientAddress.current();
        throttle.mustWait(username, address).ifPresent(reason -> {
            log.warn("Sign-in refused for '{}' from {}: {}", username, address, reason);
            // The login page shows the same message for every failure, so this reveals nothing more.
            throw new LockedException("Wait a moment: " + reason);
        });
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .authorities(Roles.effective(user.roles()).stream()
                        .map(role -> new SimpleGrantedAuthority(Roles.authority(role)))
                        .toList())
                .build();
    }
}
