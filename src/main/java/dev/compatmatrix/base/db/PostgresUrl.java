package dev.compatmatrix.base.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@code jdbc:postgresql:} URL points: hosts, ports and database, for people and for PostgreSQL's own tools.
 * Its parameters (which may hold a password) are left out.
 *
 * @param hosts    one host, or several for a multi-host URL, comma-separated
 * @param ports    their ports (5432 where the URL names none), comma-separated
 * @param database the database name
 */
public record PostgresUrl(String hosts, String ports, String database) {

    private static final String PREFIX = DatabaseKind.POSTGRESQL_URL_PREFIX;
    private static final String DEFAULT_PORT = "5432";

    public static PostgresUrl parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        int parameters = rest.indexOf('?');
        if (parameters >= 0) {
            rest = rest.substring(0, parameters);
        }
        if (!rest.startsWith("//")) {
            return new PostgresUrl("localhost", DEFAULT_PORT, rest);
        }
        rest = rest.substring(2);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        for (String server : authority.isEmpty() ? new String[] {"localhost"} : authority.split(",")) {
            int colon = server.lastIndexOf(':');
            boolean hasPort = colon > server.lastIndexOf(']');
            hosts.add(hasPort ? server.substring(0, colon) : server);
            ports.add(hasPort ? server.substring(colon + 1) : DEFAULT_PORT);
        }
        return new PostgresUrl(String.join(",", hosts), String.join(",", ports), database);
    }

    /** e.g. {@code db.example.org:5432/compat}. */
    public String describe() {
        return (hosts.contains(",") ? hosts + " (ports " + ports + ")" : hosts + ":" + ports) + "/" + database;
    }
}
