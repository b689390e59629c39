package dev.compatmatrix.matrix.query;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The named snapshots (V0017) and the start of the matrix's recorded history, for resolving points in time. */
@Repository
public class SnapshotQuery {

    /** A named point in time. */
    public record Snapshot(long id, String name, LocalDateTime takenAt, String createdBy, String note) {}

    private static final String COLUMNS = "SELECT id, name, taken_at, created_by, note FROM snapshots";

    private final JdbcClient jdbc;

    public SnapshotQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every snapshot, newest first. */
    public List<Snapshot> all() {
        return jdbc.sql(COLUMNS + " ORDER BY taken_at DESC, id DESC")
                .query(Snapshot.class)
                .list();
    }

    public Optional<Snapshot> byName(String name) {
        return jdbc.sql(COLUMNS + " WHERE name = :name")
                .param("name", name)
                .query(Snapshot.class)
                .optional();
    }

    /** When the first recorded state of any cell began (none: nothing was ever claimed). */
    public Optional<LocalDateTime> historyStart() {
        return Optional.ofNullable(jdbc.sql("SELECT min(valid_from) FROM cell_states")
                .query(LocalDateTime.class)
                .single());
    }
}
