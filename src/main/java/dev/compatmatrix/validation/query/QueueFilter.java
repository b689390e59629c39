package dev.compatmatrix.validation.query;

import dev.compatmatrix.compatibility.Platform;

/** What the validation queue shows; null parts do not restrict. {@code minAgeDays}: unchanged for at least that long. */
public record QueueFilter(Integer requiredLevel, Platform platform, String family, Integer minAgeDays) {

    public static final QueueFilter ALL = new QueueFilter(null, null, null, null);
}
