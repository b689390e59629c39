package dev.compatmatrix.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser tab without a browser: the HTTP requests headless Chromium makes (recorded through Playwright's request
 * log against this application on Vaadin 25.2) to sign in through the login view and open the matrix. All a tab keeps
 * is its cookies, so it adds next to nothing to the heap the server shares with it.
 */
final class HttpBrowserTab {

    /** What the opened matrix showed: the grid's row count, the rows of its first page and their JSON. */
    record OpenedMatrix(long rowCount, int firstPageRows, String firstPage) {}

    /** Without interning property names: the grid's renderer keys differ per UI and would pile up in this heap. */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                    .build())
            .build();

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    /** What Vaadin's client reports about the browser in its init request (Chromium's values, recorded). */
    private static final String BROWSER_DETAILS = "&v-sh=720&v-sw=1280&v-wh=720&v-ww=1280&v-bh=720&v-bw=1280"
            + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light"
            + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED"
            + "&v-ws=false";

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new HashMap<>();
    /** The UI the matrix opened in, for {@link #openPush}. */
    private VaadinUi matrixUi;

    /** {@code http} must not follow redirects: the tab follows them itself, as the recording shows them. */
    HttpBrowserTab(HttpClient http, int port) {
        this.http = http;
        this.base = "http://localhost:" + port;
    }

    /**
     * Signs in through the login view, as the browser does, up to the bootstrap page of the matrix URL (no UI open);
     * fails on any other answer.
     */
    void signIn(String username, String password) throws IOException, InterruptedException {
        // Signed out, the matrix URL is saved in the session and answered with the login view.
        expectRedirect(exchange(get("/")), "/login");
        HttpResponse<String> loginPage = expect(exchange(get("/login")), 200);
        Matcher csrf = CSRF_META.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        // Vaadin's client asks for a UI, then navigates it to the login view.
        VaadinUi login = init("login", "");
        login.send(List.of(navigate("/login", "")));
        // vaadin-login-form posts an ordinary form with the CSRF token of the page's meta tag. Spring Security gives
        // the session a new id and sends the browser to the saved URL.
        expectRedirect(
                exchange(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf.group(1)) + "&username="
                                + encode(username) + "&password=" + encode(password)))),
                "/?continue");
        // Leaving the login page, the client sends a beacon that closes its UI.
        login.unload();
        expect(exchange(get("/?continue")), 200);
    }

    /** After {@link #signIn}: the client's UI for the bootstrap page navigates to the matrix, as the browser does. */
    OpenedMatrix openMatrix() throws IOException, InterruptedException {
        VaadinUi matrix = init("", "continue");
        matrixUi = matrix;
        JsonNode opened = matrix.send(List.of(navigate("/", "continue")));
        GridUpdate shown = gridOf(opened);
        // The grid's connector confirms the update that brought the first page, so the server may forget it; the
        // answer to this message is also what the UI keeps as its last response (instead of the big one above).
        Map<String, Object> confirm = Map.of(
                "type",
                "publishedEventHandler",
                "node",
                shown.gridNode(),
                "templateEventMethodName",
                "confirmUpdate",
                "templateEventMethodArgs",
                List.of(shown.updateId()),
                "promise",
                0);
        matrix.send(List.of(confirm));
        return shown.matrix();
    }

    private record GridUpdate(int gridNode, int updateId, OpenedMatrix matrix) {}

    /** The grid's node in the navigation's answer, its size, its first page and the update id to confirm. */
    private static GridUpdate gridOf(JsonNode answer) {
        Integer grid = null;
        for (JsonNode change : answer.path("changes")) {
            if ("tag".equals(change.path("key").asString())
                    && "vaadin-grid".equals(change.path("value").asString())) {
                grid = change.path("node").asInt();
            }
        }
        if (grid == null) {
            throw new IllegalStateException("The matrix opened without a grid: " + abbreviate(answer.toString()));
        }
        long size = -1;
        Integer updateId = null;
        JsonNode rows = null;
        for (JsonNode call : answer.path("execute")) {
            if (call.path(0).path("@v-node").asInt(-1) != grid) {
                continue;
            }
            String script = call.path(call.size() - 1).asString();
            if (script.contains("$connector.updateSize(")) {
                size = call.path(1).asLong();
            } else if (script.contains("$connector.set(")) {
                rows = call.path(2);
            } else if (script.contains("$connector.confirm(")) {
                updateId = call.path(1).asInt();
            }
        }
        if (size < 0 || rows == null || updateId == null) {
            throw new IllegalStateException("The grid's first page was not sent: " + abbreviate(answer.toString()));
        }
        return new GridUpdate(grid, updateId, new OpenedMatrix(size, rows.size(), rows.toString()));
    }

    private static Map<String, Object> navigate(String route, String query) {
        return Map.of(
                "type",
                "event",
                "node",
                1,
                "event",
                "ui-navigate",
                "data",
                Map.of(
                        "route",
                        route,
                        "query",
                        query,
                        "appShellTitle",
                        "",
                        "historyState",
                        Map.of("idx", 0),
                        "trigger",
                        ""));
    }

    /**
     * After {@link #openMatrix}: the push connection Vaadin's client opens for the matrix's UI (Atmosphere over a
     * WebSocket, as Chromium's client asks for it), whose frames go to {@code frames} (one call per whole frame). Done
     * when the server accepted the WebSocket.
     */
    CompletableFuture<WebSocket> openPush(Consumer<String> frames) {
        URI push = URI.create(base.replace("http://", "ws://") + "/VAADIN/push?v-r=push&v-uiId=" + matrixUi.id
                + "&v-pushId=" + encode(matrixUi.pushId)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=" + encode("application/json; charset=UTF-8") + "&X-atmo-protocol=true");
        return http.newWebSocketBuilder().header("Cookie", cookieHeader()).buildAsync(push, new WebSocket.Listener() {
            private final StringBuilder frame = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                frame.append(data);
                if (last) {
                    frames.accept(frame.toString());
                    frame.setLength(0);
                }
                socket.request(1);
                return null;
            }
        });
    }

    /** One UI of the tab: its id, Vaadin's CSRF key, its push id and the message counters its client keeps. */
    private final class VaadinUi {
        private final int id;
        private final String key;
        private final String pushId;
        private int syncId;
        private int clientId;

        VaadinUi(int id, String key, String pushId, int syncId, int clientId) {
            this.id = id;
            this.key = key;
            this.pushId = pushId;
            this.syncId = syncId;
            this.clientId = clientId;
        }

        JsonNode send(List<Map<String, Object>> rpc) throws IOException, InterruptedException {
            String body = JSON.writeValueAsString(
                    Map.of("csrfToken", key, "rpc", rpc, "syncId", syncId, "clientId", clientId));
            JsonNode answer = JSON.readTree(expect(exchange(uidl(body, "application/json; charset=UTF-8")), 200)
                    .body());
            if (answer.has("meta") && answer.path("meta").has("sessionExpired")) {
                throw new IllegalStateException("Session expired: " + answer);
            }
            syncId = answer.path("syncId").asInt(syncId);
            clientId = answer.path("clientId").asInt(clientId + 1);
            return answer;
        }

        void unload() throws IOException, InterruptedException {
            String body = JSON.writeValueAsString(Map.of("csrfToken", key, "rpc", List.of(), "UNLOAD", true));
            expect(exchange(uidl(body, "text/plain;charset=UTF-8")), 200);
        }

        private HttpRequest.Builder uidl(String body, String contentType) {
            return HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + id))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
    }

    /** Vaadin's init request: creates the UI and answers its configuration and first state. */
    private VaadinUi init(String location, String query) throws IOException, InterruptedException {
        JsonNode config = JSON.readTree(expect(
                                exchange(get("/?v-r=init&location=" + encode(location) + "&query="
                                        + encode(query) + BROWSER_DETAILS + "&v-curdate=" + System.currentTimeMillis()
                                        + "&v-wn=v-"
                                        + Math.random())),
                                200)
                        .body())
                .path("appConfig");
        JsonNode uidl = config.path("uidl");
        return new VaadinUi(
                config.path("v-uiId").asInt(),
                uidl.path("Vaadin-Security-Key").asString(),
                uidl.path("Vaadin-Push-ID").asString(),
                uidl.path("syncId").asInt(0),
                uidl.path("clientId").asInt(0));
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return response;
    }

    private String cookieHeader() {
        return String.join(
                "; ",
                cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue())
                        .toList());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + ": HTTP "
                    + response.statusCode() + " (expected " + status + "): " + abbreviate(response.body()));
        }
        return response;
    }

    private void expectRedirect(HttpResponse<String> response, String target) {
        expect(response, 302);
        String location = response.headers().firstValue("Location").orElse("");
        if (!location.equals(base + target) && !location.equals(target)) {
            throw new IllegalStateException(response.uri() + " redirected to " + location + ", expected " + target);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + " …" : text;
    }
}
