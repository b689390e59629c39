package dev.compatmatrix.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiToken;
import dev.compatmatrix.security.token.ApiTokenAuthenticator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiTokensViewTest extends WritingKaribuTest {

    @Autowired
    ApiTokenAuthenticator authenticator;

    @Test
    void an_admin_creates_a_token_sees_its_secret_once_and_revokes_it() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/tokens");
        ApiTokensView view = _get(ApiTokensView.class);
        int before = GridKt._size(view.grid);
        view.name.setValue("nightly CUDA");
        view.validator.setValue(view.validator
                .getListDataView()
                .getItems()
                .filter(v -> v.name().equals("nightly-ci"))
                .findFirst()
                .orElseThrow());
        _click(view.create);
        String secret =
                _get(TextArea.class, spec -> spec.withId("token-secret")).getValue();
        assertThat(secret).isEqualTo(view.shownSecret).startsWith("cmc_");
        assertThat(GridKt._size(view.grid)).isEqualTo(before + 1);
        ApiToken listed = GridKt._get(view.grid, 0);
        assertThat(listed.name()).isEqualTo("nightly CUDA");
        assertThat(authenticator.authenticate(secret)).isPresent();

        view.revokeForTest(listed);
        assertThat(authenticator.authenticate(secret)).isEmpty();
        assertThat(GridKt._get(view.grid, 0).revokedAt()).isNotNull();
    }

    @Test
    void the_token_screen_offers_the_feedback_scope_and_a_token_made_with_it_may_report() {
        login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("admin/tokens");
        ApiTokensView view = _get(ApiTokensView.class);
        assertThat(view.scopes.getListDataView().getItems().map(ApiScope::key)).contains("feedback:write");
        view.name.setValue("community reports");
        view.validator.setValue(view.validator
                .getListDataView()
                .getItems()
                .filter(v -> v.name().equals("nightly-ci"))
                .findFirst()
                .orElseThrow());
        view.scopes.setValue(Set.of(ApiScope.FEEDBACK_WRITE));
        _click(view.create);
        assertThat(GridKt._fetch(view.grid, 0, 1).getFirst().scopes()).containsExactly(ApiScope.FEEDBACK_WRITE);
        assertThat(authenticator.authenticate(view.shownSecret).orElseThrow().scopes())
                .containsExactly(ApiScope.FEEDBACK_WRITE);
    }

    @Test
    void other_roles_cannot_open_the_token_screen() {
        login("validator1", Roles.VALIDATOR);
        UI.getCurrent().navigate("admin/tokens");
        _assertNone(ApiTokensView.class);
        _get(AccessDeniedView.class);
    }
}
