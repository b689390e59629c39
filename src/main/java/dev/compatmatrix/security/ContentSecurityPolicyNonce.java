package dev.compatmatrix.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Gives the scripts of Vaadin's bootstrap page (its inline start-up scripts among them) the nonce that this
 * response's Content-Security-Policy allows ({@link SecurityHeaders}); any other inline script is refused.
 */
@Component
class ContentSecurityPolicyNonce implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            if (page.getVaadinRequest().getAttribute(SecurityHeaders.NONCE) instanceof String nonce) {
                page.getDocument().select("script").attr("nonce", nonce);
            }
        });
    }
}
