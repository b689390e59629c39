package dev.compatmatrix.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.admin.AuditService;
import dev.compatmatrix.admin.query.AuditFilter;
import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.ui.AccessDeniedView;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

class AuditLogViewTest extends WritingKaribuTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    /** Unique per test, as the writing database is shared by the test classes. */
    private final String auditorA = "auditor-a-" + System.nanoTime();

    private final String auditorB = "auditor-b-" + System.nanoTime();

    @BeforeEach
    void someHistory() {
        auditLog.record(
                auditorA,
                "claim.update",
                "compatibility_details",
                1,
                "Edited a claim",
                Map.of("level", "low"),
                Map.of("level", "high"),
                LocalDateTime.of(2026, 3, 1, 10, 0));
        auditLog.record(
                auditorB,
                "model.create",
                "models",
                2,
                "Created a model",
                null,
                Map.of("name", "x"),
                LocalDateTime.of(2026, 5, 1, 10, 0));
    }

    @Test
    void an_admin_sees_every_write_newest_first_and_filters_by_user_entity_and_dates() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/audit");
        AuditLogView view = _get(AuditLogView.class);
        long all = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
        assertThat(GridKt._size(view.grid)).isEqualTo((int) all);
        assertThat(view.count.getText()).isEqualTo(all + " entries");

        view.actor.setValue(auditorA);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).oldValue()).contains("low");
        assertThat(GridKt._get(view.grid, 0).newValue()).contains("high");

        view.actor.clear();
        view.entity.setValue("models");
        view.from.setValue(LocalDate.of(2026, 4, 1));
        view.to.setValue(LocalDate.of(2026, 5, 31));
        assertThat(GridKt._get(view.grid, 0).actor()).isEqualTo(auditorB);
        assertThat(audit.count(new AuditFilter(null, "models", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31))))
                .isEqualTo(GridKt._size(view.grid));

        view.to.setValue(LocalDate.of(2026, 1, 1));
        assertThat(view.to.isInvalid()).isTrue();
    }

    @Test
    void only_admins_read_the_audit_log() {
        login("editor", Roles.EDITOR);
        UI.getCurrent().navigate("admin/audit");
        _assertNone(AuditLogView.class);
        _get(AccessDeniedView.class);
        assertThatThrownBy(() -> audit.count(AuditFilter.NONE)).isInstanceOf(AccessDeniedException.class);
    }
}
