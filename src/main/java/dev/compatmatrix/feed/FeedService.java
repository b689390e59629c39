package dev.compatmatrix.feed;

import dev.compatmatrix.catalog.repository.ModelRepository;
import dev.compatmatrix.feed.repository.FeedSecretRepository;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.MlModel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.MatrixEventQuery;
import dev.compatmatrix.watch.query.WatchedEvents;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * The Atom feeds' content: the newest matrix changes of a model, of a platform, or of what a user watches. Signed-in
 * users read them with their session; anyone holding a user's private secret reads them as that user (a feed reader
 * cannot sign in), so the private methods check the secret themselves. A secret that is unknown, replaced or no
 * longer works gets one answer, {@link #NO_SUCH_FEED}, whatever the rest of the address.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
@Transactional(readOnly = true)
public class FeedService {

    /** Entries per feed: the newest changes only. */
    public static final int ENTRIES = 50;

    static final String NO_SUCH_FEED =
            "No such feed. A private feed address stops when it is replaced: the Feeds screen makes a new one.";
    private static final String URN = "urn:compatmatrix:feed:";

    private final MatrixEventQuery events;
    private final WatchedEvents watched;
    private final ModelRepository models;
    private final FeedSecretRepository secrets;

    public FeedService(
            MatrixEventQuery events, WatchedEvents watched, ModelRepository models, FeedSecretRepository secrets) {
        this.events = events;
        this.watched = watched;
        this.models = models;
        this.secrets = secrets;
    }

    public ChangeFeed modelFeed(String modelName) {
        MlModel model = models.findByName(modelName == null ? "" : modelName)
                .orElseThrow(() -> new NoSuchFeedException("No model is named '" + modelName + "'."));
        String name = model.data().name();
        return new ChangeFeed(
                URN + "model:" + model.modelId(),
                "Changes of " + name,
                name,
                null,
                events.ofModel(model.modelId(), ENTRIES));
    }

    public ChangeFeed platformFeed(String platformKey) {
        Platform platform = Platform.fromKey(platformKey)
                .orElseThrow(() -> new NoSuchFeedException("No platform has the key '" + platformKey
                        + "'. The keys are: "
                        + Arrays.stream(Platform.values()).map(Platform::key).collect(Collectors.joining(", "))
                        + "."));
        return new ChangeFeed(
                URN + "platform:" + platform.key(),
                "Changes on " + platform.label(),
                null,
                platform,
                events.ofPlatform(platform, ENTRIES));
    }

    /** The signed-in user's watched changes. */
    public ChangeFeed watchingFeed() {
        return watchedBy(Actor.name());
    }

    @PreAuthorize("permitAll()")
    public ChangeFeed privateWatchingFeed(String secret) {
        return watchedBy(owner(secret));
    }

    @PreAuthorize("permitAll()")
    public ChangeFeed privateModelFeed(String secret, String modelName) {
        owner(secret);
        return modelFeed(modelName);
    }

    @PreAuthorize("permitAll()")
    public ChangeFeed privatePlatformFeed(String secret, String platformKey) {
        owner(secret);
        return platformFeed(platformKey);
    }

    private ChangeFeed watchedBy(String username) {
        return new ChangeFeed(
                URN + "watching:" + UriUtils.encode(username, StandardCharsets.UTF_8),
                "Changes you watch",
                null,
                null,
                watched.newest(username, ENTRIES));
    }

    /** The user whose working secret this is; the one "no such feed" answer otherwise. */
    private String owner(String secret) {
        if (!FeedSecrets.wellFormed(secret)) {
            throw new NoSuchFeedException(NO_SUCH_FEED);
        }
        return secrets.owner(FeedSecrets.hash(secret)).orElseThrow(() -> new NoSuchFeedException(NO_SUCH_FEED));
    }
}
