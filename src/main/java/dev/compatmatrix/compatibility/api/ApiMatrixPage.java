package dev.compatmatrix.compatibility.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of the matrix: the paging of every list, and {@code as_of}, the past point it shows (a date or a snapshot's
 * name), absent for the live matrix.
 */
public record ApiMatrixPage(
        long total,
        int offset,
        int limit,

        @JsonProperty("as_of") @JsonInclude(JsonInclude.Include.NON_NULL)
        String asOf,

        List<ApiMatrixRow> items) {}
