package dev.compatmatrix.search;

import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.search.query.FamilyHit;
import dev.compatmatrix.search.query.ModelHit;
import java.util.List;

/** What the quick search found for a text, each kind best first. */
public record QuickSearchResults(List<ModelHit> models, List<FamilyHit> families, List<Platform> platforms) {

    public static final QuickSearchResults NONE = new QuickSearchResults(List.of(), List.of(), List.of());

    public int size() {
        return models.size() + families.size() + platforms.size();
    }
}
