package dev.compatmatrix.base.db;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Many names or ids as one query parameter, split by the database: planning a statement with a parameter per value
 * costs more than the query (1,000 names on DuckDB: ~100 ms against ~10 ms). Names are joined with the unit
 * separator, which no valid model name contains. {@code string_to_array} and {@code unnest} mean the same on DuckDB
 * (an alias of its {@code string_split}) and PostgreSQL.
 */
public final class TextList {

    /** A one-column table {@code name} of the names in the parameter {@code :names}. */
    public static final String NAMES_TABLE = "(SELECT unnest(string_to_array(:names, chr(31))) AS name)";

    /** A one-column query of the integer ids in the parameter {@code :ids}, for {@code IN (…)}. */
    public static final String IDS_QUERY = "SELECT CAST(unnest(string_to_array(:ids, ',')) AS INTEGER)";

    private TextList() {}

    /** The value for {@code :ids}. */
    public static String joinIds(Collection<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The value for {@code :names}. */
    public static String join(Collection<String> names) {
        return names.stream().distinct().collect(Collectors.joining("\u001f"));
    }
}
