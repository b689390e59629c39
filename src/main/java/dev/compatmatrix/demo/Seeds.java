package dev.compatmatrix.demo;

/** Seeds for the generated data's random draws. */
final class Seeds {

    private Seeds() {}

    /**
     * SplitMix64's finaliser. {@code new Random(seed + index)} alone would give neighbouring models
     * nearly linear first draws (java.util.Random only scrambles its seed with an XOR), so families and
     * untested cells would follow the index in a visible pattern.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
