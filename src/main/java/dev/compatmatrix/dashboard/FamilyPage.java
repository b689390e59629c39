package dev.compatmatrix.dashboard;

import dev.compatmatrix.dashboard.query.FamilySupport;
import java.util.List;

/**
 * One page of the family × platform heatmap: the families from the {@code offset}-th (0-based, biggest first) and how
 * many families there are in all, so the screen can say which part it shows.
 */
public record FamilyPage(List<FamilySupport> families, int offset, int total) {

    public FamilyPage {
        families = List.copyOf(families);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + families.size() < total;
    }
}
