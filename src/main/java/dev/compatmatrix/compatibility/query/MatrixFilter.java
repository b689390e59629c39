package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.matrix.ModelSize;
import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ValidationStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the matrix shows: every part optional (null or empty = no restriction).
 *
 * @param text       part of the model name or family, case-insensitive
 * @param platforms  per platform: supported, unsupported or not tested
 * @param validation at least one claim of the model has this status
 * @param minScore   compatibility score at least this (0–1)
 */
public record MatrixFilter(
        String text,
        String family,
        ModelType type,
        ModelSize size,
        Map<Platform, PlatformState> platforms,
        ValidationStatus validation,
        Double minScore) {

    public static final MatrixFilter NONE = new MatrixFilter(null, null, null, null, Map.of(), null, null);

    public MatrixFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        family = family == null || family.isBlank() ? null : family.strip();
        platforms = platforms == null || platforms.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(platforms));
    }

    public MatrixFilter withPlatform(Platform platform, PlatformState state) {
        var copy =
                platforms.isEmpty() ? new EnumMap<Platform, PlatformState>(Platform.class) : new EnumMap<>(platforms);
        if (state == null) {
            copy.remove(platform);
        } else {
            copy.put(platform, state);
        }
        return new MatrixFilter(text, family, type, size, copy, validation, minScore);
    }
}
