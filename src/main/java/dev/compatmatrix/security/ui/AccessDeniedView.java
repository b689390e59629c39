package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.HttpStatusCode;
import dev.compatmatrix.matrix.Actor;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shown to a signed-in user who opens a screen their roles do not allow. */
@PageTitle("Access denied")
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private static final Logger log = LoggerFactory.getLogger(AccessDeniedView.class);

    public AccessDeniedView() {
        setId("access-denied");
        add(
                new H2("Access denied"),
                new Paragraph("Your roles do not allow this screen. Ask an administrator if you need access."),
                new Anchor("", "Back to the matrix"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        log.warn(
                "Access denied: {} may not open the screen /{}",
                Actor.name(),
                event.getLocation().getPath());
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
