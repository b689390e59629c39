package dev.compatmatrix.badge;

import dev.compatmatrix.matrix.LevelWords;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationMarks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
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
 * {@code GET /badge/{model}/{platform}.svg}, e.g. {@code /badge/prajjwal1/bert-tiny/cuda.svg}: model names may
 * hold slashes, so the platform is the last path segment. Cached for five minutes (publicly only when badges
 * are public), with an ETag from the claim's versions so a revalidation costs a 304. An unknown model or
 * platform gets a grey "unknown" badge with 404; a refused one a "sign in" badge with 403.
 */
@Controller
public class BadgeController {

    static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
    private static final String SUFFIX = ".svg";
    /** Part of every ETag: raise it when the badge's look changes, so caches fetch the new one. */
    private static final String DESIGN = "2";

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final BadgeService badges;

    public BadgeController(BadgeService badges) {
        this.badges = badges;
    }

    @GetMapping("/badge/{*path}")
    @ResponseBody
    public ResponseEntity<String> badge(@PathVariable String path) {
        int lastSlash = path.lastIndexOf('/');
        Optional<Platform> platform = path.endsWith(SUFFIX) && lastSlash > 0
                ? Platform.fromKey(path.substring(lastSlash + 1, path.length() - SUFFIX.length()))
                : Optional.empty();
        Optional<BadgeData> data = platform.flatMap(p -> badges.badge(path.substring(1, lastSlash), p));
        if (data.isEmpty()) {
            return notShown(HttpStatus.NOT_FOUND, "unknown", "No such model or platform");
        }
        CacheControl cache = badges.badgesPublic()
                ? CacheControl.maxAge(MAX_AGE).cachePublic()
                : CacheControl.maxAge(MAX_AGE).cachePrivate();
        return ResponseEntity.ok()
                .contentType(SVG)
                .cacheControl(cache)
                .eTag(etag(data.get()))
                .body(svg(data.get()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> refused() {
        return notShown(HttpStatus.FORBIDDEN, "sign in", "Badges are not public; sign in to see them");
    }

    static String svg(BadgeData data) {
        String message = LevelWords.word(data.level())
                + (data.level() == null
                        ? ""
                        : " " + data.status().mark() + ValidationMarks.symbols(data.stale(), data.disputed()));
        String title = data.modelName() + " on " + data.platform().label() + ": "
                + LevelWords.title(data.level(), data.status())
                + (data.level() == null ? "" : ValidationMarks.words(data.stale(), data.disputed()));
        return BadgeSvg.render(data.platform().label(), message, BadgeSvg.colour(data.level()), title);
    }

    private static String etag(BadgeData data) {
        String version = DESIGN + "|" + data.platform().key() + "|" + data.modelName() + "|" + data.version();
        return "\"" + DigestUtils.md5DigestAsHex(version.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    private static ResponseEntity<String> notShown(HttpStatus status, String message, String title) {
        return ResponseEntity.status(status)
                .contentType(SVG)
                .cacheControl(CacheControl.noStore())
                .body(BadgeSvg.render("badge", message, BadgeSvg.GREY, title));
    }
}
