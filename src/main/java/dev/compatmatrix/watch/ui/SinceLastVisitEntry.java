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
 * The count is looked up once per session, not on every page; the panel reads afresh each time it opens.
 */
public class SinceLastVisitEntry extends Button {

    /** The count the session's screens show ("3", "200+"), set on its first screen and when the panel opens. */
    private static final String COUNT = SinceLastVisitEntry.class.getName() + ".count";

    private final WatchService watches;

    public SinceLastVisitEntry(WatchService watches) {
        this.watches = watches;
        setId("since-last-visit-entry");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        setIcon(VaadinIcon.BELL_O.create());
        VaadinSession session = VaadinSession.getCurrent();
        Object known = session == null ? null : session.getAttribute(COUNT);
        SinceLastVisit firstScreen = null;
        try {
            if (known == null) {
                firstScreen = watches.sinceLastVisit();
            }
        } catch (AccessDeniedException noRole) {
            setVisible(false);
            return;
        }
        show(known == null ? count(firstScreen) : (String) known);
        addClickListener(e -> open());
        if (firstScreen != null && firstScreen.count() > 0) {
            SinceLastVisit since = firstScreen;
            addAttachListener(e -> {
                e.unregisterListener();
                open(since);
            });
        }
    }

    /** Opens the panel (again), read afresh. */
    public SinceLastVisitPanel open() {
        SinceLastVisit since = watches.sinceLastVisit();
        show(count(since));
        return open(since);
    }

    private SinceLastVisitPanel open(SinceLastVisit since) {
        SinceLastVisitPanel panel = new SinceLastVisitPanel(since);
        panel.open();
        return panel;
    }

    private void show(String count) {
        setText("Since your last visit (" + count + ")");
        if (VaadinSession.getCurrent() != null) {
            VaadinSession.getCurrent().setAttribute(COUNT, count);
        }
    }

    /** "3", or "200+" when there were more than the panel lists. */
    private static String count(SinceLastVisit since) {
        return since.count() + (since.more() ? "+" : "");
    }
}
