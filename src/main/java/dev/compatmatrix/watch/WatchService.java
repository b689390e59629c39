package dev.compatmatrix.watch;

import dev.compatmatrix.feedback.CellReport;
import dev.compatmatrix.feedback.repository.CellReportRepository;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.watch.WatchTarget.Kind;
import dev.compatmatrix.watch.query.WatchedEvents;
import dev.compatmatrix.watch.repository.UserVisitRepository;
import dev.compatmatrix.watch.repository.WatchRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's watches and what changed in them. Every method acts on the caller's own watches only (the signed-in
 * person, or the API token under its name): nobody sees or changes anyone else's. Watching what one watches already
 * keeps the one watch; a user watches at most {@link #MAX_WATCHES} things.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class WatchService {

    public static final int MAX_WATCHES = 500;
    /** At most this many changes are listed since a visit; the panel says when there were more. */
    public static final int SINCE_LIMIT = 200;

    /**
     * The authority of the API scope {@code watches:write} ({@code ApiScope.WATCHES_WRITE}; this package may not
     * import security, whose layout opens the "since your last visit" panel).
     */
    public static final String WRITE_SCOPE_AUTHORITY = "SCOPE_watches:write";

    /**
     * Changing one's watches: a signed-in person, or an API token with the scope {@code watches:write}. A token of
     * scope {@code read} holds the VIEWER role too, but is no person.
     */
    static final String MAY_CHANGE = "(" + Roles.HAS_VIEWER
            + " and !T(dev.compatmatrix.matrix.Actor).isPipeline(authentication.name)) or hasAuthority('"
            + WRITE_SCOPE_AUTHORITY + "')";

    private final WatchRepository watches;
    private final WatchedEvents watched;
    private final UserVisitRepository visits;
    private final CellReportRepository reports;
    private final Clock clock;

    public WatchService(
            WatchRepository watches,
            WatchedEvents watched,
            UserVisitRepository visits,
            CellReportRepository reports,
            Clock clock) {
        this.watches = watches;
        this.reports = reports;
        this.watched = watched;
        this.visits = visits;
        this.clock = clock;
    }

    /** The caller's watches, newest first. */
    @Transactional(readOnly = true)
    public List<Watch> myWatches() {
        return watches.ofUser(Actor.name());
    }

    /** Whether the caller watches this target; false for a model or family that does not exist. */
    @Transactional(readOnly = true)
    public boolean isWatching(WatchTarget target) {
        return key(target, false)
                .map(key -> watches.find(Actor.name(), key).isPresent())
                .orElse(false);
    }

    /** The watch of a target, and whether this call added it (false: it was watched already). */
    public record Watched(Watch watch, boolean added) {}

    /**
     * Watches the target, or keeps the watch the caller has of it already.
     *
     * @throws WatchException for an unknown model, platform or family, or over the limit
     */
    @Transactional
    @PreAuthorize(MAY_CHANGE)
    public Watched watch(WatchTarget target) {
        Resolved resolved = resolve(target, true);
        String user = Actor.name();
        var existing = watches.find(user, resolved.key());
        if (existing.isPresent()) {
            return new Watched(existing.get(), false);
        }
        if (watches.count(user) >= MAX_WATCHES) {
            throw new WatchException(
                    "watches",
                    "You watch " + MAX_WATCHES + " things already, the most one person may. "
                            + "Unwatch some on the Watching screen first.");
        }
        watches.insert(
                user,
                target.kind(),
                resolved.modelId(),
                target.platform(),
                target.kind() == Kind.FAMILY ? target.family() : null,
                resolved.key(),
                LocalDateTime.now(clock));
        return new Watched(watches.find(user, resolved.key()).orElseThrow(), true);
    }

    /** Stops watching the target; false when the caller did not watch it. */
    @Transactional
    @PreAuthorize(MAY_CHANGE)
    public boolean unwatch(WatchTarget target) {
        String user = Actor.name();
        checkNamed(target);
        if (target.kind() == Kind.MODEL || target.kind() == Kind.CELL) {
            // A deleted model's watch can be removed too, by its name.
            for (int modelId : watches.modelIdsEverNamed(target.modelName())) {
                if (watches.delete(user, key(target, modelId))) {
                    return true;
                }
            }
            return false;
        }
        return watches.delete(user, key(target, null));
    }

    /**
     * Stops the caller's watch with this id.
     *
     * @throws WatchException when the caller has no watch of this id (someone else's is not theirs to remove)
     */
    @Transactional
    @PreAuthorize(MAY_CHANGE)
    public void unwatchById(long id) {
        if (!watches.deleteById(Actor.name(), id)) {
            throw new WatchException("id", "You have no watch with id " + id + ".");
        }
    }

    /** The newest changes the caller's watches cover, newest first. */
    @Transactional(readOnly = true)
    public List<MatrixEvent> newestChanges(int limit) {
        return watched.newest(Actor.name(), Math.clamp(limit, 1, SINCE_LIMIT));
    }

    /** What the caller's watches cover that changed since their previous sign-in, and their reports triaged since. */
    @Transactional(readOnly = true)
    public SinceLastVisit sinceLastVisit() {
        String user = Actor.name();
        LocalDateTime previous = visits.previousSignIn(user).orElse(null);
        if (previous == null) {
            return new SinceLastVisit(null, List.of(), false, List.of());
        }
        List<MatrixEvent> changes = watched.since(user, previous, SINCE_LIMIT + 1);
        List<CellReport> triaged = reports.closedSince(user, previous, SINCE_LIMIT);
        return changes.size() > SINCE_LIMIT
                ? new SinceLastVisit(previous, changes.subList(0, SINCE_LIMIT), true, triaged)
                : new SinceLastVisit(previous, changes, false, triaged);
    }

    /** A target's stored key and model id, checked against what exists. */
    private record Resolved(String key, Integer modelId) {}

    private Resolved resolve(WatchTarget target, boolean mustExist) {
        checkNamed(target);
        Integer modelId = null;
        if (target.kind() == Kind.MODEL || target.kind() == Kind.CELL) {
            modelId = watches.modelId(target.modelName())
                    .orElseThrow(() -> new WatchException(
                            "model", "No model named '" + target.modelName() + "' is in the matrix."));
        }
        if (mustExist && target.kind() == Kind.FAMILY && !watches.familyExists(target.family())) {
            throw new WatchException("family", "No model of the family '" + target.family() + "' is in the matrix.");
        }
        return new Resolved(key(target, modelId), modelId);
    }

    private Optional<String> key(WatchTarget target, boolean mustExist) {
        try {
            return Optional.of(resolve(target, mustExist).key());
        } catch (WatchException unknown) {
            return Optional.empty();
        }
    }

    /** Each kind names what it needs: a model, a platform, a family. */
    private static void checkNamed(WatchTarget target) {
        boolean needsModel = target.kind() == Kind.MODEL || target.kind() == Kind.CELL;
        boolean needsPlatform = target.kind() == Kind.PLATFORM || target.kind() == Kind.CELL;
        if (needsModel && blank(target.modelName())) {
            throw new WatchException("model", "Name the model to watch.");
        }
        if (needsPlatform && target.platform() == null) {
            throw new WatchException("platform", "Name the platform to watch.");
        }
        if (target.kind() == Kind.FAMILY && blank(target.family())) {
            throw new WatchException("family", "Name the family to watch.");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** "model:12", "platform:cuda", "family:llama", "cell:12:cuda": one watch per user and key (V0013). */
    private static String key(WatchTarget target, Integer modelId) {
        return switch (target.kind()) {
            case MODEL -> "model:" + modelId;
            case PLATFORM -> "platform:" + target.platform().key();
            case FAMILY -> "family:" + target.family();
            case CELL -> "cell:" + modelId + ":" + target.platform().key();
        };
    }
}
