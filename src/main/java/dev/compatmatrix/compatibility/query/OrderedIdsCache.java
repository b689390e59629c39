package dev.compatmatrix.compatibility.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The full ordered id list of a few recent (filter, sort) pairs, so a deep matrix page costs one slice
 * instead of a sort of the whole table (DuckDB sorts 100,000 names in ~40 ms for every deep OFFSET).
 * Entries carry the data version they were read at and are dropped when it changes; at most
 * {@code capacity} lists are kept (100,000 ids take 400 kB), least recently used first out.
 */
final class OrderedIdsCache<K> {

    record Key(MatrixFilter filter, MatrixSort sort) {}

    private record Versioned(String version, int[] ids) {}

    private final Map<K, Versioned> entries;

    OrderedIdsCache(int capacity) {
        entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Versioned> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The ids for this key at this data version, loading them when absent or stale. */
    int[] get(K key, String version, Supplier<int[]> loader) {
        synchronized (entries) {
            Versioned entry = entries.get(key);
            if (entry != null && entry.version().equals(version)) {
                return entry.ids();
            }
        }
        int[] ids = loader.get(); // outside the lock: a slow load must not block other users' pages
        synchronized (entries) {
            entries.put(key, new Versioned(version, ids));
        }
        return ids;
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
