package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/**
 * X-Forwarded-* headers are believed only from the configured proxies: a real Tomcat with the application's
 * customizer, asked over plain sockets from 127.0.0.1 and 127.0.0.2, tells what it made of each request.
 */
class TrustedProxiesTest {

    private static final String FORWARDED = "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n"
            + "X-Forwarded-Host: console.example.org\r\n";

    @Test
    void without_configured_proxies_forwarded_headers_are_ignored() throws Exception {
        WebServer server = start("");
        try {
            assertThat(ask(server, "127.0.0.1")).isEqualTo("127.0.0.1 http false localhost");
        } finally {
            server.stop();
        }
    }

    @Test
    void a_configured_proxy_is_believed_and_anyone_else_is_not() throws Exception {
        WebServer server = start("127.0.0.2, 10.1.0.0/16");
        try {
            assertThat(ask(server, "127.0.0.2")).isEqualTo("203.0.113.9 https true console.example.org");
            assertThat(ask(server, "127.0.0.1")).isEqualTo("127.0.0.1 http false localhost");
        } finally {
            server.stop();
        }
    }

    /** A server whose one servlet answers with the client address, scheme, whether secure, and host it sees. */
    private static WebServer start(String proxies) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new TrustedProxies(proxies).customize(factory);
        WebServer server = factory.getWebServer(context -> context.addServlet("echo", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.getWriter()
                                .write(ClientAddress.of(request) + " " + request.getScheme() + " " + request.isSecure()
                                        + " " + request.getServerName());
                    }
                })
                .addMapping("/*"));
        server.start();
        return server;
    }

    private static String ask(WebServer server, String fromAddress) throws IOException {
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), server.getPort(), InetAddress.getByName(fromAddress), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: localhost\r\n" + FORWARDED + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(answer.indexOf("\r\n\r\n") + 4).strip();
        }
    }
}
