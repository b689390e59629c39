package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Compatibility Matrix Console")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm login = new LoginForm();
    final Paragraph loggedOut = new Paragraph("You have been signed out.");
    final Paragraph sessionEnded = new Paragraph("Your session ended. Sign in again to go on.");

    public LoginView() {
        addClassName("login-view");
        getElement().setAttribute("role", "main");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        loggedOut.setVisible(false);
        loggedOut.setId("logged-out-notice");
        sessionEnded.setVisible(false);
        sessionEnded.setId("session-ended-notice");
        add(new H1("Compatibility Matrix Console"), loggedOut, sessionEnded, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        login.setError(params.containsKey("error"));
        loggedOut.setVisible(params.containsKey("logout"));
        sessionEnded.setVisible(params.containsKey("ended"));
    }
}
