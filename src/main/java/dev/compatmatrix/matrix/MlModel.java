package dev.compatmatrix.matrix;

/** A stored model at one row version. */
public record MlModel(int modelId, int version, ModelData data) {}
