package dev.compatmatrix.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.matrix.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Who registers which webhooks, who sees and manages them, and how the signing secret is kept. */
class WebhookServiceTest extends WebhookTestSupport {

    @Autowired
    WebhookService webhooks;

    @Autowired
    WebhookSecrets secrets;

    @Test
    void only_admins_register_webhooks_for_every_change() {
        signIn("editor", Roles.EDITOR);
        assertThatThrownBy(() -> webhooks.register("http://127.0.0.1:9/hook", WebhookScope.ALL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.register("http://127.0.0.1:9/hook", WebhookScope.LEVELS))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(webhooks.register("http://127.0.0.1:9/hook", WebhookScope.WATCHES)
                        .webhook()
                        .owner())
                .isEqualTo("editor");
        signIn("admin", Roles.ADMIN);
        assertThat(webhooks.register("http://127.0.0.1:9/all", WebhookScope.ALL)
                        .webhook()
                        .scope())
                .isEqualTo(WebhookScope.ALL);
    }

    @Test
    void users_see_and_manage_only_their_own_webhooks_and_admins_all() {
        signIn("viewer", Roles.VIEWER);
        long viewers = webhooks.register("http://127.0.0.1:9/viewer", WebhookScope.WATCHES)
                .webhook()
                .id();
        signIn("editor", Roles.EDITOR);
        long editors = webhooks.register("http://127.0.0.1:9/editor", WebhookScope.WATCHES)
                .webhook()
                .id();
        assertThat(webhooks.list()).extracting(Webhook::id).containsExactly(editors);
        assertThatThrownBy(() -> webhooks.delete(viewers)).hasMessageContaining("No such webhook");
        assertThatThrownBy(() -> webhooks.sendTest(viewers)).hasMessageContaining("No such webhook");
        assertThatThrownBy(() -> webhooks.log(viewers)).hasMessageContaining("No such webhook");

        signIn("admin", Roles.ADMIN);
        assertThat(webhooks.list()).extracting(Webhook::owner).containsExactly("viewer", "editor");
        webhooks.delete(viewers);
        signIn("viewer", Roles.VIEWER);
        assertThat(webhooks.list()).isEmpty();
    }

    @Test
    void the_secret_is_shown_once_and_stored_only_sealed() {
        signIn("viewer", Roles.VIEWER);
        var registered = webhooks.register("http://127.0.0.1:9/hook", WebhookScope.WATCHES);
        assertThat(registered.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(registered.webhook().secretHint())
                .isEqualTo(registered.secret().substring(0, 10) + "…");
        String stored = jdbc.sql("SELECT secret_sealed FROM webhooks WHERE id = :id")
                .param("id", registered.webhook().id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(registered.secret().substring(6));
        assertThat(secrets.unseal(stored)).isEqualTo(registered.secret());
        assertThat(webhooks.list().getFirst().toString()).doesNotContain(registered.secret());
    }

    @Test
    void a_refused_url_leaves_no_webhook() {
        signIn("admin", Roles.ADMIN);
        assertThatThrownBy(() -> webhooks.register("ftp://127.0.0.1/hook", WebhookScope.ALL))
                .hasMessage("Only https:// endpoints can receive webhooks");
        assertThatThrownBy(() -> webhooks.register("  ", WebhookScope.ALL)).hasMessageContaining("Enter the endpoint");
        assertThat(webhooks.list()).isEmpty();
    }
}
