package dev.compatmatrix;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.compatmatrix.base.db.DatabaseCopyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/app.css")
@Push // live screens (matrix.ui.LiveUpdates): WebSocket, long polling where a proxy refuses it
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
