package dev.compatmatrix.validation;

import dev.compatmatrix.WritingIntegrationTest;
import dev.compatmatrix.compatibility.ClaimService;
import dev.compatmatrix.matrix.Claim;
import dev.compatmatrix.validation.query.QueueFilter;
import dev.compatmatrix.validation.query.QueueRow;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Validation service tests on the writing tests' database, with claim fixtures and the queue as a validator sees it. */
abstract class ValidationWritingTest extends WritingIntegrationTest {

    @Autowired
    ValidationService validation;

    @Autowired
    ClaimService claims;

    @Autowired
    JdbcClient jdbc;

    ClaimFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ClaimFixtures(claims, jdbc);
    }

    /** The claim's row in the queue as the signed-in validator sees it, if it is there. */
    Optional<QueueRow> queued(Claim claim) {
        return validation
                .queuePage(new QueueFilter(claim.modelName(), null, claim.platform(), null, null), 0, 50)
                .stream()
                .filter(row -> row.claimId() == claim.claimId())
                .findFirst();
    }
}
