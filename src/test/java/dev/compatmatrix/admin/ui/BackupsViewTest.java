package dev.compatmatrix.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.ui.AccessDeniedView;
import org.junit.jupiter.api.Test;

class BackupsViewTest extends WritingKaribuTest {

    @Test
    void an_admin_takes_a_backup_and_sees_it_listed() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/backups");
        BackupsView view = _get(BackupsView.class);
        int before = GridKt._size(view.grid);
        _click(view.backupNow);
        assertThat(GridKt._size(view.grid)).isEqualTo(before + 1);
        assertThat(GridKt._get(view.grid, 0).name()).startsWith("backup-");
        assertThat(GridKt._get(view.grid, 0).bytes()).isPositive();
    }

    @Test
    void other_roles_cannot_open_backups() {
        login("validator1", Roles.VALIDATOR);
        UI.getCurrent().navigate("admin/backups");
        _assertNone(BackupsView.class);
        _get(AccessDeniedView.class);
    }
}
