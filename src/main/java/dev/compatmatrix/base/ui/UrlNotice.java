package dev.compatmatrix.base.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;

/** Says which link parameters a screen ignored, on the page and in a notification; hidden when none. */
public class UrlNotice extends Paragraph {

    public UrlNotice() {
        addClassName("url-notice");
        setVisible(false);
    }

    public void show(List<String> ignoredParameters) {
        if (ignoredParameters.isEmpty()) {
            setVisible(false);
            return;
        }
        String text = "Ignored invalid link parameters: " + String.join(", ", ignoredParameters);
        setText(text);
        setVisible(true);
        Notification.show(text, 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
