package dev.compatmatrix.recommendation.query;

import dev.compatmatrix.matrix.Precision;

/** What a performance comparison compares: one task at one batch size and precision. */
public record PerformanceChoice(String taskType, int batchSize, Precision precision) {}
