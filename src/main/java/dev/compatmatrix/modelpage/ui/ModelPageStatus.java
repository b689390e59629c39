package dev.compatmatrix.modelpage.ui;

import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.compatmatrix.catalog.CatalogService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Answers a signed-in page request for a model's address that names no model, tab or platform with 404 (the route
 * exists, so the router's own check lets it pass with 200 while the page then shows "Not found"). Signed out, the
 * sign-in page comes first, as for any screen.
 */
@Component
class ModelPageStatus implements VaadinServiceInitListener {

    private static final String PREFIX = "models/";

    private final CatalogService catalog;

    ModelPageStatus(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            String path = page.getVaadinRequest().getPathInfo();
            String route = path == null ? "" : path.replaceFirst("^/+", "");
            var user = SecurityContextHolder.getContext().getAuthentication();
            boolean signedIn =
                    user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
            if (signedIn
                    && route.startsWith(PREFIX)
                    && ModelPageAddress.resolve(route.substring(PREFIX.length()), catalog::find)
                            .isEmpty()) {
                page.getVaadinResponse().setStatus(HttpStatusCode.NOT_FOUND.getCode());
            }
        });
    }
}
