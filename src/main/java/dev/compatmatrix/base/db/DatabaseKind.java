package dev.compatmatrix.base.db;

/**
 * The two databases the console runs on. Only the database layer (this package, the matrix writer and the read
 * models' implementations) chooses by it; features never do.
 */
public enum DatabaseKind {
    /** Embedded, one process per file: the default. */
    DUCKDB("duckdb"),
    /** A server that several application nodes share. */
    POSTGRESQL("postgresql");

    /** How a PostgreSQL JDBC URL begins. */
    static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql:";

    private final String folder;

    DatabaseKind(String folder) {
        this.folder = folder;
    }

    /** The kind that a {@code compat.db.url} value names: PostgreSQL for a PostgreSQL JDBC URL, else DuckDB. */
    public static DatabaseKind of(String url) {
        if (url == null || url.isBlank()) {
            return DUCKDB;
        }
        if (isPostgresUrl(url)) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "compat.db.url (COMPAT_DB_URL) must be a jdbc:postgresql://host:port/database URL, or empty for the"
                        + " embedded DuckDB file; was: " + url.strip());
    }

    /** Whether {@code location} is a PostgreSQL JDBC URL (anything else names a DuckDB file, or nothing). */
    public static boolean isPostgresUrl(String location) {
        return location != null && location.strip().startsWith(POSTGRESQL_URL_PREFIX);
    }

    /** This database's migrations: the shared ones and its own. */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + folder};
    }
}
