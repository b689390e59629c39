package dev.compatmatrix.base.ui;

import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Answers a page request for a path that is no screen with 404. Vaadin sends the same start page for every path and
 * its router shows {@link NotFoundView} in the browser afterwards, so without this the answer's status would be 200.
 */
@Component
class NotFoundStatus implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteRegistry routes = event.getSource().getRouter().getRegistry();
        event.addIndexHtmlRequestListener(page -> {
            String path = page.getVaadinRequest().getPathInfo();
            String route = path == null ? "" : path.replaceFirst("^/+", "");
            if (!routes.getNavigationRouteTarget(route).hasTarget()) {
                page.getVaadinResponse().setStatus(HttpStatusCode.NOT_FOUND.getCode());
            }
        });
    }
}
