package dev.compatmatrix.base.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's {@link CommitSignal}: {@code pg_notify} in the writer's transaction, which the server delivers to every
 * listening session at commit (never for a rollback), and one listening connection per node, outside the pool, read
 * by one thread. Chosen over polling a change version by measurement (BENCHMARKS.md, "Live updates"): node B knew of
 * node A's commit after 3.5 ms p50 / 12.7 ms p95 (its events read), against 50 / 95 ms polling every 100 ms, and a
 * listener runs no query while nothing changes. After a lost connection the listeners get
 * {@link CommitSignal#ANYTHING}, as signals may have been missed meanwhile.
 */
@Component
@ConditionalOnDatabase(DatabaseKind.POSTGRESQL)
class PostgresCommitSignal implements CommitSignal, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresCommitSignal.class);
    static final String CHANNEL = "compat_matrix_changes";
    private static final int WAIT_MS = 500;

    private final JdbcClient jdbc;
    private final DatabaseProperties props;
    private final CommitSignalListeners listeners = new CommitSignalListeners();
    private final Thread listening;
    private volatile boolean closed;

    PostgresCommitSignal(JdbcClient jdbc, DatabaseProperties props) {
        this.jdbc = jdbc;
        this.props = props;
        this.listening = Thread.ofPlatform().name("commit-signal").daemon(true).start(this::listenUntilClosed);
    }

    @Override
    public void send(long value) {
        jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :value)")
                .param("value", Long.toString(value))
                .query()
                .singleRow();
    }

    @Override
    public Subscription listen(LongConsumer listener) {
        return listeners.add(listener);
    }

    private void listenUntilClosed() {
        boolean connectedBefore = false;
        while (!closed) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (connectedBefore) {
                    listeners.deliver(ANYTHING);
                }
                connectedBefore = true;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            listeners.deliver(Long.parseLong(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    log.warn("Listening for changes failed; reconnecting in 1 s: {}", e.toString());
                    sleep(1_000);
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties options = new Properties();
        options.setProperty("user", props.username());
        options.setProperty("password", props.password());
        options.setProperty("ApplicationName", "compat-matrix-console listener");
        return DriverManager.getConnection(props.url(), options);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        listening.interrupt();
    }
}
