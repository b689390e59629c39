package dev.compatmatrix.matrix.live;

import dev.compatmatrix.matrix.ChangeKind;
import dev.compatmatrix.matrix.MatrixEvent;
import dev.compatmatrix.matrix.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one or more committed changes touched, as a screen asks it: which models, which cells, whether models were
 * added, edited or deleted. {@link #everything()} ({@code all}) stands for changes that may have been missed (assume all).
 * Changes merge, so a screen that was busy or hidden takes many as one.
 */
public record MatrixChange(
        boolean all, Set<Integer> modelIds, Set<Cell> cells, Set<ChangeKind> kinds, List<MatrixEvent> events) {

    /** A model's claim on a platform. */
    public record Cell(int modelId, Platform platform) {}

    public MatrixChange {
        modelIds = Set.copyOf(modelIds);
        cells = Set.copyOf(cells);
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        events = List.copyOf(events);
    }

    public static MatrixChange of(Collection<MatrixEvent> events) {
        Set<Integer> models = new HashSet<>();
        Set<Cell> cells = new HashSet<>();
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        for (MatrixEvent event : events) {
            models.add(event.modelId());
            kinds.add(event.kind());
            if (event.platform() != null) {
                cells.add(new Cell(event.modelId(), event.platform()));
            }
        }
        return new MatrixChange(false, models, cells, kinds, List.copyOf(events));
    }

    public static MatrixChange everything() {
        return new MatrixChange(true, Set.of(), Set.of(), Set.of(), List.of());
    }

    public MatrixChange merge(MatrixChange other) {
        if (all || other.all) {
            return everything();
        }
        List<MatrixEvent> all = new ArrayList<>(events);
        all.addAll(other.events);
        return of(all);
    }

    public boolean touchesModel(int modelId) {
        return all || modelIds.contains(modelId);
    }

    public boolean touchesCell(int modelId, Platform platform) {
        return all || cells.contains(new Cell(modelId, platform));
    }

    /** Models were added, edited or deleted: lists and their order may have changed, not only cells. */
    public boolean changesModels() {
        return all || kinds.stream().anyMatch(ChangeKind::ofModel);
    }
}
