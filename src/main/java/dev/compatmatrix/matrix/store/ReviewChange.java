package dev.compatmatrix.matrix.store;

import dev.compatmatrix.matrix.store.MatrixTables.ReviewRow;

/**
 * A review to keep, as {@link MatrixWriter#recordReviews} takes it, with what it does to its claim: the claim's
 * new validation (null: the status stays as it is) and, for a rejection that could not undo a higher approval,
 * the level of validator the objection waits for (null: no objection).
 */
public record ReviewChange(ReviewRow review, Validation validation, Integer objectionNeeds) {}
