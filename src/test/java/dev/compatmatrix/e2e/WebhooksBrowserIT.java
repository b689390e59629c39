package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.webhook.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The webhooks screen as an admin uses it: add a webhook for every change to a receiver in this test, copy the
 * secret, send a test event, and read the retry and the delivery in the log.
 */
@BrowserTest
class WebhooksBrowserIT {

    @Test
    void an_admin_adds_a_webhook_sends_a_test_event_and_reads_the_retry_in_the_log(Browser admin) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(503);
            admin.signIn("admin");
            admin.open("/webhooks");
            assertThat(admin.navigation()).contains("Webhooks");
            admin.fill("Endpoint URL", receiver.url());
            admin.choose("Receives", "Every change");
            admin.byId("webhook-add").click();
            String secret = admin.until(d -> {
                String value = (String)
                        admin.js("const a = document.querySelector('#webhook-secret');" + " return a ? a.value : null");
                return value == null || value.isEmpty() ? null : value;
            });
            assertThat(secret).startsWith("whsec_");
            admin.byId("webhook-secret-close").click();
            admin.awaitIdle();

            admin.find(By.xpath("//vaadin-button[normalize-space()='Send test event']"))
                    .click();
            admin.notification("Test event queued");
            // The first attempt is answered 503, the retry 10 s later 200 (the default back-off).
            admin.until(d -> receiver.received().size() >= 2 ? true : null);
            admin.byId("webhook-log-refresh").click();
            List<Map<String, String>> log = admin.gridRowsWhen("webhook-log", rows -> rows.size() == 2);
            assertThat(log.get(0).get("Status")).isEqualTo("200");
            assertThat(log.get(0).get("Outcome")).isEqualTo("delivered");
            assertThat(log.get(1).get("Status")).isEqualTo("503");
            assertThat(log.get(1).get("Outcome")).isEqualTo("retry");
            assertThat(log.get(0).get("Event id"))
                    .isEqualTo(receiver.received().getFirst().eventId());
            admin.byId("webhook-log-refresh").click();
            admin.gridRowsWhen(
                    "webhook-grid",
                    rows -> !rows.isEmpty()
                            && "delivered (HTTP 200)".equals(rows.getFirst().get("Last attempt")));
            Path shot = admin.screenshot("webhooks-admin-log");
            Path shots = Path.of("/work/wt/shots");
            if (Files.isDirectory(shots)) {
                Files.copy(shot, shots.resolve("webhooks-admin-log.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
