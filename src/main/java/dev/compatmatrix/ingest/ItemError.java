package dev.compatmatrix.ingest;

/**
 * Why one result of a batch was refused.
 *
 * @param index the result's position in the batch, from 0; -1 for the batch as a whole
 * @param field the JSON field, e.g. {@code hardware} or {@code evidence.batch_size}
 */
public record ItemError(int index, String field, String message) {}
