package dev.compatmatrix.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a batch did. {@code replayed} is true when the batch id had been applied before and nothing changed.
 *
 * @param created   claims created for cells that were not tested
 * @param updated   claims the pipeline owns that it changed
 * @param confirmed people's claims the result agreed with (approved at the pipeline's level)
 * @param disputed  people's claims the result disagreed with (left as they are, marked disputed)
 */
public record IngestReport(
        @JsonProperty("batch_id") String batchId,
        boolean replayed,
        int results,
        int created,
        int updated,
        int confirmed,
        int disputed,
        @JsonProperty("performance_rows") int performanceRows) {}
