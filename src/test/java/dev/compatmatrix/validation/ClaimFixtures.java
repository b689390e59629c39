package dev.compatmatrix.validation;

import dev.compatmatrix.TestUsers;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.ChangeNote;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.ClaimData;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Roles;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Claims for validation tests on the writing tests' database: fresh ones, and disputes made by a newer CI result. */
public final class ClaimFixtures {

    private final ClaimService claims;
    private final JdbcClient jdbc;

    public ClaimFixtures(ClaimService claims, JdbcClient jdbc) {
        this.claims = claims;
        this.jdbc = jdbc;
    }

    /** A claim nobody else touches and no CI reported on, rewritten by {@code author} at this level (so unvalidated). */
    public Claim fresh(CompatibilityLevel level, boolean simulated, String author, String... roles) {
        TestUsers.signIn(author, roles.length == 0 ? new String[] {Roles.EDITOR} : roles);
        Claim claim = jdbc.sql("""
                SELECT m.model_name, d.hardware_type FROM compatibility_details d
                JOIN cross_platform_compatibility c ON c.id = d.compatibility_id JOIN models m USING (model_id)
                WHERE d.updated_by IS NULL AND NOT EXISTS (SELECT 1 FROM automated_results a
                    WHERE a.model_id = c.model_id AND a.hardware_type = d.hardware_type)
                ORDER BY d.id DESC LIMIT 1""")
                .query((rs, n) -> claims.find(
                                rs.getString(1),
                                Platform.fromKey(rs.getString(2)).orElseThrow())
                        .orElseThrow())
                .single();
        var data = new ClaimData(
                level, "Set up by " + author, null, null, null, "torch 2.5.1", null, null, null, simulated);
        return claims.update(claim, data, new ChangeNote("Test setup", "torch 2.5.1"));
    }

    /** The claim as stored now. */
    public Claim stored(Claim claim) {
        TestUsers.signIn("viewer", Roles.VIEWER);
        return claims.find(claim.modelName(), claim.platform()).orElseThrow();
    }

    /** The demo claim of a model on a platform. */
    public Claim demo(String modelName, Platform platform) {
        TestUsers.signIn("viewer", Roles.VIEWER);
        return claims.find(modelName, platform).orElseThrow();
    }

    /** A claim by its id, as stored now. */
    public Claim demo(long claimId) {
        return jdbc.sql(
                        "SELECT m.model_name, d.hardware_type FROM compatibility_details d JOIN cross_platform_compatibility c"
                                + " ON c.id = d.compatibility_id JOIN models m USING (model_id) WHERE d.id = :id")
                .param("id", claimId)
                .query((rs, n) ->
                        demo(rs.getString(1), Platform.fromKey(rs.getString(2)).orElseThrow()))
                .single();
    }

    /** nightly-ci reports {@code level} for the claim's cell now, after every earlier result. */
    public void ciReports(Claim claim, CompatibilityLevel level) {
        jdbc.sql("""
                        INSERT INTO automated_results (model_id, hardware_type, validator_id, reported_level, evidence_run,
                            framework_version, reported_at)
                        SELECT :modelId, :platform, validator_id, :level, 'nightly-test', 'torch 2.6.0',
                            greatest(:now, (SELECT max(reported_at) FROM automated_results) + INTERVAL '1 second')
                        FROM validators WHERE name = 'nightly-ci'""")
                .param("modelId", claim.modelId())
                .param("platform", claim.platform().key())
                .param("level", level.key())
                .param("now", LocalDateTime.now())
                .update();
    }

    public long count(String table, Claim claim) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE claim_id = :id")
                .param("id", claim.claimId())
                .query(Long.class)
                .single();
    }

    /** Reviews of this version of the claim or later (the demo data keep the approvals of earlier versions). */
    public long reviewsOfThisVersionOrLater(Claim claim) {
        return jdbc.sql("SELECT count(*) FROM validation_reviews WHERE claim_id = :id AND claim_version >= :version")
                .param("id", claim.claimId())
                .param("version", claim.version())
                .query(Long.class)
                .single();
    }
}
