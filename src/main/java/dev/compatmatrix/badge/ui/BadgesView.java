package dev.compatmatrix.badge.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.compatmatrix.badge.BadgeService;
import dev.compatmatrix.matrix.Roles;
import jakarta.annotation.security.RolesAllowed;

/** Admins decide whether the SVG badges may be seen without signing in (for READMEs outside the company). */
@Route("admin/badges")
@PageTitle("Badges · Compatibility Matrix Console")
@Menu(order = 11, title = "Badges", icon = "vaadin:picture")
@RolesAllowed(Roles.ADMIN)
public class BadgesView extends VerticalLayout {

    static final String EXAMPLE = "badge/prajjwal1/bert-tiny/cuda.svg";

    final Checkbox makePublic = new Checkbox("Anyone may see badges, without signing in");

    public BadgesView(BadgeService badges) {
        makePublic.setId("badges-public");
        makePublic.setValue(badges.badgesPublic());
        makePublic.addValueChangeListener(e -> {
            badges.setBadgesPublic(e.getValue());
            Notification.show(e.getValue() ? "Badges are public" : "Only signed-in users see badges now");
        });
        add(
                new H2("Badges"),
                new Paragraph("Every model has a small SVG badge per platform showing its level and validation, for "
                        + "READMEs and wiki pages. The address is /badge/<model>/<platform>.svg, for example:"),
                new Code("/" + EXAMPLE),
                preview(),
                new Paragraph("Markdown: ![CUDA](https://<this server>/" + EXAMPLE + ")"),
                new Paragraph("While badges are not public, only signed-in users see them; everyone else gets a grey "
                        + "\"sign in\" badge. Browsers and proxies may keep a badge for five minutes."),
                makePublic);
    }

    /** The example badge as a README shows it; it carries its own colours, so it reads on a light or dark page. */
    private static Image preview() {
        Image badge = new Image(EXAMPLE, "Example badge: prajjwal1/bert-tiny on CUDA");
        badge.setId("badge-preview");
        return badge;
    }
}
