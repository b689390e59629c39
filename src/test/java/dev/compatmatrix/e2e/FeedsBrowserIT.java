package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A person opens Feeds from the menu, makes their private feed address and copies it; a feed reader (no cookies)
 * reads it; replacing the address stops the old one.
 */
@BrowserTest
class FeedsBrowserIT {

    private static final String ADDRESS = "return document.querySelector('#feed-private-address').value";
    private static final HttpClient READER = HttpClient.newHttpClient();

    @Test
    void a_viewer_makes_and_copies_a_private_feed_address_that_a_feed_reader_reads_until_it_is_replaced(Browser browser)
            throws Exception {
        browser.signIn("viewer");
        browser.find(By.xpath("//vaadin-side-nav-item[normalize-space()='Feeds']"))
                .click();
        browser.until(d -> browser.path().equals("/feeds"));
        browser.awaitIdle();
        browser.screenshot("feeds-before");

        browser.byId("feed-replace").click();
        confirmIfAsked(browser);
        String first = browser.until(d -> (String) browser.js(ADDRESS));
        assertThat(first).startsWith(browser.url("/feeds/private/cmf_")).endsWith("/watching.atom");

        browser.js("navigator.clipboard.writeText = text => { window.__copied = text; return Promise.resolve(); }");
        browser.byId("feed-copy").click();
        browser.until(d -> "Copied".equals(browser.byId("feed-copied").getText()));
        assertThat(browser.js("return window.__copied")).isEqualTo(first);
        browser.screenshot("feeds-address-made");

        HttpResponse<String> read = get(first);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(read.body()));
        assertThat(feed.getTitle()).isEqualTo("Changes you watch");
        assertThat(get(browser.url("/feeds/platforms/cuda.atom")).statusCode()).isEqualTo(403);

        List<Map<String, Object>> serious = browser.axeViolations().stream()
                .filter(v -> List.of("critical", "serious").contains(v.get("impact")))
                .toList();
        assertThat(serious).isEmpty();

        browser.byId("feed-replace").click();
        confirmIfAsked(browser);
        String second = browser.until(d -> first.equals(browser.js(ADDRESS)) ? null : (String) browser.js(ADDRESS));
        assertThat(browser.byId("feed-copied").getText())
                .as("the new address is not copied yet")
                .isEmpty();
        assertThat(get(first).statusCode()).isEqualTo(404);
        assertThat(get(second).statusCode()).isEqualTo(200);
        browser.screenshot("feeds-address-replaced");
    }

    /** Replacing an address asks first; making the first one does not. */
    private static void confirmIfAsked(Browser browser) {
        browser.awaitIdle();
        var confirm = browser.driver.findElements(By.cssSelector("vaadin-button[slot='confirm-button']"));
        if (!confirm.isEmpty()) {
            confirm.getFirst().click();
            browser.awaitIdle();
        }
    }

    private static HttpResponse<String> get(String address) throws Exception {
        return READER.send(
                HttpRequest.newBuilder(URI.create(address)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
