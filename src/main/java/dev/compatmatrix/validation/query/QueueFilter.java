package dev.compatmatrix.validation.query;

import dev.compatmatrix.matrix.Platform;

/**
 * What the validation queue shows; null parts do not restrict. {@code model}: part of the model name;
 * {@code requiredLevel}: the level a validator needs to settle the claim; {@code minAgeDays}: unchanged for at least
 * that long.
 */
public record QueueFilter(String model, Integer requiredLevel, Platform platform, String family, Integer minAgeDays) {

    public static final QueueFilter ALL = new QueueFilter(null, null, null, null, null);

    public QueueFilter {
        model = model == null || model.isBlank() ? null : model.strip();
        family = family == null || family.isBlank() ? null : family.strip();
        minAgeDays = minAgeDays == null || minAgeDays < 0 ? null : minAgeDays;
    }

    /** Nothing narrows the queue. */
    public boolean isAll() {
        return equals(ALL);
    }
}
