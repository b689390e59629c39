package dev.compatmatrix.watch.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.watch.Watch;
import java.time.LocalDateTime;

/**
 * A watch in the API's snake_case JSON: {@code kind} model, platform, family or cell; the fields the kind names
 * (others null); {@code label} as the Watching screen words it; times UTC.
 */
public record ApiWatch(
        long id,
        String kind,
        String model,
        String platform,
        String family,
        String label,
        @JsonProperty("model_deleted") boolean modelDeleted,
        @JsonProperty("created_at") LocalDateTime createdAt) {

    static ApiWatch of(Watch watch) {
        var target = watch.target();
        return new ApiWatch(
                watch.id(),
                target.kind().key(),
                target.modelName(),
                target.platform() == null ? null : target.platform().key(),
                target.family(),
                target.label(),
                watch.modelDeleted(),
                watch.createdAt());
    }

    /** The token's watches, newest first. */
    public record Watches(int count, java.util.List<ApiWatch> items) {}
}
