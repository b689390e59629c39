package dev.compatmatrix.compatibility.query;

import dev.compatmatrix.matrix.Platform;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Coverage per platform for the dashboard: claims by validation status, and models with no claim. */
@Repository
public class CoverageQuery {

    public static final String SQL = """
            SELECT p.platform,
                   count(d.id) FILTER (WHERE d.validation_status = 'validated') AS validated,
                   count(d.id) FILTER (WHERE d.validation_status = 'partially_validated') AS partial,
                   count(d.id) FILTER (WHERE d.validation_status = 'unvalidated') AS unvalidated,
                   (SELECT count(*) FROM cross_platform_compatibility) - count(d.id) AS not_tested
            FROM (VALUES %s) p(platform)
            LEFT JOIN compatibility_details d ON d.hardware_type = p.platform
            GROUP BY p.platform
            """.formatted(
                    Stream.of(Platform.values()).map(p -> "('" + p.key() + "')").collect(Collectors.joining(", ")));

    private final JdbcClient jdbc;

    public CoverageQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry per platform, in the matrix's platform order. */
    public List<PlatformCoverage> perPlatform() {
        return jdbc
                .sql(SQL)
                .query((rs, n) -> new PlatformCoverage(
                        Platform.fromKey(rs.getString("platform")).orElseThrow(),
                        rs.getLong("validated"),
                        rs.getLong("partial"),
                        rs.getLong("unvalidated"),
                        rs.getLong("not_tested")))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(PlatformCoverage::platform))
                .toList();
    }
}
