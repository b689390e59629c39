package dev.compatmatrix.webhook;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.MatrixEvent;
import java.util.Optional;

/**
 * Which changes a webhook receives. Every change and level changes only are for admins (a team channel); a user's
 * webhook receives what their watches cover ({@code watch.query.WatchedEvents}, the one rule of that).
 */
public enum WebhookScope implements Keyed {
    ALL("all", "Every change", true),
    LEVELS("levels", "Level changes and disputes", true),
    WATCHES("watches", "My watches", false);

    private final String key;
    private final String label;
    private final boolean adminsOnly;

    WebhookScope(String key, String label, boolean adminsOnly) {
        this.key = key;
        this.label = label;
        this.adminsOnly = adminsOnly;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean adminsOnly() {
        return adminsOnly;
    }

    /** For the scopes that do not depend on who owns the webhook: whether it receives this event. */
    public boolean takes(MatrixEvent event) {
        return switch (this) {
            case ALL -> true;
            case LEVELS ->
                event.kind() == ChangeKind.LEVEL_CHANGED
                        || event.kind() == ChangeKind.CLAIM_CREATED
                        || event.kind() == ChangeKind.CLAIM_REMOVED
                        || event.kind() == ChangeKind.DISPUTE_RESOLVED
                        || event.disputes();
            case WATCHES -> throw new IllegalStateException("A watch webhook's events depend on its owner's watches");
        };
    }

    public static Optional<WebhookScope> fromKey(String key) {
        return Keyed.fromKey(WebhookScope.class, key);
    }
}
