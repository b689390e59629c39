package dev.compatmatrix.matrix.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.TableFingerprint;
import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.base.audit.AuditLog;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.store.DerivedColumnsRepository.ModelRef;
import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class MatrixWriterTest extends WritingIntegrationTest {

    private static final String USER = "matrix-writer-test";
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 12, 0);

    @Autowired
    MatrixWriter writer;

    @Autowired
    ClaimRepository claims;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    /** Four demo models with a few claims each and an untested platform. */
    private List<ModelRef> models() {
        return jdbc.sql("""
                        SELECT c.model_id, c.id FROM cross_platform_compatibility c
                        WHERE (SELECT count(*) FROM compatibility_details d WHERE d.compatibility_id = c.id) BETWEEN 2 AND 7
                        ORDER BY c.id LIMIT 4""")
                .query((rs, n) -> new ModelRef(rs.getInt(1), rs.getInt(2)))
                .list();
    }

    private record Changes(List<ClaimChange> claims, List<AuditLog.Entry> audit, List<ReviewChange> reviews) {}

    /** A create, a level change, a change of evidence only, a removal, an approval and a rejection with objection. */
    private Changes changes(List<ModelRef> models) {
        List<ClaimChange> changes = new ArrayList<>();
        ModelRef first = models.get(0);
        Set<Platform> tested = Set.copyOf(claims.findAll(first.compatibilityId()).stream()
                .map(Claim::platform)
                .toList());
        Platform untested = Arrays.stream(Platform.values())
                .filter(p -> !tested.contains(p))
                .findFirst()
                .orElseThrow();
        changes.add(new ClaimChange.Create(
                claims.newIds(1).getFirst(),
                first,
                untested,
                new ClaimData(CompatibilityLevel.HIGH, "Needs 8 GB", null, null, null, "2.1", null, null, null, false),
                Validation.RESET,
                "Tested by the writer test",
                "2.1"));
        Claim levelChange = claims.findAll(models.get(1).compatibilityId()).getFirst();
        changes.add(ClaimChange.edit(
                levelChange,
                models.get(1),
                levelChange
                        .data()
                        .withLevel(
                                levelChange.data().level() == CompatibilityLevel.LOW
                                        ? CompatibilityLevel.HIGH
                                        : CompatibilityLevel.LOW),
                "Re-tested",
                "2.2"));
        Claim evidence = claims.findAll(models.get(2).compatibilityId()).getFirst();
        ClaimData d = evidence.data();
        changes.add(ClaimChange.edit(
                evidence,
                models.get(2),
                new ClaimData(
                        d.level(),
                        d.limitations(),
                        d.workarounds(),
                        d.performanceNotes(),
                        "run-77",
                        d.frameworkVersion(),
                        "writer-test-device",
                        d.batchSize(),
                        d.precision(),
                        d.simulated()),
                null,
                null));
        changes.add(ClaimChange.remove(
                claims.findAll(models.get(3).compatibilityId()).getFirst(), models.get(3), "Withdrawn"));
        List<AuditLog.Entry> audit = changes.stream()
                .map(c -> new AuditLog.Entry(
                        "claim.test",
                        "compatibility_details",
                        c.model().modelId() + "/" + c.platform().key(),
                        "Writer test: " + c.getClass().getSimpleName(),
                        null,
                        Map.of("platform", c.platform().key())))
                .toList();
        int validatorId = jdbc.sql("SELECT min(validator_id) FROM validators")
                .query(Integer.class)
                .single();
        Claim approved = claims.findAll(models.get(2).compatibilityId()).get(1);
        Claim rejected = claims.findAll(models.get(3).compatibilityId()).get(1);
        List<ReviewChange> reviews = List.of(
                new ReviewChange(
                        review(approved, validatorId, Review.Decision.APPROVE, ValidationStatus.VALIDATED),
                        Validation.by(ValidationStatus.VALIDATED, validatorId),
                        null),
                new ReviewChange(review(rejected, validatorId, Review.Decision.REJECT, rejected.status()), null, 3));
        return new Changes(changes, audit, reviews);
    }

    private static ReviewRow review(Claim claim, int validatorId, Review.Decision decision, ValidationStatus result) {
        return new ReviewRow(
                claim.claimId(),
                claim.version(),
                claim.modelId(),
                claim.platform(),
                claim.data().level(),
                validatorId,
                USER,
                2,
                decision,
                result,
                "Writer test",
                claim.data().frameworkVersion(),
                NOW);
    }

    /** What the changes left in the tables they write, ids aside (sequences are not rolled back). */
    private List<Object> tables(List<ModelRef> models) {
        String ids = models.stream()
                .map(m -> String.valueOf(m.compatibilityId()))
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        return List.of(
                withoutIds(jdbc.sql("SELECT * FROM compatibility_details WHERE compatibility_id IN (" + ids
                                + ") ORDER BY compatibility_id, hardware_type")
                        .query()
                        .listOfRows()),
                withoutIds(jdbc.sql("SELECT * FROM compatibility_history WHERE changed_by = :user ORDER BY id")
                        .param("user", USER)
                        .query()
                        .listOfRows()),
                jdbc.sql("SELECT * FROM cross_platform_compatibility WHERE id IN (" + ids + ") ORDER BY id")
                        .query()
                        .listOfRows(),
                withoutIds(jdbc.sql("SELECT * FROM validation_reviews WHERE reviewer = :user ORDER BY id")
                        .param("user", USER)
                        .query()
                        .listOfRows()),
                jdbc.sql("""
                                SELECT o.claim_id, o.claim_version, o.needs_level FROM validation_objections o
                                JOIN validation_reviews r ON r.id = o.review_id WHERE r.reviewer = :user ORDER BY r.id""").param("user", USER).query().listOfRows(),
                withoutIds(jdbc.sql("SELECT * FROM audit_log WHERE actor = :user ORDER BY id")
                        .param("user", USER)
                        .query()
                        .listOfRows()));
    }

    /** The rows without their ids (what {@code SELECT * EXCLUDE (id)} gives on DuckDB), on either database. */
    private static List<Map<String, Object>> withoutIds(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> {
                    Map<String, Object> rest = new java.util.LinkedHashMap<>(row);
                    rest.remove("id");
                    return rest;
                })
                .toList();
    }

    /** Writes in a transaction that is then rolled back; returns the tables as the writes left them. */
    private List<Object> writtenThenRolledBack(List<ModelRef> models, Consumer<Changes> write) {
        return transaction.execute(status -> {
            write.accept(changes(models));
            List<Object> tables = tables(models);
            status.setRollbackOnly();
            return tables;
        });
    }

    @Test
    void n_changes_in_one_call_leave_the_tables_that_n_calls_of_one_leave() {
        List<ModelRef> models = models();
        List<Object> before = tables(models);

        List<Object> oneByOne = writtenThenRolledBack(models, changes -> {
            for (int i = 0; i < changes.claims().size(); i++) {
                writer.writeClaims(
                        List.of(changes.claims().get(i)),
                        List.of(changes.audit().get(i)),
                        USER,
                        NOW);
            }
            changes.reviews().forEach(review -> writer.recordReviews(List.of(review), List.of(), USER, NOW));
        });
        List<Object> allAtOnce = writtenThenRolledBack(models, changes -> {
            writer.writeClaims(changes.claims(), changes.audit(), USER, NOW);
            writer.recordReviews(changes.reviews(), List.of(), USER, NOW);
        });

        assertThat(allAtOnce).isEqualTo(oneByOne);
        assertThat(allAtOnce).isNotEqualTo(before);
        assertThat(tables(models)).isEqualTo(before);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) allAtOnce.get(1);
        assertThat(history)
                .extracting(h -> h.get("change_reason"))
                .containsExactly(
                        "Tested by the writer test",
                        "Re-tested",
                        "Withdrawn"); // the evidence-only change keeps its level: no history row
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objections = (List<Map<String, Object>>) allAtOnce.get(4);
        assertThat(objections).hasSize(1);
    }

    @Test
    void a_failing_change_in_a_list_leaves_every_table_unchanged() {
        List<ModelRef> models = models();
        TableFingerprint fingerprint = TableFingerprint.of(jdbc, Set.of("*"));
        String before = fingerprint.take();
        Changes changes = changes(models);

        Claim stale = claims.findAll(models.get(1).compatibilityId()).get(1);
        List<ClaimChange> withStale = new ArrayList<>(changes.claims());
        withStale.add(new ClaimChange.Update(
                stale.claimId(),
                stale.version() + 1,
                models.get(1),
                stale.platform(),
                stale.data().level(),
                stale.data().withLevel(CompatibilityLevel.UNSUPPORTED),
                null,
                "Stale",
                null));
        assertThatThrownBy(() -> writer.writeClaims(withStale, changes.audit(), USER, NOW))
                .isInstanceOf(StaleClaimException.class);
        assertThat(fingerprint.take()).isEqualTo(before);

        List<ClaimChange> withTakenCell = new ArrayList<>(changes.claims());
        withTakenCell.add(new ClaimChange.Create(
                claims.newIds(1).getFirst(),
                models.get(1),
                stale.platform(),
                stale.data(),
                Validation.RESET,
                "Same cell twice",
                null));
        assertThatThrownBy(() -> writer.writeClaims(withTakenCell, changes.audit(), USER, NOW))
                .isInstanceOf(RuntimeException.class);
        assertThat(fingerprint.take()).isEqualTo(before);

        List<ReviewChange> withBadLevel = new ArrayList<>(changes.reviews());
        ReviewRow bad = changes.reviews().getFirst().review();
        withBadLevel.add(new ReviewChange(
                new ReviewRow(
                        bad.claimId(),
                        bad.claimVersion(),
                        bad.modelId(),
                        bad.platform(),
                        bad.claimLevel(),
                        bad.validatorId(),
                        USER,
                        9,
                        bad.decision(),
                        bad.resultingStatus(),
                        null,
                        null,
                        NOW),
                null,
                null));
        assertThatThrownBy(() -> writer.recordReviews(withBadLevel, changes.audit(), USER, NOW))
                .isInstanceOf(RuntimeException.class);
        assertThat(fingerprint.take()).isEqualTo(before);
    }
}
