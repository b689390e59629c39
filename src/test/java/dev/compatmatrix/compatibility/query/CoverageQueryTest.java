package dev.compatmatrix.compatibility.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import dev.compatmatrix.matrix.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CoverageQueryTest extends IntegrationTest {

    @Autowired
    CoverageQuery coverage;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_platform_accounts_for_all_43_models_by_status_or_not_tested() {
        var rows = coverage.perPlatform();
        assertThat(rows).extracting(PlatformCoverage::platform).containsExactly(Platform.values());
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.validated() + r.partiallyValidated() + r.unvalidated() + r.notTested())
                        .isEqualTo(43));
        assertThat(rows.getFirst().notTested())
                .as("CPU is tested for every demo model")
                .isZero();
        long validatedInDatabase = jdbc.sql(
                        "SELECT count(*) FROM compatibility_details WHERE validation_status = 'validated'")
                .query(Long.class)
                .single();
        assertThat(rows.stream().mapToLong(PlatformCoverage::validated).sum()).isEqualTo(validatedInDatabase);
    }
}
