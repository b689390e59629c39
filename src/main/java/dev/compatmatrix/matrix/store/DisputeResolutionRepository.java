package dev.compatmatrix.matrix.store;

import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.matrix.CompatibilityLevel;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends {@code dispute_resolutions}; rows are never updated (see DisputedClaim for how they count). */
@Repository
public class DisputeResolutionRepository {

    /** How a validator resolved a dispute: kept the claim, or took the automated level. */
    public enum Decision {
        KEEP, TAKE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    public DisputeResolutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Claim reviewed, long automatedResultId, Decision decision, CompatibilityLevel keptLevel,
                       ValidatorRepository.ValidatorRef validator, String resolver, String comment, LocalDateTime now) {
        jdbc.sql("""
                        INSERT INTO dispute_resolutions (claim_id, claim_version, model_id, hardware_type,
                            automated_result_id, decision, kept_level, validator_id, resolver, verification_level,
                            comment, resolved_at)
                        VALUES (:claimId, :version, :modelId, :platform, :resultId, :decision, :kept, :validatorId,
                            :resolver, :verification, :comment, :now)""")
                .param("claimId", reviewed.claimId()).param("version", reviewed.version())
                .param("modelId", reviewed.modelId()).param("platform", reviewed.platform().key())
                .param("resultId", automatedResultId).param("decision", decision.key()).param("kept", keptLevel.key())
                .param("validatorId", validator.validatorId()).param("resolver", resolver)
                .param("verification", validator.level()).param("comment", comment).param("now", now).update();
    }
}
