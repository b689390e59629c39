package dev.compatmatrix.matrix;

/** Anything that names one version of a claim: a stored claim, a queue row. */
public interface ClaimVersion {

    long claimId();

    int version();
}
