package dev.compatmatrix.search.query;

/** A model the quick search found: its name and family. */
public record ModelHit(String name, String family) {}
