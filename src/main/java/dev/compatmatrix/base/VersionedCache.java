package dev.compatmatrix.base;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A few recent results of a costly read (e.g. the full ordered id list of a matrix filter and sort, so a deep page
 * costs one slice instead of a sort of the whole table), each kept with the data version it was read at and dropped
 * when that changes; at most {@code capacity} entries, least recently used first out.
 */
public final class VersionedCache<K, V> {

    private record Versioned<V>(String version, V value) {}

    private final Map<K, Versioned<V>> entries;

    public VersionedCache(int capacity) {
        entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Versioned<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for this key at this data version, loading it when absent or stale. */
    public V get(K key, String version, Supplier<V> loader) {
        synchronized (entries) {
            Versioned<V> entry = entries.get(key);
            if (entry != null && entry.version().equals(version)) {
                return entry.value();
            }
        }
        V value = loader.get(); // outside the lock: a slow load must not block other users' reads
        synchronized (entries) {
            entries.put(key, new Versioned<>(version, value));
        }
        return value;
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
