package dev.compatmatrix.watch.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** How a refused watch is told: the service's words, as an error notification. */
final class WatchNotices {

    private WatchNotices() {}

    static void refused(IllegalArgumentException refused) {
        Notification.show(refused.getMessage(), 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
