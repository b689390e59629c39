package dev.compatmatrix.search.query;

/** A family the quick search found and how many models it has. */
public record FamilyHit(String name, long models) {}
