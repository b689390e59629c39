package dev.compatmatrix;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.compatmatrix.matrix.Roles;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Browserless Vaadin in a faked servlet environment inside a Spring test context, with a faked login. */
public final class KaribuSupport {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.compatmatrix");

    private KaribuSupport() {}

    public static void setUp(ApplicationContext context) {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    public static void tearDown() {
        // Work pushed to the UI meanwhile (a live update) runs at tear-down, still signed in as in a real session.
        MockVaadin.tearDown();
        logout();
    }

    /** Signs in as a user holding these stored roles (VIEWER is added as the application does). */
    public static void login(String username, String... storedRoles) {
        Set<String> roles = Roles.effective(Arrays.asList(storedRoles));
        List<SimpleGrantedAuthority> authorities = roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        var authentication =
                new UsernamePasswordAuthenticationToken(new User(username, "unused", authorities), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        // Kept in the session too, as a real sign-in does: a live update that takes the session lock on a thread
        // of its own (not the test's) reads the signed-in user from there.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        sessionAttribute(context);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
        sessionAttribute(null);
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request =
                    (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }

    private static void sessionAttribute(SecurityContext context) {
        if (VaadinSession.getCurrent() != null) {
            VaadinSession.getCurrent()
                    .getSession()
                    .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
