package dev.compatmatrix.timetravel.query;

import java.util.EnumMap;
import java.util.Map;

/** How many cells changed in each way (every kind present, zero included). */
public record ChangeCounts(Map<CellChangeKind, Long> byKind) {

    public ChangeCounts {
        EnumMap<CellChangeKind, Long> all = new EnumMap<>(CellChangeKind.class);
        for (CellChangeKind kind : CellChangeKind.values()) {
            all.put(kind, byKind.getOrDefault(kind, 0L));
        }
        byKind = java.util.Collections.unmodifiableMap(all);
    }

    public long of(CellChangeKind kind) {
        return byKind.get(kind);
    }

    public long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
