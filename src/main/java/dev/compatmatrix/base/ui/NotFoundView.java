package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * A clear "not found" page (404) for unknown paths and unknown models; shown signed out too, as a mistyped address
 * is no reason to sign in first (only to be told then that nothing is there).
 */
@PageTitle("Not found")
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    final Paragraph message = new Paragraph();

    public NotFoundView() {
        setId("not-found");
        message.setId("not-found-message");
        add(new H2("Not found"), message, new Anchor("", "Back to the matrix"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        // The router's own message ("Couldn't find route for …") is for developers; a person gets the address.
        boolean ownMessage =
                parameter.hasCustomMessage() && !parameter.getCustomMessage().startsWith("Couldn't find route");
        message.setText(
                ownMessage
                        ? parameter.getCustomMessage()
                        : "There is no page at '/" + event.getLocation().getPath()
                                + "'. Check the address, or go back to the matrix.");
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
