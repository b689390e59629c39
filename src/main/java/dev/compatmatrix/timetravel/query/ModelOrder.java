package dev.compatmatrix.timetravel.query;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The order of a list of changes by model, with how many changes each model shows, so that a page (offset, limit over
 * changes) knows which models it covers without reading the others: at 100,000 models a year's changes are ~670,000.
 */
record ModelOrder(int[] modelIds, int[] changes) {

    /** A range and filter, the key of a cached order. */
    record Key(LocalDateTime from, LocalDateTime to, ChangesFilter filter) {}

    /** The models a page covers, in order, and how many changes of the first it skips. */
    record Slice(List<Integer> models, int skipInFirst) {}

    static ModelOrder of(List<int[]> rows) {
        int[] ids = new int[rows.size()];
        int[] counts = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ids[i] = rows.get(i)[0];
            counts[i] = rows.get(i)[1];
        }
        return new ModelOrder(ids, counts);
    }

    Slice slice(int offset, int limit) {
        List<Integer> models = new ArrayList<>();
        long before = 0; // changes in the models before the one at i
        int skip = 0;
        for (int i = 0; i < modelIds.length && before < (long) offset + limit; i++) {
            long end = before + changes[i];
            if (end > offset) {
                if (models.isEmpty()) {
                    skip = (int) (offset - before);
                }
                models.add(modelIds[i]);
            }
            before = end;
        }
        return new Slice(models, skip);
    }
}
