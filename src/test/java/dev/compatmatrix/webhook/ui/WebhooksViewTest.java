package dev.compatmatrix.webhook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;
import dev.compatmatrix.KaribuSupport;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.webhook.WebhookAttempt;
import dev.compatmatrix.webhook.WebhookScope;
import dev.compatmatrix.webhook.WebhookService;
import dev.compatmatrix.webhook.WebhookTestSupport;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The webhooks screen: a user's own webhooks, the secret once, a test event and its line in the delivery log. */
class WebhooksViewTest extends WebhookTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    WebhookService webhooks;

    @BeforeEach
    void setUpVaadin() {
        KaribuSupport.setUp(context);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSupport.tearDown();
    }

    @Test
    void a_user_adds_a_webhook_sends_a_test_event_and_reads_its_delivery_log() {
        try (var receiver = receiver()) {
            KaribuSupport.login("viewer", Roles.VIEWER);
            UI.getCurrent().navigate("webhooks");
            WebhooksView view = _get(WebhooksView.class);
            assertThat(view.scope.getListDataView().getItems()).containsExactly(WebhookScope.WATCHES);

            view.url.setValue(receiver.url());
            _click(view.add);
            String secret =
                    _get(TextArea.class, spec -> spec.withId("webhook-secret")).getValue();
            assertThat(secret).isEqualTo(view.shownSecret).startsWith("whsec_");
            assertThat(GridKt._size(view.grid)).isEqualTo(1);
            assertThat(GridKt._get(view.grid, 0).url()).isEqualTo(receiver.url());

            view.sendTest(GridKt._get(view.grid, 0));
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> !receiver.received().isEmpty());
            Awaitility.await().pollInSameThread().atMost(5, TimeUnit.SECONDS).until(() -> {
                _click(view.refreshLog);
                return GridKt._size(view.log) == 1;
            });
            WebhookAttempt attempt = GridKt._get(view.log, 0);
            assertThat(attempt.eventId())
                    .isEqualTo(receiver.received().getFirst().eventId());
            assertThat(GridKt._getFormattedRow(view.log, 0)).contains("200", "delivered", attempt.eventId());

            view.delete(GridKt._get(view.grid, 0));
            assertThat(GridKt._size(view.grid)).isZero();
        }
    }

    @Test
    void an_admin_sees_every_webhook_with_its_owner_and_may_choose_every_change() {
        KaribuSupport.login("editor", Roles.EDITOR);
        webhooks.register("http://127.0.0.1:9/editor", WebhookScope.WATCHES);

        KaribuSupport.login("admin", Roles.ADMIN);
        UI.getCurrent().navigate("webhooks");
        WebhooksView view = _get(WebhooksView.class);
        assertThat(view.scope.getListDataView().getItems()).contains(WebhookScope.ALL, WebhookScope.WATCHES);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("editor", "http://127.0.0.1:9/editor");
    }

    @Test
    void a_refused_url_is_said_on_the_field_and_adds_nothing() {
        KaribuSupport.login("viewer", Roles.VIEWER);
        UI.getCurrent().navigate("webhooks");
        WebhooksView view = _get(WebhooksView.class);
        view.url.setValue("ftp://127.0.0.1/hook");
        _click(view.add);
        assertThat(view.url.isInvalid()).isTrue();
        assertThat(view.url.getErrorMessage()).isEqualTo("Only https:// endpoints can receive webhooks");
        assertThat(GridKt._size(view.grid)).isZero();
    }
}
