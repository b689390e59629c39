package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A mistyped address shows the console's own "Not found" page with status 404, signed in or not. */
@BrowserTest
class NotFoundBrowserIT {

    @Test
    void a_mistyped_address_signed_in_shows_the_not_found_page_with_404(Browser browser) throws Exception {
        browser.signIn("viewer");
        browser.open("/nonsense-route");
        assertThat(browser.find(By.id("not-found-message")).getText())
                .startsWith("There is no page at '/nonsense-route'.");
        browser.screenshot("not-found-signed-in");
        String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(status(browser.url("/nonsense-route"), session)).isEqualTo(404);
        assertThat(status(browser.url("/nonsense/deeper/route.html"), session)).isEqualTo(404);
    }

    @Test
    void a_mistyped_address_signed_out_shows_the_not_found_page_with_404(Browser browser) throws Exception {
        browser.open("/nonsense-route");
        assertThat(browser.find(By.id("not-found-message")).getText())
                .startsWith("There is no page at '/nonsense-route'.");
        assertThat(browser.path()).isEqualTo("/nonsense-route");
        browser.screenshot("not-found-signed-out");
        assertThat(status(browser.url("/nonsense-route"), null)).isEqualTo(404);
        // Known screens still ask for sign-in first.
        browser.open("/dashboard");
        browser.until(d -> browser.path().startsWith("/login"));
    }

    static int status(String url, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
