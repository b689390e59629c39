package dev.compatmatrix.compatibility.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.CompatibilityLevel;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.matrix.ScoreRule;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The score rule's SQL for the past matrix and {@link ScoreRule#derive} agree: the levels code the database sums gives
 * back the levels (and so derive's own score), the recommendation the database ranks is derive's.
 */
class AsOfScoreSqlTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static Map<Platform, CompatibilityLevel> combination(int code) {
        Map<Platform, CompatibilityLevel> levels = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            int digit = code % 5;
            code /= 5;
            if (digit > 0) {
                levels.put(platform, CompatibilityLevel.values()[digit - 1]);
            }
        }
        return levels;
    }

    @Test
    void the_levels_code_gives_back_every_combination_of_levels_and_its_derived_score() {
        int combinations = (int) Math.pow(5, Platform.values().length);
        for (int code = 0; code < combinations; code++) {
            Map<Platform, CompatibilityLevel> levels = combination(code);
            assertThat(AsOfScoreSql.levels(code)).isEqualTo(levels);
            assertThat(AsOfScoreSql.score(code))
                    .isEqualTo(ScoreRule.derive(levels).score());
        }
    }

    @Test
    void the_database_derives_the_score_and_recommendation_java_derives() {
        Random random = new Random(20);
        for (int i = 0; i < 300; i++) {
            Map<Platform, CompatibilityLevel> levels = combination(random.nextInt((int) Math.pow(5, 8)));
            if (levels.isEmpty()) {
                continue;
            }
            StringJoiner states = new StringJoiner(", ");
            levels.forEach((platform, level) -> states.add("('" + level.key() + "', '" + platform.key() + "')"));
            Map<String, Object> derived = jdbc.sql("SELECT sum(" + AsOfScoreSql.LEVELS_CODE + ") AS code, "
                            + AsOfScoreSql.recommendedKey("min(" + AsOfScoreSql.RECOMMENDATION_RANK + ")")
                            + " AS recommended FROM (VALUES " + states + ") s(compatibility_level, hardware_type)")
                    .query()
                    .singleRow();
            ScoreRule.Derived expected = ScoreRule.derive(levels);
            assertThat(AsOfScoreSql.levels(((Number) derived.get("code")).intValue()))
                    .as("%s", levels)
                    .isEqualTo(levels);
            assertThat(derived.get("recommended"))
                    .as("%s", levels)
                    .isEqualTo(
                            expected.recommended() == null
                                    ? null
                                    : expected.recommended().key());
        }
    }
}
