package dev.compatmatrix.security.ui;

import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.ThemeService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the signed-in user's saved colour scheme on the page's {@code <html>} as the server sends it (right after
 * sign-in too), so a dark page never flashes light first. Anyone else, the login page included, gets the application's
 * default: the operating system's setting.
 */
@Component
class ThemeOnPageLoad implements VaadinServiceInitListener {

    private final ThemeService themes;

    ThemeOnPageLoad(ThemeService themes) {
        this.themes = themes;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            if (signedInUser()) {
                ColorScheme.Value scheme = ThemeMenu.colorScheme(themes.myTheme());
                page.getDocument()
                        .selectFirst("html")
                        .attr("theme", scheme.getThemeValue())
                        .attr("style", "color-scheme: " + scheme.getValue() + ";");
            }
        });
    }

    private static boolean signedInUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> Roles.authority(Roles.VIEWER).equals(a.getAuthority()));
    }
}
