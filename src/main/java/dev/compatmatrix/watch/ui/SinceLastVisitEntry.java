package dev.compatmatrix.watch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;
import dev.compatmatrix.watch.SinceLastVisit;
import dev.compatmatrix.watch.WatchService;
import org.springframework.security.access.AccessDeniedException;

/**
 * The header's "Since your last visit (n)" button, which opens the panel. On the first screen of a session the panel
 * opens by itself when something watched has changed (a panel that says nothing changed would only be in the way).
 */
public class SinceLastVisitEntry extends Button {

    private static final String SHOWN = SinceLastVisitEntry.class.getName() + ".shown";

    private SinceLastVisit since;

    public SinceLastVisitEntry(WatchService watches) {
        setId("since-last-visit-entry");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        setIcon(VaadinIcon.BELL_O.create());
        try {
            since = watches.sinceLastVisit();
        } catch (AccessDeniedException noRole) {
            setVisible(false);
            return;
        }
        setText("Since your last visit (" + since.changes().size() + (since.more() ? "+" : "") + ")");
        addClickListener(e -> open());
        addAttachListener(e -> {
            VaadinSession session = e.getSession();
            if (session.getAttribute(SHOWN) == null) {
                session.setAttribute(SHOWN, Boolean.TRUE);
                if (!since.changes().isEmpty()) {
                    open();
                }
            }
        });
    }

    /** Opens the panel (again). */
    public SinceLastVisitPanel open() {
        SinceLastVisitPanel panel = new SinceLastVisitPanel(since);
        panel.open();
        return panel;
    }
}
