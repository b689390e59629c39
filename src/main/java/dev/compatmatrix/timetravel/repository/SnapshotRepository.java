package dev.compatmatrix.timetravel.repository;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code snapshots} (V0017); the kernel's {@code SnapshotQuery} reads them. */
@Repository
public class SnapshotRepository {

    private final JdbcClient jdbc;

    public SnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new snapshot's id; a name already taken breaks the table's UNIQUE constraint. */
    public long insert(String name, LocalDateTime takenAt, String createdBy, String note) {
        return jdbc.sql("""
                        INSERT INTO snapshots (name, taken_at, created_by, note)
                        VALUES (:name, :takenAt, :createdBy, :note)
                        RETURNING id""")
                .param("name", name)
                .param("takenAt", takenAt)
                .param("createdBy", createdBy)
                .param("note", note)
                .query(Long.class)
                .single();
    }

    /** False when no snapshot has this id (any more). */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM snapshots WHERE id = :id").param("id", id).update() == 1;
    }
}
