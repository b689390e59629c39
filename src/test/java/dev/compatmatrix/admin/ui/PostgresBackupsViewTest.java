package dev.compatmatrix.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import dev.compatmatrix.PostgresDemoKaribuTest;
import dev.compatmatrix.PostgresTestServer;
import dev.compatmatrix.admin.backup.BackupService;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.base.db.PostgresUrl;
import dev.compatmatrix.matrix.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On PostgreSQL the backup screen gives the database's own tools' commands for this database, never its password. */
class PostgresBackupsViewTest extends PostgresDemoKaribuTest {

    @Autowired
    DatabaseProperties database;

    @Autowired
    BackupService backups;

    @Test
    void the_backup_screen_shows_pg_dump_and_pg_restore_for_this_database_and_no_backup_button() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/backups");
        _get(BackupsView.class);
        PostgresUrl url = PostgresUrl.parse(database.url());
        String server = "--host=127.0.0.1 --port=" + PostgresTestServer.shared().port() + " --username="
                + PostgresTestServer.USER;

        String backup =
                _get(Pre.class, spec -> spec.withId("own-backup-command")).getText();
        String restore =
                _get(Pre.class, spec -> spec.withId("own-restore-commands")).getText();

        assertThat(backup).startsWith("pg_dump " + server + " --dbname=" + url.database() + " --format=custom");
        assertThat(restore)
                .contains("createdb --host=127.0.0.1 --port="
                        + PostgresTestServer.shared().port() + " --username=postgres --owner=" + PostgresTestServer.USER
                        + " " + url.database() + "_restored")
                .contains("pg_restore " + server + " --dbname=" + url.database() + "_restored");
        assertThat(backup + restore).doesNotContain("password=", PostgresTestServer.PASSWORD + "@");
        _assertNone(Button.class, spec -> spec.withText("Back up now"));
        _assertNone(Grid.class);
    }

    @Test
    void the_console_refuses_to_take_a_backup_of_a_postgresql_database() {
        login("admin", Roles.ADMIN);
        assertThatThrownBy(() -> backups.backupNow())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("back it up with: pg_dump");
        assertThat(backups.list()).isEmpty();
    }
}
