package dev.compatmatrix.timetravel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.compatmatrix.MatrixInvariants;
import dev.compatmatrix.SecurityContextStrategyReset;
import dev.compatmatrix.TestClock;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.catalog.CatalogService;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.ingest.IngestApiSupport;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.ClaimRef;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.matrix.Staleness;
import dev.compatmatrix.matrix.ValidationStatus;
import dev.compatmatrix.matrix.time.TimePoints;
import dev.compatmatrix.security.repository.UserRepository;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.token.ApiTokenService;
import dev.compatmatrix.validation.ValidationService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.WebApplicationContext;

/**
 * The matrix as of today equals the live matrix, cell by cell, on a generated 10,000-model database after writes of
 * every kind through the services: claims created, edited with and without a change of level, removed; validations
 * approved, rejected and objected to; an ingest batch whose results dispute claims; disputes resolved both ways; a
 * model deleted.
 */
@SpringBootTest(properties = "compat.demo.enabled=false")
@Import(TestClock.class)
class AsOfTodayEqualsLiveAfterWritesTest {

    private static final int MODELS = 10_000;
    private static ScratchDatabase database;

    @Autowired
    private ApplicationContext springContext;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TimePoints timePoints;

    @Autowired
    private Staleness staleness;

    @Autowired
    private ClaimService claims;

    @Autowired
    private ValidationService validation;

    @Autowired
    private CatalogService catalog;

    @Autowired
    private UserRepository users;

    @Autowired
    private ApiTokenService tokens;

    @Autowired
    private WebApplicationContext web;

    @DynamicPropertySource
    static void generatedDatabase(DynamicPropertyRegistry registry) throws SQLException {
        if (database == null) {
            database = ScratchDatabase.create("generated_10k");
            try (Connection connection = database.open()) {
                SyntheticDatabaseGenerator.generate(connection, database.kind(), MODELS);
            }
        }
        database.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("compat.backup.dir", () -> TestDatabasesFolder.backups());
    }

    @BeforeEach
    void useThisContextsSecurityStrategy() {
        SecurityContextStrategyReset.useStrategyOf(springContext);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void as_of_today_every_cell_of_a_generated_database_is_the_live_cell_after_writes_of_every_kind() throws Exception {
        users.insert("validator3", "{bcrypt}-", "Validator three", humanValidator(3), List.of(Roles.VALIDATOR));
        users.insert("validator1", "{bcrypt}-", "Validator one", humanValidator(1), List.of(Roles.VALIDATOR));
        AsOfTodayEqualsLiveTest.assertAsOfTodayIsLive(jdbc, timePoints, staleness);

        TestUsers.signIn("editor", Roles.EDITOR);
        Claim created = claims.create(
                untestedCell(0),
                untestedPlatform(0),
                data(CompatibilityLevel.MEDIUM, "2.6"),
                new ChangeNote("New run", "2.6"));
        Claim raised = claims.update(
                claim("validated", 0), data(CompatibilityLevel.HIGH, "2.6"), new ChangeNote("Raised", "2.6"));
        Claim versionOnly = claim("validated", 1);
        ClaimData old = versionOnly.data();
        claims.update(
                versionOnly,
                new ClaimData(
                        old.level(),
                        old.limitations(),
                        old.workarounds(),
                        old.performanceNotes(),
                        old.evidenceRun(),
                        "9.9",
                        old.device(),
                        old.batchSize(),
                        old.precision(),
                        old.simulated()),
                new ChangeNote("New runtime", "9.9")); // no change of substance: the validation stays, now stale
        Claim substance = claim("unvalidated", 0);
        claims.update(
                substance,
                new ClaimData(
                        substance.data().level(), "Only batch 1", null, null, null, "2.6", null, null, null, false),
                new ChangeNote("Limitation found", "2.6"));
        claims.remove(claim("unvalidated", 1), "Not reproducible");

        TestUsers.signIn("validator3", Roles.VALIDATOR);
        assertThat(validation
                        .approve(
                                ClaimRef.of(claims.find(created.modelName(), created.platform())
                                        .orElseThrow()),
                                null)
                        .status())
                .isEqualTo(ValidationStatus.VALIDATED);
        validation.approve(ClaimRef.of(claim("unvalidated", 2)), null);
        validation.reject(ClaimRef.of(claim("validated", 2)), "Could not reproduce");
        TestUsers.signIn("validator1", Roles.VALIDATOR);
        validation.reject(ClaimRef.of(claim("validated", 3)), "Looks wrong to me"); // an objection: status stays

        List<String> ingested = modelNames(20);
        IngestApiSupport.ApiCaller api = IngestApiSupport.caller(web, tokens, ApiScope.RESULTS_WRITE);
        api.perform(post("/api/v1/results")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batch(ingested)))
                .andExpect(status().isCreated());

        TestUsers.signIn("validator3", Roles.VALIDATOR);
        List<Claim> disputed = disputedClaims(2);
        validation.keepClaim(ClaimRef.of(disputed.get(0)), "Re-ran it: the claim holds");
        validation.takeAutomatedLevel(ClaimRef.of(disputed.get(1)), "CI is right");

        TestUsers.signIn("admin", Roles.ADMIN);
        catalog.delete(catalog.find(modelNames(1).getFirst()).orElseThrow(), "Retired");
        SecurityContextHolder.clearContext();

        assertThat(MatrixInvariants.cellStatesNotFollowingClaims(jdbc)).isEmpty();
        AsOfTodayEqualsLiveTest.assertAsOfTodayIsLive(jdbc, timePoints, staleness);
    }

