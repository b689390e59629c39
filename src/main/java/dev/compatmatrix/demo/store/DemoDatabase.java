package dev.compatmatrix.demo.store;

import dev.compatmatrix.demo.GeneratedModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** The demo loader's access to the database: whether it holds models, and bulk loading on the caller's transaction. */
@Repository
public class DemoDatabase {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public DemoDatabase(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    public boolean hasModels() {
        return jdbc.sql("SELECT count(*) FROM models").query(Long.class).single() > 0;
    }

    /** Appends the models on the connection of the transaction in progress (the caller commits). */
    public void load(Iterable<GeneratedModel> models, LocalDateTime lastUpdated) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (BulkLoader loader = new BulkLoader(connection)) {
            for (GeneratedModel model : models) {
                loader.write(model, lastUpdated);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the demo data failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
