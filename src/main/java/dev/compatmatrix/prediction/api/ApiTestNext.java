package dev.compatmatrix.prediction.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.compatmatrix.prediction.query.TestNextRow;
import java.util.List;

/**
 * A page of "What to test next" in the API's JSON shape: whether a trained run's predictions rank it ({@code run_id},
 * null: never trained, every cell 2 bits), the total of the filtered cells and the page, most useful test first.
 */
public record ApiTestNext(
        @JsonProperty("run_id") Long runId,
        String rule,
        long total,
        int offset,
        int limit,
        List<ApiTestNextCell> items) {

    /** The ranking rule in words, as the README states it. */
    static final String RULE = "value = entropy × log2(2 + shared_cells); entropy of the shown prediction in bits, "
            + "2 where none is shown; highest value first, ties by model name and platform";

    /** A shown prediction, marked as one: the likeliest level, its probability, and the text the screen shows. */
    public record ApiTestNextPrediction(String level, double probability, String text) {}

    /** One untested cell and the value of testing it. */
    public record ApiTestNextCell(
            long rank,
            String model,
            String family,
            String type,
            String platform,
            ApiTestNextPrediction prediction,
            @JsonProperty("entropy_bits") double entropyBits,
            @JsonProperty("shared_cells") long sharedCells,
            double value) {

        static ApiTestNextCell of(long rank, TestNextRow row) {
            return new ApiTestNextCell(
                    rank,
                    row.modelName(),
                    row.family(),
                    row.type(),
                    row.platform().key(),
                    row.prediction() == null
                            ? null
                            : new ApiTestNextPrediction(
                                    row.prediction().level().key(),
                                    row.prediction().confidence(),
                                    row.prediction().shortText()),
                    row.entropy(),
                    row.shared(),
                    row.value());
        }
    }
}
