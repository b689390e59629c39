package dev.compatmatrix.prediction.query;

import dev.compatmatrix.matrix.ModelType;
import dev.compatmatrix.matrix.Platform;

/**
 * Which untested cells "What to test next" lists; null: any. Each filter keeps or drops whole groups of cells that
 * share a family, type and platform, so a cell's count of shared cells is the same under every filter.
 */
public record TestNextFilter(Platform platform, String family, ModelType type) {

    public static final TestNextFilter NONE = new TestNextFilter(null, null, null);
}
