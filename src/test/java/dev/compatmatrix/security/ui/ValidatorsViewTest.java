package dev.compatmatrix.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.store.ValidatorRepository.ValidatorRow;
import dev.compatmatrix.security.ValidatorAdminService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

class ValidatorsViewTest extends WritingKaribuTest {

    @Autowired
    ValidatorAdminService service;

    @Autowired
    JdbcClient jdbc;

    private static ValidatorRow row(ValidatorsView view, String name) {
        return IntStream.range(0, GridKt._size(view.grid))
                .mapToObj(i -> GridKt._get(view.grid, i))
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void an_admin_creates_a_validator_and_raising_a_level_leaves_past_reviews_as_they_were() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/validators");
        ValidatorsView view = _get(ValidatorsView.class);
        _click(view.create);
        view.editor.name.setValue("Night shift");
        view.editor.email.setValue("not an address");
        _click(view.editor.save);
        assertThat(view.editor.isOpened()).isTrue();
        view.editor.email.setValue("night@example.org");
        view.editor.level.setValue(2);
        _click(view.editor.save);
        assertThat(row(view, "Night shift").level()).isEqualTo(2);

        long reviewsAtLevel1 = jdbc.sql("SELECT count(*) FROM validation_reviews WHERE verification_level = 1")
                .query(Long.class)
                .single();
        ValidatorRow priya = row(view, "Priya Raman");
        GridKt._clickItem(
                view.grid,
                IntStream.range(0, GridKt._size(view.grid))
                        .filter(i -> GridKt._get(view.grid, i).name().equals("Priya Raman"))
                        .findFirst()
                        .orElseThrow());
        view.editor.level.setValue(3);
        _click(view.editor.save);
        assertThat(row(view, "Priya Raman").level()).isEqualTo(3);
        assertThat(priya.level()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM validation_reviews WHERE verification_level = 1")
                        .query(Long.class)
                        .single())
                .isEqualTo(reviewsAtLevel1);
        // Other tests share this database and expect the demo's levels.
        service.update(
                priya.validatorId(),
                new ValidatorAdminService.ValidatorData(
                        priya.name(), priya.type(), priya.email(), priya.organization(), priya.level()));
    }

    @Test
    void only_admins_manage_validators() {
        login("validator3", Roles.VALIDATOR);
        UI.getCurrent().navigate("admin/validators");
        _assertNone(ValidatorsView.class);
        _get(AccessDeniedView.class);
        assertThatThrownBy(() -> service.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(new ValidatorAdminService.ValidatorData("x", "human", null, null, 1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_refused_name_or_e_mail_shows_on_that_field_and_nothing_is_saved() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/validators");
        ValidatorsView view = _get(ValidatorsView.class);
        int before = GridKt._size(view.grid);
        _click(view.create);
        view.editor.name.setValue("   ");
        _click(view.editor.save);

        assertThat(view.editor.name.isInvalid()).isTrue();
        assertThat(view.editor.name.getErrorMessage()).contains("name of 1 to 100 characters");
        NotificationsKt.expectNoNotifications();

        view.editor.name.setValue("Weekend shift");
        view.editor.email.setValue("not an address");
        _click(view.editor.save);
        assertThat(view.editor.name.isInvalid()).isFalse();
        assertThat(view.editor.email.isInvalid()).isTrue();
        assertThat(view.editor.email.getErrorMessage()).contains("e-mail");
        NotificationsKt.expectNoNotifications();
        assertThat(GridKt._size(view.grid)).isEqualTo(before);
    }
}
