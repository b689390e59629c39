package dev.compatmatrix;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.compatmatrix.matrix.Roles;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

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
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request =
                    (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }
}
