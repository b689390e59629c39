package dev.compatmatrix.benchmark;

import dev.compatmatrix.SecurityContextStrategyReset;
import dev.compatmatrix.TestUsers;
import dev.compatmatrix.demo.SyntheticDataSet;
import dev.compatmatrix.demo.SyntheticDatabaseGenerator;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.search.QuickSearchResults;
import dev.compatmatrix.search.QuickSearchService;
import dev.compatmatrix.search.query.QuickSearchQuery;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 23 (BENCHMARKS.md "Quick search"): what one keystroke of the quick search costs at 100,000 models — the
 * service call (models and families, ranked; platforms in Java) for texts a person types, beside the same two
 * statements over raw JDBC. Target: p95 ≤ 100 ms.
 *
 * <pre>./mvnw -B -q -Pbenchmark test-compile exec:exec@benchmark -Dbenchmark=quick-search</pre>
 */
public final class QuickSearchBenchmark {

    private static final Bench.Target KEYSTROKE = new Bench.Target(100, null);

    public static void main(String[] args) throws Exception {
        SyntheticDatabaseGenerator.quietLogging();
        int models = Bench.intArg(args, 0, SyntheticDatabaseGenerator.DEFAULT_MODELS);
        int iterations = Bench.intArg(args, 1, 200);
        int warmup = Bench.intArg(args, 2, 50);

        List<BenchDatabase> databases = new ArrayList<>();
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        List<DataSource> pools = new ArrayList<>();
        List<List<Bench.Case>> cases = new ArrayList<>();
        try {
            for (BenchDatabase catalogue : BenchDatabase.catalogues(models)) {
                BenchDatabase scratch = catalogue.scratchCopy("quick-search");
                ConfigurableApplicationContext app = BenchmarkApp.start(scratch);
                apps.add(app);
                databases.add(scratch);
                DataSource pool = app.getBean(DataSource.class);
                pools.add(pool);
                Bench.describe(JdbcClient.create(pool), scratch, List.of("models"));
                cases.add(new QuickSearchBenchmark(app).cases());
            }
            Bench.runSideBySide(databases, pools, cases, iterations, warmup);
        } finally {
            apps.forEach(ConfigurableApplicationContext::close);
        }
    }

    private final ConfigurableApplicationContext app;
    private final QuickSearchService service;
    private final DataSource dataSource;
    private final List<String> names;

    private QuickSearchBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.service = app.getBean(QuickSearchService.class);
        this.dataSource = app.getBean(DataSource.class);
        this.names = Bench.sampleNames(app.getBean(JdbcClient.class), 64);
    }

    private List<Bench.Case> cases() {
        List<Bench.Case> cases = new ArrayList<>();
        // What a person types, each case over texts taken from 64 names spread over the catalogue.
        cases.add(keystroke(
                "two letters (start of a family: thousands match)",
                names.stream().map(n -> family(n).substring(0, 2)).toList()));
        cases.add(keystroke(
                "a family's name",
                names.stream().map(QuickSearchBenchmark::family).toList()));
        cases.add(keystroke(
                "four digits from inside a name",
                names.stream()
                        .map(n -> n.substring(n.length() - 5, n.length() - 1))
                        .toList()));
        cases.add(keystroke("a whole model name", names));
        cases.add(keystroke(
                "a model name in upper case, last letter missing",
                names.stream()
                        .map(n -> n.substring(0, n.length() - 1).toUpperCase(java.util.Locale.ROOT))
                        .toList()));
        cases.add(keystroke("nothing matches", List.of("zzqx", "no-such-model", "%_%", "x'y")));
        return cases;
    }

    private Bench.Case keystroke(String name, List<String> texts) {
        Supplier<String> text = Bench.pairedTurns(texts);
        return new Bench.Case(
                "quick search: " + name,
                KEYSTROKE,
                List.of(new Bench.Sql(QuickSearchQuery.MODELS_SQL, QuickSearchQuery.parameters(texts.getFirst(), 6))),
                () -> found(asViewer().quickSearch(text.get())),
                () -> raw(text.get()));
    }

    /**
     * The service, called as a signed-in viewer of this application: each application context installs its own
     * security strategy, and the last one started would otherwise hide the sign-in from the others.
     */
    private QuickSearchService asViewer() {
        SecurityContextStrategyReset.useStrategyOf(app);
        TestUsers.signIn("benchmark-viewer", Roles.VIEWER);
        return service;
    }

    /** Models and families found (platforms are matched in Java, not read). */
    private static int found(QuickSearchResults results) {
        return results.models().size() + results.families().size();
    }

    private int raw(String text) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return RawJdbc.query(c, QuickSearchQuery.modelsSql(text), QuickSearchQuery.parameters(text, 6))
                            .size()
                    + RawJdbc.query(c, QuickSearchQuery.familiesSql(text), QuickSearchQuery.parameters(text, 2))
                            .size();
        }
    }

    /** "synthetic-bert-000123" → "bert". */
    private static String family(String modelName) {
        return modelName.substring(SyntheticDataSet.NAME_PREFIX.length(), modelName.lastIndexOf('-'));
    }
}