    private int humanValidator(int level) {
        return jdbc.sql("SELECT min(validator_id) FROM validators WHERE type = 'human' AND verification_level = :level")
                .param("level", level)
                .query(Integer.class)
                .single();
    }

    private static ClaimData data(CompatibilityLevel level, String version) {
        return new ClaimData(level, null, null, null, null, version, null, null, null, false);
    }

    /** The n-th claim (by id, from a fixed model range) with this status, not yet touched by this test. */
    private Claim claim(String status, int n) {
        List<String> cell = jdbc.sql("""
                        SELECT m.model_name, d.hardware_type FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id
                        WHERE d.validation_status = :status AND m.deleted_at IS NULL AND m.model_id BETWEEN 5000 AND 6000
                          AND d.updated_at < :today
                        ORDER BY d.id LIMIT 1 OFFSET :n""")
                .param("status", status)
                .param("today", java.time.LocalDateTime.of(2026, 11, 26, 0, 0))
                .param("n", n)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        return claims.find(cell.get(0), Platform.fromKey(cell.get(1)).orElseThrow())
                .orElseThrow();
    }

    private String untestedCell(int n) {
        return untested(n).get(0);
    }

    private Platform untestedPlatform(int n) {
        return Platform.fromKey(untested(n).get(1)).orElseThrow();
    }

    private List<String> untested(int n) {
        return jdbc.sql("""
                        SELECT m.model_name, p.platform FROM models m
                        CROSS JOIN (VALUES ('cuda'), ('rocm'), ('cpu')) p(platform)
                        WHERE m.model_id BETWEEN 7000 AND 8000 AND NOT EXISTS (
                            SELECT 1 FROM compatibility_details d JOIN cross_platform_compatibility c
                              ON c.id = d.compatibility_id
                            WHERE c.model_id = m.model_id AND d.hardware_type = p.platform)
                        ORDER BY m.model_id, p.platform LIMIT 1 OFFSET :n""")
                .param("n", n)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
    }

    /** Names of models 3,000 on (the ones the ingest batch and the deletion touch). */
    private List<String> modelNames(int count) {
        return jdbc.sql("SELECT model_name FROM models WHERE model_id >= 3000 ORDER BY model_id LIMIT :count")
                .param("count", count)
                .query(String.class)
                .list();
    }

    /** Claims the ingest batch disputes (its result reports another level), for a level-3 validator to resolve. */
    private List<Claim> disputedClaims(int count) {
        List<Claim> found = new ArrayList<>();
        jdbc.sql("""
                        SELECT m.model_name, d.hardware_type FROM compatibility_details d
                        JOIN cross_platform_compatibility c ON c.id = d.compatibility_id
                        JOIN models m ON m.model_id = c.model_id
                        JOIN automated_results a ON a.model_id = c.model_id AND a.hardware_type = d.hardware_type
                        WHERE a.evidence_run = 'asof-run' AND a.reported_level <> d.compatibility_level
                        ORDER BY d.id LIMIT :count""")
                .param("count", count)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(cell -> found.add(
                        claims.find(cell.get(0), Platform.fromKey(cell.get(1)).orElseThrow())
                                .orElseThrow()));
        assertThat(found).hasSize(count);
        return found;
    }

    /** One result per platform of the models, all "low": new claims where untested, disputes where claimed higher. */
    private static String batch(List<String> models) {
        List<String> results = new ArrayList<>();
        for (String model : models) {
            for (Platform platform : Platform.values()) {
                results.add("""
                        {"model": "%s", "hardware": "%s", "level": "low", "evidence": {"run": "asof-run",
                          "framework_version": "torch 2.6.0"}}""".formatted(model, platform.key()));
            }
        }
        return "{\"batch_id\": \"asof-batch\", \"results\": [%s]}".formatted(String.join(",", results));
    }

    /** A backups folder of its own (the application wants one; this test takes no backups). */
    private static final class TestDatabasesFolder {
        static String backups() {
            return dev.compatmatrix.TestDatabases.newFile("generated-backups")
                    .resolveSibling("backups")
                    .toString();
        }
    }
}
