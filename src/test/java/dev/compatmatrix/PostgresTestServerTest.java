package dev.compatmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The throwaway PostgreSQL server starts from each source of binaries, as root too (through an unprivileged user), and
 * a server that cannot start fails with its reason.
 */
class PostgresTestServerTest {

    @Test
    void server_from_maven_central_binaries_creates_a_database_and_answers_select_version() throws SQLException {
        assertThat(versionOfANewDatabase(PostgresBinaries.fromMavenCentral())).startsWith("PostgreSQL 17.");
    }

    @Test
    void maven_central_binaries_are_unpacked_once_and_then_reused() {
        assertThat(PostgresBinaries.fromMavenCentral()).isEqualTo(PostgresBinaries.fromMavenCentral());
    }

    @Test
    void server_from_debian_binaries_creates_a_database_and_answers_select_version() throws SQLException {
        var debian = PostgresBinaries.debian();
        // .ci/run installs Debian's package; elsewhere the Maven Central test above covers the server.
        assumeTrue(debian.isPresent() || "true".equals(System.getenv("CI")), "Debian's postgresql is not installed");
        assertThat(debian).as("Debian's postgresql package under CI").isPresent();
        assertThat(versionOfANewDatabase(debian.get())).startsWith("PostgreSQL ");
    }

    @Test
    void a_server_that_cannot_start_fails_with_its_reason(@TempDir Path empty) {
        assertThatThrownBy(() -> PostgresTestServer.start(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot start the test PostgreSQL server")
                .hasMessageContaining(empty.resolve("initdb").toString());
    }

    private static String versionOfANewDatabase(Path bin) throws SQLException {
        PostgresTestServer server = PostgresTestServer.start(bin);
        try (var connection = DriverManager.getConnection(
                        server.newDatabase("server_test"), PostgresTestServer.USER, PostgresTestServer.PASSWORD);
                var result = connection.createStatement().executeQuery("SELECT version()")) {
            result.next();
            return result.getString(1);
        } finally {
            server.stop();
        }
    }
}
