package dev.compatmatrix.validation.query;

import dev.compatmatrix.matrix.Platform;

/**
 * What the validation queue shows; null parts do not restrict. {@code model}: part of the model name;
 * {@code requiredLevel}: the level a validator needs to settle the claim; {@code minAgeDays}: unchanged for at least
 * that long; {@code reportedOnly}: only claims users' open reports contradict (the kind "Reported").
 */
public record QueueFilter(
        String model,
        Integer requiredLevel,
        Platform platform,
        String family,
        Integer minAgeDays,
        boolean reportedOnly) {

    public static final QueueFilter ALL = new QueueFilter(null, null, null, null, null);

    /** Every kind of waiting claim. */
    public QueueFilter(String model, Integer requiredLevel, Platform platform, String family, Integer minAgeDays) {
        this(model, requiredLevel, platform, family, minAgeDays, false);
    }

    public QueueFilter {
        model = model == null || model.isBlank() ? null : model.strip();
        family = family == null || family.isBlank() ? null : family.strip();
        minAgeDays = minAgeDays == null || minAgeDays < 0 ? null : minAgeDays;
    }

    /** The same filter, of the reported claims only (the queue counts them separately). */
    public QueueFilter reported() {
        return new QueueFilter(model, requiredLevel, platform, family, minAgeDays, true);
    }

    /** Nothing narrows the queue. */
    public boolean isAll() {
        return equals(ALL);
    }
}
