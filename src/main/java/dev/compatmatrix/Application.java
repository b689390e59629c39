package dev.compatmatrix;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.compatmatrix.base.db.DatabaseCopyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/app.css")
// Light or dark as the operating system says; a signed-in user's own choice replaces it (security.ui.ThemeOnPageLoad).
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
// Live screens (matrix.ui.LiveUpdates). Pushes go down a WebSocket (long polling where a proxy refuses it); what the
// browser sends stays ordinary requests, so every one passes the security filters (a session ended elsewhere ends).
@Push(transport = Transport.WEBSOCKET_XHR)
@PWA(name = "Compatibility Matrix Console", shortName = "Compat Matrix")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (DatabaseCopyCommand.requested(args)) {
            // A copy between databases (README, "Moving between DuckDB and PostgreSQL"), not a console start.
            System.exit(DatabaseCopyCommand.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }
}
