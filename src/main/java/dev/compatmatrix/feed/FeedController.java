package dev.compatmatrix.feed;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Atom feeds of matrix changes. With a session: {@code /feeds/models/{model}.atom} (names may hold slashes, e.g.
 * {@code /feeds/models/prajjwal1/bert-tiny.atom}), {@code /feeds/platforms/{key}.atom}, {@code /feeds/watching.atom}.
 * For feed readers, which have no session, the same under a user's secret: {@code /feeds/private/{secret}/…}. An
 * unknown model, platform or secret is a 404 in plain words; a feed asked for without session or secret a 403.
 * Never cached by shared caches; an ETag makes an unchanged feed a 304.
 */
@Controller
@ResponseBody
public class FeedController {

    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    private static final String SUFFIX = ".atom";

    private final FeedService feeds;
    private final Clock clock;
    private final String publicUrl;

    public FeedController(FeedService feeds, Clock clock, @Value("${compat.public-url:}") String publicUrl) {
        this.feeds = feeds;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping("/feeds/models/{*path}")
    public ResponseEntity<String> model(@PathVariable String path, HttpServletRequest request) {
        return atom(feeds.modelFeed(name(path, "model")), request, true);
    }

    @GetMapping("/feeds/platforms/{file}")
    public ResponseEntity<String> platform(@PathVariable String file, HttpServletRequest request) {
        return atom(feeds.platformFeed(name(file, "platform")), request, true);
    }

    @GetMapping("/feeds/watching.atom")
    public ResponseEntity<String> watching(HttpServletRequest request) {
        return atom(feeds.watchingFeed(), request, true);
    }

    @GetMapping("/feeds/private/{secret}/watching.atom")
    public ResponseEntity<String> privateWatching(@PathVariable String secret, HttpServletRequest request) {
        return atom(feeds.privateWatchingFeed(secret), request, false);
    }

    @GetMapping("/feeds/private/{secret}/models/{*path}")
    public ResponseEntity<String> privateModel(
            @PathVariable String secret, @PathVariable String path, HttpServletRequest request) {
        return atom(feeds.privateModelFeed(secret, name(path, "model")), request, false);
    }

    @GetMapping("/feeds/private/{secret}/platforms/{file}")
    public ResponseEntity<String> privatePlatform(
            @PathVariable String secret, @PathVariable String file, HttpServletRequest request) {
        return atom(feeds.privatePlatformFeed(secret, name(file, "platform")), request, false);
    }

    @ExceptionHandler(NoSuchFeedException.class)
    ResponseEntity<String> notFound(NoSuchFeedException e) {
        return plain(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> refused() {
        return plain(
                HttpStatus.FORBIDDEN,
                "Sign in to read this feed. A feed reader cannot sign in: give it your private feed address from the "
                        + "Feeds screen.");
    }

    /** The model's name or platform's key from the address's last part(s), which end in ".atom". */
    private static String name(String path, String what) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
            throw new NoSuchFeedException("A feed's address ends in the " + what + "'s name and .atom.");
        }
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private ResponseEntity<String> atom(ChangeFeed changes, HttpServletRequest request, boolean selfLink) {
        String root = publicUrl.isEmpty() ? request.getContextPath() : publicUrl;
        String self = selfLink
                ? root
                        + request.getRequestURI()
                                .substring(request.getContextPath().length())
                : null;
        String xml = AtomFeeds.render(changes, root, self, clock.instant());
        return ResponseEntity.ok()
                .contentType(ATOM)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag("\"" + DigestUtils.md5DigestAsHex(xml.getBytes(StandardCharsets.UTF_8)) + "\"")
                .body(xml);
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(message + "\n");
    }
}
