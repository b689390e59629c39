package dev.compatmatrix;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.compatmatrix.base.audit.AuditLog;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries of README's Architecture section, checked on the production classes: features → kernel
 * ({@code matrix}) → {@code base}; no cycles between top-level packages; no UI in APIs, services or data
 * access; SQL only in repository, query and store classes.
 */
@AnalyzeClasses(
        packages = "dev.compatmatrix",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    private static final String APP = "dev.compatmatrix..";
    private static final String BASE = "dev.compatmatrix.base..";
    private static final String KERNEL = "dev.compatmatrix.matrix..";
    private static final String[] FEATURES = {
        "dev.compatmatrix.admin..",
        "dev.compatmatrix.badge..",
        "dev.compatmatrix.catalog..",
        "dev.compatmatrix.compare..",
        "dev.compatmatrix.compatibility..",
        "dev.compatmatrix.dashboard..",
        "dev.compatmatrix.demo..",
        "dev.compatmatrix.feed..",
        "dev.compatmatrix.feedback..",
        "dev.compatmatrix.history..",
        "dev.compatmatrix.ingest..",
        "dev.compatmatrix.modelpage..",
        "dev.compatmatrix.prediction..",
        "dev.compatmatrix.recommendation..",
        "dev.compatmatrix.search..",
        "dev.compatmatrix.security..",
        "dev.compatmatrix.timetravel..",
        "dev.compatmatrix.validation..",
        "dev.compatmatrix.watch..",
        "dev.compatmatrix.webhook.."
    };
    private static final DescribedPredicate<JavaClass> JDBC = resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.duckdb..")
            .as("are JDBC (java.sql, javax.sql, Spring JDBC, DuckDB's driver)");

    @ArchTest
    static final ArchRule base_depends_on_no_other_application_package = noClasses()
            .that()
            .resideInAPackage(BASE)
            .should()
            .dependOnClassesThat(resideInAPackage(APP).and(not(resideInAPackage(BASE))));

    @ArchTest
    static final ArchRule the_kernel_depends_only_on_base = noClasses()
            .that()
            .resideInAPackage(KERNEL)
            .should()
            .dependOnClassesThat(resideInAPackage(APP).and(not(resideInAnyPackage(KERNEL, BASE))));

    @ArchTest
    static final ArchRule features_depend_on_the_kernel_base_and_other_features_only = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .should()
            .dependOnClassesThat(resideInAPackage(APP)
                    .and(not(resideInAnyPackage(KERNEL, BASE)))
                    .and(not(resideInAnyPackage(FEATURES))));

    /** A new top-level package must be placed in the layering above (and README's list) before it is used. */
    @ArchTest
    static final ArchRule every_package_is_base_the_kernel_or_a_named_feature = classes()
            .that()
            .resideInAPackage(APP)
            .and()
            .doNotHaveFullyQualifiedName(Application.class.getName())
            .should()
            .resideInAnyPackage(
                    Stream.concat(Stream.of(FEATURES), Stream.of(KERNEL, BASE)).toArray(String[]::new));

    @ArchTest
    static final ArchRule top_level_packages_have_no_cycles = slices().matching("dev.compatmatrix.(*)..")
            .namingSlices("$1")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule apis_services_and_data_access_use_no_ui_classes = noClasses()
            .that()
            .resideInAnyPackage("..api..", "..query..", "..repository..", "..store..")
            .or()
            .areAnnotatedWith(Service.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Controller.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.compatmatrix..ui..", "com.vaadin..");

    /**
     * JDBC (Spring's JdbcClient and templates, DataSource, Connection, Statement, DuckDB's driver) only in data
     * access classes. The one exception: {@link AuditLog}, base's appender of the audit row every write adds in
     * its transaction; a @Repository that every writing feature imports from where it is.
     */
    @ArchTest
    static final ArchRule sql_only_in_repository_query_and_store_classes = noClasses()
            .that()
            .resideOutsideOfPackages("..repository..", "..query..", "..store..", "dev.compatmatrix.base.db..")
            .and()
            .doNotBelongToAnyOf(AuditLog.class)
            .should()
            .dependOnClassesThat(JDBC);

    /**
     * The two databases differ only in the database layer: DuckDB's and PostgreSQL's drivers, and the choice between
     * them ({@code DatabaseKind}, {@code @ConditionalOnDatabase}), are used by base.db and the matrix writer's store
     * alone — never by a feature, which writes one SQL text for both or asks a base.db interface for the difference.
     */
    @ArchTest
    static final ArchRule only_the_database_layer_knows_which_database_runs = noClasses()
            .that()
            .resideOutsideOfPackages("dev.compatmatrix.base.db..", "dev.compatmatrix.matrix.store..")
            .should()
            .dependOnClassesThat(resideInAnyPackage("org.duckdb..", "org.postgresql..")
                    .or(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "the database kind",
                            c -> c.getName().equals("dev.compatmatrix.base.db.DatabaseKind")
                                    || c.getName().equals("dev.compatmatrix.base.db.ConditionalOnDatabase"))));
}
