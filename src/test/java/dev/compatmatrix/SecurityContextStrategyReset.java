package dev.compatmatrix;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Vaadin installs its security-context strategy globally when a Spring context starts. With two cached
 * test contexts in one JVM the last one wins, and the other context's method security would read an empty
 * context; each test therefore puts back the strategy of the context it runs in.
 */
public final class SecurityContextStrategyReset {

    private SecurityContextStrategyReset() {}

    public static void useStrategyOf(ApplicationContext context) {
        SecurityContextHolderStrategy strategy =
                context.getBeanProvider(SecurityContextHolderStrategy.class).getIfUnique();
        if (strategy != null) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
