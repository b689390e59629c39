package dev.compatmatrix.demo;

import dev.compatmatrix.demo.ClaimFactory.ValidatorRef;
import dev.compatmatrix.demo.GeneratedModel.AutomatedResult;
import dev.compatmatrix.demo.GeneratedModel.Claim;
import dev.compatmatrix.demo.GeneratedModel.Review;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.Review.Decision;
import dev.compatmatrix.matrix.ValidationStatus;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The reviews behind a generated claim's validation status, as the product's rules would have left them: shared by
 * the demo data ({@link ClaimFactory#withApprovals}) and the benchmarks' synthetic data set.
 */
final class DemoApprovals {

    private static final DateTimeFormatter BATCH_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private DemoApprovals() {}

    /**
     * The approval that set a validated or partially validated claim's status: by its approver, at its validation
     * date. A pipeline's approval comes with its agreeing automated result, added to {@code results}, as
     * IngestService leaves it.
     */
    static Review approval(Platform platform, Claim claim, ValidatorRef approver, List<AutomatedResult> results) {
        String comment = null;
        if (approver.automated()) {
            String batch = token(approver) + "-" + BATCH_DAY.format(claim.validationDate());
            comment = "Automated result, batch " + batch;
            results.add(new AutomatedResult(
                    platform, approver.id(), claim.level(), batch, claim.frameworkVersion(), claim.validationDate()));
        }
        return review(claim, approver, Decision.APPROVE, claim.status(), comment, claim.validationDate());
    }

    static Review review(
            Claim claim,
            ValidatorRef validator,
            Decision decision,
            ValidationStatus result,
            String comment,
            LocalDateTime at) {
        return new Review(
                claim.version(),
                claim.level(),
                validator.id(),
                validator.level(),
                validator.reviewer(),
                decision,
                result,
                comment,
                claim.frameworkVersion(),
                at);
    }

    /** The name of a pipeline's token: its API principal without the {@code api:} prefix. */
    static String token(ValidatorRef pipeline) {
        return pipeline.reviewer().substring(pipeline.reviewer().indexOf(':') + 1);
    }
}
