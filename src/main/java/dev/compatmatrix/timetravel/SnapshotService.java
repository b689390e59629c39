package dev.compatmatrix.timetravel;

import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.base.db.DatabaseErrors;
import dev.compatmatrix.matrix.Actor;
import dev.compatmatrix.matrix.Identifier;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.SnapshotQuery;
import dev.compatmatrix.matrix.query.SnapshotQuery.Snapshot;
import dev.compatmatrix.timetravel.repository.SnapshotRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named snapshots: "now" marked with a name (a release) that every screen and API taking a date also takes. Every
 * signed-in role lists them; editors and admins mark one; only admins delete one. Each write is one transaction
 * with its audit row.
 */
@Service
@PreAuthorize(Roles.HAS_VIEWER)
public class SnapshotService {

    public static final int NAME_MAX = 80;
    public static final int NOTE_MAX = 500;

    /** What {@code TimePoints} reads as a day: a snapshot of such a name could never be chosen. */
    private static final String DAY = "\\d{4}-\\d{2}-\\d{2}";

    private final SnapshotQuery snapshots;
    private final SnapshotRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReentrantLock marking = new ReentrantLock();

    public SnapshotService(
            SnapshotQuery snapshots,
            SnapshotRepository repository,
            AuditLog audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Every snapshot, newest first. */
    @PreAuthorize(Roles.HAS_VIEWER)
    public List<Snapshot> list() {
        return snapshots.all();
    }

    /** Marks now as a snapshot named {@code name} (trimmed) with an optional note; refused with a message per field. */
    @PreAuthorize(Roles.HAS_EDITOR_OR_ADMIN)
    public Snapshot mark(String name, String note) {
        String given = name == null ? "" : name.strip();
        String givenNote = note == null || note.isBlank() ? null : note.strip();
        check(given, givenNote);
        String user = Actor.name();
        // Marks on this node wait for each other: on DuckDB two new rows of one name collide only at COMMIT, and a
        // failed commit leaves its pooled connection unusable (STACK.md). Across nodes (PostgreSQL) the UNIQUE
        // constraint refuses the second INSERT itself.
        marking.lock();
        try {
            return transaction.execute(status -> {
                // Stored to the microsecond, as both databases keep it.
                LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                long id = repository.insert(given, now, user, givenNote);
                Snapshot marked = new Snapshot(id, given, now, user, givenNote);
                audit.record(
                        user,
                        "snapshot.create",
                        "snapshots",
                        id,
                        "Marked snapshot " + given,
                        null,
                        fields(marked),
                        now);
                return marked;
            });
        } catch (RuntimeException e) {
            if (DatabaseErrors.isDuplicateKey(e)) {
                // Someone marked the same name between the check and the insert; the UNIQUE constraint held.
                throw new InvalidChangeException(Map.of("name", nameTaken(given)));
            }
            throw e;
        } finally {
            marking.unlock();
        }
    }

    /** Deletes a snapshot (links naming it stop resolving). Admins only. */
    @PreAuthorize(Roles.HAS_ADMIN)
    public void delete(Snapshot snapshot) {
        String user = Actor.name();
        transaction.executeWithoutResult(status -> {
            if (!repository.delete(snapshot.id())) {
                throw new InvalidChangeException(
                        Map.of("", "Snapshot " + snapshot.name() + " was deleted already; nothing changed."));
            }
            LocalDateTime now = LocalDateTime.now(clock);
            audit.record(
                    user,
                    "snapshot.delete",
                    "snapshots",
                    snapshot.id(),
                    "Deleted snapshot " + snapshot.name(),
                    fields(snapshot),
                    null,
                    now);
        });
    }

    private static Map<String, Object> fields(Snapshot snapshot) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", snapshot.name());
        fields.put("takenAt", snapshot.takenAt().toString());
        fields.put("note", snapshot.note());
        return fields;
    }

    private void check(String name, String note) {
        Map<String, String> errors = new LinkedHashMap<>();
        nameProblem(name).ifPresent(problem -> errors.put("name", problem));
        if (note != null && note.codePointCount(0, note.length()) > NOTE_MAX) {
            errors.put(
                    "note",
                    "A note has at most " + NOTE_MAX + " characters (this one has "
                            + note.codePointCount(0, note.length()) + ")");
        }
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
    }

    private Optional<String> nameProblem(String name) {
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            return Optional.of("A snapshot needs a name, e.g. a release: v2.1");
        }
        if (length > NAME_MAX) {
            return Optional.of("A snapshot name has at most " + NAME_MAX + " characters (this one has " + length + ")");
        }
        Optional<String> characters = Identifier.SNAPSHOT_NAME.problem(name);
        if (characters.isPresent()) {
            return characters;
        }
        if (name.matches(DAY)) {
            return Optional.of("A snapshot name cannot look like a date (YYYY-MM-DD): a date already means that day."
                    + " Add a word, e.g. release " + name);
        }
        if (snapshots.byName(name).isPresent()) {
            return Optional.of(nameTaken(name));
        }
        return Optional.empty();
    }

    private static String nameTaken(String name) {
        return "A snapshot named " + name + " exists already; choose another name";
    }
}
