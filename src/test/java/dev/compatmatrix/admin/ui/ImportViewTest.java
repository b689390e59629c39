package dev.compatmatrix.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.base.ui.AccessDeniedView;
import dev.compatmatrix.security.Roles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class ImportViewTest extends WritingKaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_sees_the_bad_rows_fixes_them_and_applies() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/import");
        ImportView view = _get(ImportView.class);
        String bad = "model,family,type,size,hardware,level\nview-import-a,fam,audio,tiny,cuda,high\nview-import-b,fam,robot,tiny,cpu,low\n";
        view.received("bad.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(GridKt._size(view.errors)).isEqualTo(1);
        assertThat(GridKt._get(view.errors, 0).line()).isEqualTo(3);

        view.received("good.csv", bad.replace("robot", "vision").getBytes(StandardCharsets.UTF_8));
        assertThat(view.summary.getText()).contains("2 new models", "2 new claims", "Ready to apply");
        _click(view.apply);
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.upload.isEnabled()).isFalse();
        view.running.join();
        MockVaadin.clientRoundtrip(false);
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.upload.isEnabled()).isTrue();
        assertThat(view.summary.getText()).isEqualTo("Imported good.csv.");
        long imported = jdbc.sql("SELECT count(*) FROM models WHERE model_name LIKE 'view-import-%'").query(Long.class).single();
        assertThat(imported).isEqualTo(2);
        assertThat(view.apply.isEnabled()).isFalse();
    }

    @Test
    void one_new_model_and_one_claim_are_counted_in_the_singular() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/import");
        ImportView view = _get(ImportView.class);

        view.received("one.csv", "model,family,type,size,hardware,level\nview-import-one,fam,audio,tiny,cuda,high\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(view.summary.getText()).isEqualTo("one.csv: 1 row — 1 new model, 1 new claim, 0 changed claims, "
                + "0 unchanged. Ready to apply.");
    }

    @Test
    void other_roles_cannot_import_and_the_refusal_is_logged(CapturedOutput output) {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("admin/import");
        _assertNone(ImportView.class);
        _get(AccessDeniedView.class);
        assertThat(output).contains("Access denied: editor may not open the screen /admin/import");
    }
}
