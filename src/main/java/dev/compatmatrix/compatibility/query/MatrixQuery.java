package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.compatibility.CompatibilityLevel;
import dev.compatmatrix.compatibility.Platform;
import dev.compatmatrix.compatibility.ScoreRule;
import dev.compatmatrix.compatibility.ValidationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matrix read model: one page of models, filtered, sorted and paged in the database, then the claims
 * of just that page's models (pivoting the whole table before paging costs 10× more).
 * SQL fragments come only from this class and enums; user input travels as named parameters.
 */
@Repository
public class MatrixQuery {

    private static final String LEVEL_RANK = """
            CASE %s WHEN 'high' THEN 4 WHEN 'medium' THEN 3 WHEN 'low' THEN 2 WHEN 'unsupported' THEN 1 END""";
    private static final String SIZE_RANK = """
            CASE m.model_size WHEN 'tiny' THEN 1 WHEN 'small' THEN 2 WHEN 'base' THEN 3 WHEN 'large' THEN 4
                              WHEN 'xl' THEN 5 WHEN 'xxl' THEN 6 END""";

    private final JdbcClient jdbc;

    public MatrixQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** SQL and named parameters of a statement, so a benchmark can run exactly the same over plain JDBC. */
    public record Statement(String sql, Map<String, Object> params) {
    }

    public List<MatrixRow> page(MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        Statement statement = pageStatement(filter, sort, offset, limit);
        List<PageRow> rows = jdbc.sql(statement.sql()).params(statement.params()).query(MatrixQuery::mapPageRow).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Integer, Map<Platform, MatrixRow.Cell>> cells = new HashMap<>();
        jdbc.sql(CELLS_SQL)
                .param("ids", rows.stream().map(PageRow::compatibilityId).toList())
                .query(rs -> {
                    cells.computeIfAbsent(rs.getInt("compatibility_id"), id -> new EnumMap<>(Platform.class))
                            .put(Platform.fromKey(rs.getString("hardware_type")).orElseThrow(), new MatrixRow.Cell(
                                    CompatibilityLevel.fromKey(rs.getString("compatibility_level")).orElseThrow(),
                                    ValidationStatus.fromKey(rs.getString("validation_status"))
                                            .orElse(ValidationStatus.UNVALIDATED)));
                });
        return rows.stream().map(r -> new MatrixRow(r.modelId(), r.name(), r.family(), r.type(), r.size(),
                r.parametersMillions(), r.score(), r.recommended(),
                cells.getOrDefault(r.compatibilityId(), Map.of()))).toList();
    }

    /** The claims of one page's models, by their {@code cross_platform_compatibility} ids. */
    public static final String CELLS_SQL = """
            SELECT compatibility_id, hardware_type, compatibility_level, validation_status
            FROM compatibility_details
            WHERE compatibility_id IN (:ids)
            """;

    public long count(MatrixFilter filter) {
        Statement statement = countStatement(filter);
        return jdbc.sql(statement.sql()).params(statement.params()).query(Long.class).single();
    }

    public Statement countStatement(MatrixFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "SELECT count(*) FROM models m JOIN cross_platform_compatibility c ON c.model_id = m.model_id"
                + where(filter, params);
        return new Statement(sql, params);
    }

    public Statement pageStatement(MatrixFilter filter, MatrixSort sort, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sortJoin = "";
        if (sort.platform().isPresent()) {
            sortJoin = "\nLEFT JOIN compatibility_details sd ON sd.compatibility_id = c.id AND sd.hardware_type = :sortPlatform";
            params.put("sortPlatform", sort.platform().get().key());
        }
        String where = where(filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        String sql = """
                SELECT m.model_id, m.model_name, m.model_family, m.model_type, m.model_size, m.parameters_millions,
                       c.id AS compatibility_id, c.compatibility_score, c.recommended_platform
                FROM models m
                JOIN cross_platform_compatibility c ON c.model_id = m.model_id%s%s
                ORDER BY %s
                LIMIT :limit OFFSET :offset
                """.formatted(sortJoin, where, orderBy(sort));
        return new Statement(sql, params);
    }

    private static String orderBy(MatrixSort sort) {
        String direction = sort.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST";
        if (sort.platform().isPresent()) {
            return LEVEL_RANK.formatted("sd.compatibility_level") + direction + ", m.model_name";
        }
        String column = switch (sort.key()) {
            case "family" -> "m.model_family";
            case "type" -> "m.model_type";
            case "size" -> SIZE_RANK;
            case "parameters" -> "m.parameters_millions";
            case "score" -> "c.compatibility_score";
            case "recommended" -> "c.recommended_platform";
            default -> null;
        };
        return column == null ? "m.model_name" + direction : column + direction + ", m.model_name";
    }

    private static String where(MatrixFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (filter.text() != null) {
            where.append(" AND (m.model_name ILIKE :text ESCAPE '\\' OR m.model_family ILIKE :text ESCAPE '\\')");
            params.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.family() != null) {
            where.append(" AND m.model_family = :family");
            params.put("family", filter.family());
        }
        if (filter.type() != null) {
            where.append(" AND m.model_type = :type");
            params.put("type", filter.type().key());
        }
        if (filter.size() != null) {
            where.append(" AND m.model_size = :size");
            params.put("size", filter.size().key());
        }
        filter.platforms().forEach((platform, state) -> where.append(switch (state) {
            case SUPPORTED -> " AND c." + platform.supportColumn();
            case UNSUPPORTED -> " AND EXISTS (SELECT 1 FROM compatibility_details x WHERE x.compatibility_id = c.id"
                    + " AND x.hardware_type = '" + platform.key() + "' AND x.compatibility_level = 'unsupported')";
            case NOT_TESTED -> " AND NOT EXISTS (SELECT 1 FROM compatibility_details x WHERE x.compatibility_id = c.id"
                    + " AND x.hardware_type = '" + platform.key() + "')";
        }));
        if (filter.validation() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM compatibility_details v WHERE v.compatibility_id = c.id"
                    + " AND v.validation_status = :validation)");
            params.put("validation", filter.validation().key());
        }
        if (filter.minScore() != null) {
            where.append(" AND c.compatibility_score >= :minScore");
            params.put("minScore", filter.minScore());
        }
        return where.isEmpty() ? "" : "\nWHERE " + where.substring(" AND ".length());
    }

    private record PageRow(int modelId, int compatibilityId, String name, String family, String type, String size,
                           Double parametersMillions, double score, Platform recommended) {
    }

    private static PageRow mapPageRow(ResultSet rs, int rowNum) throws SQLException {
        return new PageRow(rs.getInt("model_id"), rs.getInt("compatibility_id"), rs.getString("model_name"),
                rs.getString("model_family"), rs.getString("model_type"), rs.getString("model_size"),
                (Double) rs.getObject("parameters_millions"), ScoreRule.fromStored(rs.getDouble("compatibility_score")),
                Platform.fromKey(rs.getString("recommended_platform")).orElse(null));
    }
}
