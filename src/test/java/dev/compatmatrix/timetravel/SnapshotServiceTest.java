package dev.compatmatrix.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.matrix.InvalidChangeException;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.query.SnapshotQuery;
import dev.compatmatrix.matrix.query.SnapshotQuery.Snapshot;
import dev.compatmatrix.matrix.time.PointInTime;
import dev.compatmatrix.matrix.time.TimePoints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

class SnapshotServiceTest extends WritingIntegrationTest {

    @Autowired
    SnapshotService snapshots;

    @Autowired
    SnapshotQuery query;

    @Autowired
    TimePoints timePoints;

    @Autowired
    JdbcClient jdbc;

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private long auditRows(String action, String name) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :action AND summary LIKE :name")
                .param("action", action)
                .param("name", "%" + name)
                .query(Long.class)
                .single();
    }

    @Test
    void an_editor_and_an_admin_mark_now_as_a_named_snapshot_with_an_audit_row() {
        signIn("editor", Roles.EDITOR);
        Snapshot release = snapshots.mark("  svc v2.1  ", " First release\nwith notes ");
        assertThat(release.name()).isEqualTo("svc v2.1");
        assertThat(release.createdBy()).isEqualTo("editor");
        assertThat(release.note()).isEqualTo("First release\nwith notes");
        assertThat(query.byName("svc v2.1")).contains(release);
        assertThat(auditRows("snapshot.create", "svc v2.1")).isEqualTo(1);

        signIn("admin", Roles.ADMIN);
        Snapshot quarter = snapshots.mark("svc 2026-Q4 release: rc/1+fix_2", null);
        assertThat(quarter.createdBy()).isEqualTo("admin");
        assertThat(quarter.note()).isNull();
        signIn("viewer", Roles.VIEWER);
        assertThat(snapshots.list()).extracting(Snapshot::name).contains("svc v2.1", "svc 2026-Q4 release: rc/1+fix_2");
    }

    @Test
    void a_viewer_and_a_validator_are_refused_and_nothing_is_written() {
        long before = rows("snapshots");
        long audits = rows("audit_log");
        signIn("viewer", Roles.VIEWER);
        assertThatThrownBy(() -> snapshots.mark("svc viewer-made", null)).isInstanceOf(AccessDeniedException.class);
        signIn("validator1", Roles.VALIDATOR);
        assertThatThrownBy(() -> snapshots.mark("svc validator-made", null)).isInstanceOf(AccessDeniedException.class);
        assertThat(rows("snapshots")).isEqualTo(before);
        assertThat(rows("audit_log")).isEqualTo(audits);
    }

    @Test
    void a_blank_long_date_like_or_taken_name_or_a_long_note_is_refused_with_a_clear_message_and_nothing_is_written() {
        signIn("editor", Roles.EDITOR);
        snapshots.mark("svc taken", null);
        long before = rows("snapshots");
        long audits = rows("audit_log");

        assertThat(refusal("   ", null)).containsEntry("name", "A snapshot needs a name, e.g. a release: v2.1");
        assertThat(refusal("v".repeat(81), null))
                .containsEntry("name", "A snapshot name has at most 80 characters (this one has 81)");
        assertThat(refusal("2026-11-20", null).get("name"))
                .startsWith("A snapshot name cannot look like a date (YYYY-MM-DD)");
        assertThat(refusal(" svc taken ", null))
                .containsEntry("name", "A snapshot named svc taken exists already; choose another name");
        assertThat(refusal("<b>v3</b>", null).get("name")).startsWith("A snapshot name cannot contain ‘<’");
        assertThat(refusal("svc fine", "n".repeat(501)))
                .containsEntry("note", "A note has at most 500 characters (this one has 501)");

        assertThat(rows("snapshots")).isEqualTo(before);
        assertThat(rows("audit_log")).isEqualTo(audits);
        // The limits themselves are allowed.
        assertThat(snapshots.mark("s".repeat(80), "n".repeat(500)).name()).hasSize(80);
    }

    private java.util.Map<String, String> refusal(String name, String note) {
        try {
            snapshots.mark(name, note);
        } catch (InvalidChangeException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("marking '" + name + "' was not refused");
    }

    @Test
    void two_editors_marking_the_same_name_at_once_get_one_snapshot_and_the_same_clear_message() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String name = "svc race " + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    outcomes.add(pool.submit(() -> {
                        signIn("editor", Roles.EDITOR);
                        start.await();
                        try {
                            snapshots.mark(name, null);
                            return "marked";
                        } catch (InvalidChangeException e) {
                            return e.fieldErrors().get("name");
                        }
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }
                Collections.sort(results);
                assertThat(results)
                        .as(name)
                        .containsExactly("A snapshot named " + name + " exists already; choose another name", "marked");
                assertThat(jdbc.sql("SELECT count(*) FROM snapshots WHERE name = :name")
                                .param("name", name)
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
                assertThat(auditRows("snapshot.create", name)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_new_snapshot_resolves_by_its_name_to_the_moment_it_was_taken() {
        signIn("editor", Roles.EDITOR);
        Snapshot release = snapshots.mark("svc resolves", null);
        PointInTime point = timePoints.resolve("asOf", "svc resolves");
        assertThat(point.isSnapshot()).isTrue();
        assertThat(point.text()).isEqualTo("svc resolves");
        assertThat(point.before()).isEqualTo(release.takenAt());
        assertThat(point.before())
                .isEqualTo(query.byName("svc resolves").orElseThrow().takenAt());
    }

    @Test
    void only_an_admin_deletes_a_snapshot_and_the_deletion_is_audited() {
        signIn("editor", Roles.EDITOR);
        Snapshot doomed = snapshots.mark("svc doomed", "to be deleted");
        assertThatThrownBy(() -> snapshots.delete(doomed)).isInstanceOf(AccessDeniedException.class);
        assertThat(query.byName("svc doomed")).isPresent();

        signIn("admin", Roles.ADMIN);
        snapshots.delete(doomed);
        assertThat(query.byName("svc doomed")).isEmpty();
        assertThat(auditRows("snapshot.delete", "svc doomed")).isEqualTo(1);
        assertThatThrownBy(() -> snapshots.delete(doomed))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("Snapshot svc doomed was deleted already; nothing changed.");
    }
}
