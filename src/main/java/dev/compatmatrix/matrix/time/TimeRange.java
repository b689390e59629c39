package dev.compatmatrix.matrix.time;

/** Two points in time, {@code from} before {@code to}: what changed between them. */
public record TimeRange(PointInTime from, PointInTime to) {}
