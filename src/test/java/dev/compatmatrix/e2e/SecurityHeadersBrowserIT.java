package dev.compatmatrix.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The production jar's headers as a browser and an attacker meet them: Content-Security-Policy, cookie, redirects. */
@BrowserTest
class SecurityHeadersBrowserIT {

    @Test
    @Tag(BrowserExtension.EXPECTS_CSP_VIOLATIONS)
    void injected_inline_scripts_and_event_handlers_do_not_run(Browser browser) {
        browser.signIn("viewer");
        browser.js("""
                const box = document.createElement('div');
                box.innerHTML = '<img src="no-such-image.png" onerror="window.__handlerRan = true">';
                document.body.append(box);
                const script = document.createElement('script');
                script.textContent = 'window.__scriptRan = true';
                document.head.append(script);""");
        // The browser reports each refusal; by then the image's error has fired (or been refused).
        java.util.List<String> refused = new java.util.ArrayList<>();
        browser.until(d -> {
            refused.addAll(browser.cspViolations());
            return refused.size() >= 2;
        });
        assertThat(browser.js("return window.__handlerRan === undefined && window.__scriptRan === undefined"))
                .as("injected handler and script did not run; refused: " + refused)
                .isEqualTo(true);
        assertThat(browser.navigation()).as("the console still works").contains("Matrix");
    }

    @Test
    void the_api_documentation_works_under_the_policy(Browser browser) {
        // Swagger UI is no Vaadin page: loaded directly; the extension fails the test on any refused content.
        browser.driver.get(browser.url("/api/docs"));
        browser.until(
                d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
    }

    @Test
    void the_host_header_is_not_reflected_into_redirects(Browser browser) throws IOException {
        String answer = rawGet(browser.url("/"), "evil.example");
        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(location(answer)).isEqualTo("/login");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site(Browser browser) throws IOException {
        String answer = rawGet(browser.url("/login"), null);
        String cookie = answer.lines()
                .filter(line -> line.startsWith("Set-Cookie: JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(answer)
                .contains(
                        "Content-Security-Policy: default-src 'self'",
                        "Referrer-Policy: same-origin",
                        "Permissions-Policy: camera=()");
    }

    private static String location(String answer) {
        return answer.lines()
                .filter(line -> line.startsWith("Location: "))
                .map(line -> line.substring(10))
                .findFirst()
                .orElse(null);
    }

    /** A GET as any client can send it, with the Host header it likes (Java's HTTP client would not allow that). */
    static String rawGet(String url, String host) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + (host == null ? uri.getAuthority() : host)
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).replace("\r\n", "\n");
        }
    }
}
