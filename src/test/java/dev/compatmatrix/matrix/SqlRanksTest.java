package dev.compatmatrix.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.base.Keyed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated CASE expressions, evaluated in a real DuckDB, rank every constant exactly as the Java rule. */
class SqlRanksTest {

    private Connection duckdb;

    @BeforeEach
    void open() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws SQLException {
        duckdb.close();
    }

    @Test
    void the_required_level_in_sql_is_the_java_rule_for_every_level() throws SQLException {
        assertThat(evaluate(CompatibilityLevel.class, SqlRanks::requiredLevel))
                .isEqualTo(expected(CompatibilityLevel.class, ValidationRules::requiredLevel))
                .containsEntry("high", 3)
                .containsEntry("medium", 2)
                .containsEntry("low", 1)
                .containsEntry("unsupported", 1);
    }

    @Test
    void the_size_order_in_sql_is_the_enum_order_smallest_first() throws SQLException {
        assertThat(evaluate(ModelSize.class, SqlRanks::sizeRank))
                .isEqualTo(expected(ModelSize.class, ModelSize::rank))
                .containsExactly(
                        Map.entry("tiny", 1),
                        Map.entry("small", 2),
                        Map.entry("base", 3),
                        Map.entry("large", 4),
                        Map.entry("xl", 5),
                        Map.entry("xxl", 6));
    }

    @Test
    void a_key_that_could_break_out_of_the_sql_literal_is_refused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> SqlRanks.of(Quoted.class, "x", Quoted::ordinal));
    }

    private enum Quoted implements Keyed {
        PLAIN,
        QUOTED;

        @Override
        public String key() {
            return this == PLAIN ? "plain" : "it's";
        }
    }

    /** Each constant's key → the rank the SQL gives it. */
    private <E extends Enum<E> & Keyed> Map<String, Integer> evaluate(Class<E> type, Function<String, String> sql)
            throws SQLException {
        String values = Arrays.stream(type.getEnumConstants())
                .map(e -> "('" + e.key() + "')")
                .collect(Collectors.joining(", "));
        Map<String, Integer> ranks = new LinkedHashMap<>();
        try (var statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT v.k, " + sql.apply("v.k") + " FROM (VALUES " + values + ") v(k)")) {
            while (rs.next()) {
                ranks.put(rs.getString(1), rs.getInt(2));
            }
        }
        return ranks;
    }

    private static <E extends Enum<E> & Keyed> Map<String, Integer> expected(Class<E> type, ToIntFunction<E> rank) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            ranks.put(constant.key(), rank.applyAsInt(constant));
        }
        return ranks;
    }
}
