package dev.compatmatrix.admin.importing;

/** What an applied import changed. */
public record ImportResult(int rows, int modelsCreated, int claimsCreated, int claimsChanged, int unchanged) {}
