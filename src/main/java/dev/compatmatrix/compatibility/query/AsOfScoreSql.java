package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import dev.compatmatrix.matrix.SqlRanks;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ScoreRule} for sorting and filtering the matrix as of a past point, over the states {@code s} of
 * {@code cell_states}, generated from the rule's own constants — the live matrix keeps the derived columns, the past has
 * none. The recommendation is ranked in SQL (best level, then {@link ScoreRule#PREFERENCE}: exact integers). The score
 * is not: {@link ScoreRule#derive} adds double weights in platform order and rounds, and at the many half-way scores
 * (0.2625) the order of the additions decides the third decimal, so SQL reads each model's levels as one number and
 * Java derives the score from it. Ordering by summed weights in SQL would be faster (at 100,000 models a first page in
 * p50 158 ms against 353 ms) but takes scores derive tells apart (0.262, 0.263) as equal, and a score filter with them.
 */
final class AsOfScoreSql {

    /** A levels code's digits per platform: not tested, then each level. Declared first: the SQL below uses it. */
    private static final int LEVEL_DIGITS = CompatibilityLevel.values().length + 1;

    /** The best supported claim as {@code level ordinal × platforms + preference}; never reached by a supported one. */
    static final int NOT_SUPPORTED = 1_000;

    /** Per state: lower is a better recommendation (best level, then {@link ScoreRule#PREFERENCE}). */
    static final String RECOMMENDATION_RANK = SqlRanks.of(
                    CompatibilityLevel.class,
                    "s.compatibility_level",
                    level -> level.isSupported() ? level.ordinal() * Platform.values().length : NOT_SUPPORTED)
            + " + " + SqlRanks.of(Platform.class, "s.hardware_type", ScoreRule.PREFERENCE::indexOf);

    /** Per state: its level's sort rank ({@link CompatibilityLevel#sortRank()}), as the live matrix row keeps it. */
    static final String LEVEL_RANK =
            SqlRanks.of(CompatibilityLevel.class, "s.compatibility_level", CompatibilityLevel::sortRank);

    /** Per state: its part of the model's {@link #levels(int) levels code} (summed over the model's states). */
    static final String LEVELS_CODE =
            SqlRanks.of(CompatibilityLevel.class, "s.compatibility_level", level -> level.ordinal() + 1) + " * "
                    + SqlRanks.of(Platform.class, "s.hardware_type", AsOfScoreSql::place);

    /** Scores by levels code, derived once each (at most 5^8). */
    private static final Map<Integer, Double> SCORES = new ConcurrentHashMap<>();

    private AsOfScoreSql() {}

    /** The recommended platform's key from the smallest {@link #RECOMMENDATION_RANK} (null when none). */
    static String recommendedKey(String bestRank) {
        StringBuilder sql = new StringBuilder("CASE WHEN ")
                .append(bestRank)
                .append(" < ")
                .append(NOT_SUPPORTED)
                .append(" THEN CASE ")
                .append(bestRank)
                .append(" % ")
                .append(Platform.values().length);
        for (Platform platform : ScoreRule.PREFERENCE) {
            sql.append(" WHEN ")
                    .append(ScoreRule.PREFERENCE.indexOf(platform))
                    .append(" THEN '")
                    .append(platform.key())
                    .append("'");
        }
        return sql.append(" END END").toString();
    }

    /** The score {@link ScoreRule#derive} gives the levels of this code. */
    static double score(int code) {
        return SCORES.computeIfAbsent(code, c -> ScoreRule.derive(levels(c)).score());
    }

    /** A model's levels from the sum of its states' {@link #LEVELS_CODE}: one base-5 digit per platform, 0 = not tested. */
    static Map<Platform, CompatibilityLevel> levels(int code) {
        Map<Platform, CompatibilityLevel> levels = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            int digit = code / place(platform) % LEVEL_DIGITS;
            if (digit > 0) {
                levels.put(platform, CompatibilityLevel.values()[digit - 1]);
            }
        }
        return levels;
    }

    private static int place(Platform platform) {
        int place = 1;
        for (int i = 0; i < platform.ordinal(); i++) {
            place *= LEVEL_DIGITS;
        }
        return place;
    }
}
