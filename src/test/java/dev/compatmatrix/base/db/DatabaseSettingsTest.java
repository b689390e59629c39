package dev.compatmatrix.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compatmatrix.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every pooled connection runs with the configured DuckDB limits, no extension auto-loading, no caching operators, and UTC. */
class DatabaseSettingsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void all_pooled_connections_use_the_configured_threads_memory_limit_and_utc() throws SQLException {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) { // the whole pool at once, so each connection is checked
                open.add(dataSource.getConnection());
            }
            for (Connection connection : open) {
                try (var statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("""
                             SELECT current_setting('threads'), current_setting('memory_limit'),
                                    current_setting('autoinstall_known_extensions'),
                                    current_setting('autoload_known_extensions'), current_setting('TimeZone'),
                                    current_setting('enable_caching_operators')""")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                    assertThat(rs.getString(2)).matches("(1\\.0 GiB|953\\.\\d MiB|1000\\.0 MiB|1\\.0 GB)");
                    assertThat(rs.getBoolean(3)).isFalse();
                    assertThat(rs.getBoolean(4)).isFalse();
                    assertThat(rs.getString(5)).isEqualTo("UTC");
                    assertThat(rs.getBoolean(6))
                            .as("caching operators, off for DuckDB 2.0.0's fatal error")
                            .isFalse();
                }
            }
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
    }
}
