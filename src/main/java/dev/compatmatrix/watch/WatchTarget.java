package dev.compatmatrix.watch;

import dev.compatmatrix.base.Keyed;
import dev.compatmatrix.matrix.Platform;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user watches, in the names people use: a model, a platform (every model's cell on it), a family, or one
 * cell (a model on a platform). Which changes each covers is {@code WatchedEvents}' rule, not this record's.
 */
public record WatchTarget(Kind kind, String modelName, Platform platform, String family) {

    /** The kinds of watch, as {@code watches.kind} stores them (V0013). */
    public enum Kind implements Keyed {
        MODEL("model"),
        PLATFORM("platform"),
        FAMILY("family"),
        CELL("cell");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        public static Optional<Kind> fromKey(String key) {
            return Keyed.fromKey(Kind.class, key);
        }
    }

    public WatchTarget {
        Objects.requireNonNull(kind);
    }

    public static WatchTarget model(String modelName) {
        return new WatchTarget(Kind.MODEL, modelName, null, null);
    }

    public static WatchTarget platform(Platform platform) {
        return new WatchTarget(Kind.PLATFORM, null, platform, null);
    }

    public static WatchTarget family(String family) {
        return new WatchTarget(Kind.FAMILY, null, null, family);
    }

    public static WatchTarget cell(String modelName, Platform platform) {
        return new WatchTarget(Kind.CELL, modelName, platform, null);
    }

    /** "llama-7b", "every model on CUDA", "family llama", "llama-7b on CUDA". */
    public String label() {
        return switch (kind) {
            case MODEL -> modelName;
            case PLATFORM -> "every model on " + platform.label();
            case FAMILY -> "family " + family;
            case CELL -> modelName + " on " + platform.label();
        };
    }
}
