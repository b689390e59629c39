package dev.compatmatrix.matrix;

import dev.compatmatrix.base.Keyed;
import java.util.function.ToIntFunction;

/**
 * SQL {@code CASE} expressions that rank the keys stored for an enum exactly as its Java rule does, generated
 * from the enum so the rule is stated once. Every constant gets a branch; the schema's CHECK constraints admit
 * no other value.
 */
public final class SqlRanks {

    private SqlRanks() {}

    /** The verification level a claim needs (see {@link ValidationRules#requiredLevel}), for a level column. */
    public static String requiredLevel(String levelColumn) {
        return of(CompatibilityLevel.class, levelColumn, ValidationRules::requiredLevel);
    }

    /** The size order, smallest first (see {@link ModelSize#rank}), for a size column. */
    public static String sizeRank(String sizeColumn) {
        return of(ModelSize.class, sizeColumn, ModelSize::rank);
    }

    /** The level order, unsupported (1) to high (4) (see {@link CompatibilityLevel#sortRank}), for a level column. */
    public static String levelRank(String levelColumn) {
        return of(CompatibilityLevel.class, levelColumn, CompatibilityLevel::sortRank);
    }

    /** The order the matrix shows the platforms in (see {@link Platform}), for a platform column. */
    public static String platformOrder(String platformColumn) {
        return of(Platform.class, platformColumn, Platform::ordinal);
    }

    /**
     * The level rank on the matrix row {@code matrixRow} (a {@code cross_platform_compatibility} alias) of the platform
     * named by {@code platformColumn}: NULL exactly where that cell has no claim (the writer keeps the ranks with the
     * claims, {@link Platform#levelRankColumn}). Cheaper than looking for the cell's claim: one row per model.
     */
    public static String platformLevelRank(String platformColumn, String matrixRow) {
        StringBuilder sql = new StringBuilder("CASE ").append(platformColumn);
        for (Platform platform : Platform.values()) {
            sql.append(" WHEN '")
                    .append(platform.key())
                    .append("' THEN ")
                    .append(matrixRow)
                    .append('.')
                    .append(platform.levelRankColumn());
        }
        return sql.append(" END").toString();
    }

    /** {@code CASE column WHEN 'key' THEN rank … END} over every constant of the enum. */
    public static <E extends Enum<E> & Keyed> String of(Class<E> type, String column, ToIntFunction<E> rank) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (E constant : type.getEnumConstants()) {
            if (constant.key().contains("'")) {
                throw new IllegalArgumentException("Not a plain key: " + constant.key());
            }
            sql.append(" WHEN '").append(constant.key()).append("' THEN ").append(rank.applyAsInt(constant));
        }
        return sql.append(" END").toString();
    }
}
