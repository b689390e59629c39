package dev.compatmatrix.timetravel.query;

import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;

/** Narrows the changes between two points in time; a null part does not narrow. */
public record ChangesFilter(Platform platform, String family, ModelType type, CellChangeKind kind) {

    public static final ChangesFilter NONE = new ChangesFilter(null, null, null, null);

    /** The same filter for every kind: the counts per kind are counted under the other filters. */
    public ChangesFilter anyKind() {
        return new ChangesFilter(platform, family, type, null);
    }

    public ChangesFilter withKind(CellChangeKind newKind) {
        return new ChangesFilter(platform, family, type, newKind);
    }
}
