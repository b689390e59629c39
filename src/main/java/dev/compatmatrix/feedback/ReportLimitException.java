package dev.compatmatrix.feedback;

import dev.compatmatrix.matrix.InvalidChangeException;
import java.util.Map;

/** A new report refused because its reporter sent {@link FeedbackService#REPORTS_PER_HOUR} in the last hour. */
public class ReportLimitException extends InvalidChangeException {

    ReportLimitException() {
        super(Map.of(
                "",
                "You have sent " + FeedbackService.REPORTS_PER_HOUR + " reports in the last hour, the most an hour"
                        + " allows. Try again later; you can still update the reports you have open."));
    }
}
