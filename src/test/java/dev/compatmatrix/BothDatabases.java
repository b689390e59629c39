package dev.compatmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Two applications that load the same demo data and read at the same stopped instant, one on a new DuckDB file and
 * one on a new database of this JVM's throwaway PostgreSQL server, so a test can ask both the same question.
 */
public final class BothDatabases implements AutoCloseable {

    private final ConfigurableApplicationContext duckDb;
    private final ConfigurableApplicationContext postgres;

    private BothDatabases(ConfigurableApplicationContext duckDb, ConfigurableApplicationContext postgres) {
        this.duckDb = duckDb;
        this.postgres = postgres;
    }

    public static BothDatabases start(String name) {
        Path file = TestDatabases.newFile(name);
        ConfigurableApplicationContext duckDb =
                start("--compat.db.path=" + file, "--compat.backup.dir=" + file.resolveSibling("backups"));
        try {
            String url = PostgresTestServer.shared().newDatabase(name.replace('-', '_'));
            return new BothDatabases(
                    duckDb,
                    start(
                            "--compat.db.url=" + url,
                            "--compat.db.username=" + PostgresTestServer.USER,
                            "--compat.db.password=" + PostgresTestServer.PASSWORD,
                            "--compat.backup.dir=" + file.resolveSibling("pg-backups")));
        } catch (RuntimeException e) {
            duckDb.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server.port=0", "--compat.demo.enabled=true"));
        // Command-line arguments: they win over application.properties (builder properties would not).
        return new SpringApplicationBuilder(Application.class, StoppedClock.class).run(all.toArray(String[]::new));
    }

    /** Both applications read at the same instant: "now" decides stale marks, ages and the queue's age filter. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClock {
        @Bean
        @Primary
        Clock stoppedClock() {
            return Clock.fixed(TestClock.START, ZoneOffset.UTC);
        }
    }

    /** The DuckDB application's bean, e.g. to choose what to ask. */
    public <T> T onDuckDb(Class<T> bean) {
        return duckDb.getBean(bean);
    }

    /** Asks both applications' bean the same; the answers must be equal and not empty. */
    public <T> void assertSame(Class<T> bean, Function<T, Object> ask) {
        Object onDuckDb = ask.apply(duckDb.getBean(bean));
        Object onPostgres = ask.apply(postgres.getBean(bean));
        assertThat(String.valueOf(onDuckDb)).isNotEqualTo("[]");
        assertThat(onPostgres).as(bean.getSimpleName()).isEqualTo(onDuckDb);
    }

    @Override
    public void close() {
        duckDb.close();
        postgres.close();
    }
}
