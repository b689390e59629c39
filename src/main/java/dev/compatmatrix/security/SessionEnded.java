package dev.compatmatrix.security;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.stereotype.Component;

/**
 * What an open tab sees when its session has ended (a user disabled or their roles changed, or a time-out in
 * {@link SessionTimeouts}): the sign-in page saying "Your session ended". A page request is redirected there. A
 * request of Vaadin's own (a click, a heartbeat) goes on to Vaadin without a session, and Vaadin answers it with its
 * JSON "session expired", upon which the tab goes to {@link #SIGN_IN_AGAIN}: a redirect to HTML would show as
 * "Invalid JSON response from server".
 */
@Component
class SessionEnded implements SessionInformationExpiredStrategy, VaadinServiceInitListener {

    /** Relative to the application's root, as Vaadin's client resolves it against the page's base. */
    static final String SIGN_IN_AGAIN = "login?ended";

    private final RequestUtil requests;

    SessionEnded(RequestUtil requests) {
        this.requests = requests;
    }

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException, ServletException {
        if (requests.isFrameworkInternalRequest(event.getRequest())) {
            event.getFilterChain().doFilter(event.getRequest(), event.getResponse());
        } else {
            redirectToSignIn(event.getRequest(), event.getResponse());
        }
    }

    static void redirectToSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/" + SIGN_IN_AGAIN);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            messages.setSessionExpiredURL(SIGN_IN_AGAIN);
            return messages;
        });
    }
}
