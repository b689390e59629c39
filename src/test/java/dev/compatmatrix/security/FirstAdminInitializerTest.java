package dev.compatmatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compatmatrix.base.db.DatabaseConfig;
import dev.compatmatrix.base.db.DatabaseKind;
import dev.compatmatrix.base.db.DatabaseProperties;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.security.repository.UserRepository;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Outside demo mode the only way in is the first admin from the environment. */
class FirstAdminInitializerTest {

    @TempDir
    Path folder;

    SingleConnectionDataSource dataSource;
    UserRepository users;

    @BeforeEach
    void emptyDatabase() {
        dataSource = new SingleConnectionDataSource(
                DatabaseConfig.jdbcUrl(folder.resolve("db.duckdb").toString()), true);
        dataSource.setConnectionProperties(
                DatabaseConfig.connectionOptions(new DatabaseProperties(null, 1, "256MB", 1)));
        Flyway.configure()
                .dataSource(dataSource)
                .locations(DatabaseKind.DUCKDB.migrationLocations())
                .load()
                .migrate();
        users = new UserRepository(JdbcClient.create(dataSource), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void without_configuration_no_user_is_created() {
        initializer("", "", false).run(null);
        assertThat(users.count()).isZero();
    }

    @Test
    void the_configured_admin_is_created_once_with_a_bcrypt_hash() {
        initializer("ops", "a-long-secret-phrase", false).run(null);
        var admin = users.findByUsername("ops").orElseThrow();
        assertThat(admin.roles()).containsExactly(Roles.ADMIN);
        assertThat(admin.passwordHash()).startsWith("{bcrypt}$2").doesNotContain("a-long-secret-phrase");
        initializer("other", "another-long-secret", false).run(null);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void a_weak_password_is_refused_and_nothing_is_created() {
        assertThatThrownBy(() -> initializer("ops", "short", false).run(null))
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> initializer("operations-admin", "OPERATIONS-ADMIN", false)
                        .run(null))
                .hasMessageContaining("not be the user name");
        assertThat(users.count()).isZero();
    }

    @Test
    void demo_mode_creates_no_configured_admin() {
        initializer("ops", "a-long-secret-phrase", true).run(null);
        assertThat(users.count()).isZero();
    }

    private FirstAdminInitializer initializer(String username, String password, boolean demo) {
        return new FirstAdminInitializer(
                users, PasswordEncoderFactories.createDelegatingPasswordEncoder(), username, password, demo);
    }
}
