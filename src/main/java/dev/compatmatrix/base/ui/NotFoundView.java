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
import jakarta.annotation.security.PermitAll;

/** A clear "not found" page for unknown routes and unknown models. */
@PageTitle("Not found")
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    final Paragraph message = new Paragraph();

    public NotFoundView() {
        setId("not-found");
        message.setId("not-found-message");
        add(new H2("Not found"), message, new Anchor("", "Back to the matrix"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        message.setText(parameter.hasCustomMessage() ? parameter.getCustomMessage()
                : "There is no page at '" + event.getLocation().getPath() + "'.");
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
