package dev.compatmatrix.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import dev.compatmatrix.WritingKaribuTest;
import dev.compatmatrix.matrix.Roles;
import dev.compatmatrix.prediction.TrainingTestSupport;
import dev.compatmatrix.security.token.ApiScope;
import dev.compatmatrix.security.ui.AccessDeniedView;
import dev.compatmatrix.security.ui.LoginView;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The role × action matrix (issue 9): every screen route and every public method of every {@code @Service} —
 * reads and writes alike, so no judgement about which methods write can leave one out — is tried by every kind of
 * caller, and what happens must match the one table below. A route or method missing from the table fails the
 * test by name, as does an entry for one that no longer exists.
 *
 * <p>Routes are navigated in browserless Vaadin with Vaadin's own view access checker; services are called
 * through their Spring proxies, so method security decides. A denial must be Spring Security's
 * {@link AccessDeniedException} (method security throws its subclass {@code AuthorizationDeniedException});
 * an allowed call is made with empty arguments (nulls, zeros) and may fail for that reason, never for access.
 */
class AccessMatrixTest extends WritingKaribuTest {

    private static final String ANONYMOUS = "anonymous";
    private static final String API_WRITE = "token results:write";
    private static final String API_READ = "token read";
    private static final String API_WATCHES = "token watches:write";
    private static final String API_FEEDBACK = "token feedback:write";
    private static final List<String> UI_CALLERS =
            List.of(ANONYMOUS, Roles.VIEWER, Roles.EDITOR, Roles.VALIDATOR, Roles.ADMIN);
    private static final List<String> SERVICE_CALLERS = Stream.concat(
                    UI_CALLERS.stream(), Stream.of(API_WRITE, API_READ, API_WATCHES, API_FEEDBACK))
            .toList();

    private static final Set<String> SIGNED_IN = Set.of(Roles.VIEWER, Roles.EDITOR, Roles.VALIDATOR, Roles.ADMIN);
    private static final Set<String> EVERYONE = Set.copyOf(SERVICE_CALLERS);
    private static final Set<String> EDITORS = Set.of(Roles.EDITOR);
    private static final Set<String> EDITORS_AND_ADMINS = Set.of(Roles.EDITOR, Roles.ADMIN);
    private static final Set<String> VALIDATORS = Set.of(Roles.VALIDATOR);
    private static final Set<String> ADMINS = Set.of(Roles.ADMIN);

    /** Services Spring Security itself calls before anyone is signed in (as in {@link AccessRulesTest}). */
    private static final Set<Class<?>> SECURITY_INFRASTRUCTURE = Set.of(ConsoleUserDetailsService.class);
    /** Sample paths for route templates with parameters. */
    private static final Map<String, String> SAMPLE_PATHS = Map.of("models/:name*", "models/bert-base-uncased");

    /** Who may: route templates ("route …") and service methods ("Service.method"), callers allowed. */
    private static final Map<String, Set<String>> EXPECTED = expected();

    private static Map<String, Set<String>> expected() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        Consumer<String> signedIn = key -> allowed.put(key, SIGNED_IN);
        // Screens
        allowed.put("route login", Set.copyOf(UI_CALLERS));
        Stream.of(
                        "",
                        "models/:name*",
                        "dashboard",
                        "history",
                        "changes",
                        "snapshots",
                        "predictions",
                        "test-next",
                        "recommendations",
                        "watching",
                        "my-reports",
                        "feeds",
                        "webhooks",
                        "account",
                        "compare")
                .map(r -> "route " + r)
                .forEach(signedIn);
        allowed.put("route queue", VALIDATORS);
        Stream.of("users", "validators", "tokens", "badges", "audit", "import", "backups")
                .forEach(r -> allowed.put("route admin/" + r, ADMINS));
        // Reading services: every signed-in role
        Stream.of(
                        "matrixPage",
                        "matrixCount",
                        "families",
                        "matrixRows",
                        "matrixPointInTime",
                        "matrixPageAsOf",
                        "matrixCountAsOf",
                        "matrixAsOfChoices",
                        "matrixPageWithPredictions",
                        "matrixRowsWithPredictions")
                .forEach(m -> signedIn.accept("CompatibilityService." + m));
        Stream.of("modelOverview", "performanceComparison", "modelPredictions", "cellAutomatedResults")
                .forEach(m -> signedIn.accept("ModelPageService." + m));
        Stream.of("comparison", "comparableModels", "comparableModelCount")
                .forEach(m -> signedIn.accept("CompareService." + m));
        Stream.of("charts", "changes", "count", "modelNames", "modelExists")
                .forEach(m -> signedIn.accept("HistoryService." + m));
        Stream.of("range", "defaultRange", "snapshots", "families", "summary", "page", "writeFile")
                .forEach(m -> signedIn.accept("ChangesService." + m));
        Stream.of("adoptedRun", "testNextPage", "testNextCount", "writeTestNextCsv")
                .forEach(m -> signedIn.accept("TestNextService." + m));
        Stream.of("predictionsOf", "shownPage", "shownCount")
                .forEach(m -> signedIn.accept("PredictionLookupService." + m));
        Stream.of("filterOptions", "page", "count", "platformTally")
                .forEach(m -> signedIn.accept("RecommendationService." + m));
        Stream.of(
                        "DashboardService.snapshot",
                        "DashboardService.families",
                        "ExportService.export",
                        "ExportService.exportAsOf",
                        "ExportService.exportWithPredictions",
                        "ExportService.fileName",
                        "CatalogService.find",
                        "ClaimService.find",
                        "ValidationService.trail",
                        "ValidationService.disputes",
                        "ValidationService.objections",
                        "QuickSearchService.quickSearch")
                .forEach(signedIn);
        // Webhooks: every signed-in user manages their own (the service narrows to the owner; admins all)
        Stream.of("register", "list", "delete", "sendTest", "log").forEach(m -> signedIn.accept("WebhookService." + m));
        // Badges: signed-in users always; anyone else once an admin makes them public (private here, the default).
        allowed.put("BadgeService.badge", SIGNED_IN);
        allowed.put("BadgeService.badgesPublic", EVERYONE);
        allowed.put("BadgeService.setBadgesPublic", ADMINS);
        // Feeds: signed-in users with their session; anyone holding a user's private feed secret (the service checks
        // it).
        Stream.of("modelFeed", "platformFeed", "watchingFeed").forEach(m -> signedIn.accept("FeedService." + m));
        Stream.of("privateWatchingFeed", "privateModelFeed", "privatePlatformFeed")
                .forEach(m -> allowed.put("FeedService." + m, EVERYONE));
        Stream.of("current", "replace").forEach(m -> signedIn.accept("FeedSecretService." + m));
        // Colour theme (issue 23): every signed-in user reads and saves their own.
        Stream.of("myTheme", "saveMyTheme").forEach(m -> signedIn.accept("ThemeService." + m));
        // Your account: every signed-in person, on their own account only.
        Stream.of("myAccount", "changeMyPassword", "signOutMyOtherSessions")
                .forEach(m -> signedIn.accept("AccountService." + m));
        // Predictions: everyone signed in follows the trainings and reads the evaluation; admins start one.
        Stream.of("progress", "runs", "latestEvaluation")
                .forEach(m -> signedIn.accept("PredictionTrainingService." + m));
        allowed.put("PredictionTrainingService.trainNow", ADMINS);
        // Writing
        Stream.of("create", "update", "remove").forEach(m -> allowed.put("ClaimService." + m, EDITORS));
        Stream.of("create", "update").forEach(m -> allowed.put("CatalogService." + m, EDITORS_AND_ADMINS));
        allowed.put("CatalogService.delete", ADMINS);
        // Named snapshots: everyone signed in lists them, editors and admins mark one, admins delete one.
        signedIn.accept("SnapshotService.list");
        allowed.put("SnapshotService.mark", EDITORS_AND_ADMINS);
        allowed.put("SnapshotService.delete", ADMINS);
        Stream.of(
                        "approve",
                        "reject",
                        "approveAll",
                        "queuePage",
                        "queueCount",
                        "myLevel",
                        "keepClaim",
                        "takeAutomatedLevel",
                        "stillQueued")
                .forEach(m -> allowed.put("ValidationService." + m, VALIDATORS));
        allowed.put("ClaimService.takeLevel", VALIDATORS); // only ValidationService calls it, to resolve a dispute
        allowed.put("IngestService.ingest", Set.of(API_WRITE));
        // Watching: each signed-in person their own watches; an API token changes its own with watches:write.
        Stream.of("myWatches", "isWatching", "newestChanges", "sinceLastVisit")
                .forEach(m -> signedIn.accept("WatchService." + m));
        Set<String> watchers = new java.util.HashSet<>(SIGNED_IN);
        watchers.add(API_WATCHES);
        Stream.of("watch", "unwatch", "unwatchById")
                .forEach(m -> allowed.put("WatchService." + m, Set.copyOf(watchers)));
        // Feedback (issue 22): every signed-in person reports (a token with feedback:write too); editors and
        // validators triage.
        Set<String> reporters = new java.util.HashSet<>(SIGNED_IN);
        reporters.add(API_FEEDBACK);
        Stream.of("report", "myOpenReport").forEach(m -> allowed.put("FeedbackService." + m, Set.copyOf(reporters)));
        Stream.of("myReports", "modelReports").forEach(m -> signedIn.accept("FeedbackService." + m));
        signedIn.accept("ReportListService.listReports");
        Stream.of("decline", "markDuplicate")
                .forEach(m -> allowed.put("FeedbackService." + m, Set.of(Roles.EDITOR, Roles.VALIDATOR)));
        // Accepting a report saves the claim from it: editors and validators (issue 22).
        allowed.put("ClaimService.saveFromReport", Set.of(Roles.EDITOR, Roles.VALIDATOR));
        // Administration
        Stream.of(
                        "UserAdminService.list",
                        "UserAdminService.validators",
                        "UserAdminService.create",
                        "UserAdminService.update",
                        "UserAdminService.save",
                        "UserAdminService.resetPassword",
                        "ValidatorAdminService.list",
                        "ValidatorAdminService.create",
                        "ValidatorAdminService.update",
                        "ApiTokenService.create",
                        "ApiTokenService.revoke",
                        "ApiTokenService.list",
                        "ApiTokenService.automatedValidators",
                        "ImportService.preview",
                        "ImportService.apply",
                        "AuditService.page",
                        "AuditService.count",
                        "AuditService.filterOptions",
                        "BackupService.backupNow",
                        "BackupService.list",
                        "BackupService.download",
                        "BackupService.ownTools")
                .forEach(key -> allowed.put(key, ADMINS));
        return allowed;
    }

    private enum Outcome {
        ALLOWED,
        DENIED
    }

    @Test
    void every_route_and_every_service_method_allows_exactly_the_callers_the_table_names() {
        Map<String, Map<String, Outcome>> observed = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            String template = route.getTemplate();
            String path = SAMPLE_PATHS.getOrDefault(template, template);
            if (path.contains(":")) {
                problems.add("route " + template + " has parameters: add a sample path to SAMPLE_PATHS");
                continue;
            }
            for (String caller : UI_CALLERS) {
                actAs(caller);
                observed.computeIfAbsent("route " + template, k -> new LinkedHashMap<>())
                        .put(caller, navigate(path, route.getNavigationTarget(), problems, caller));
            }
        }
        for (Class<?> service : services()) {
            Object bean = context.getBean(service);
            for (Method method : publicMethods(service, problems)) {
                for (String caller : SERVICE_CALLERS) {
                    actAs(caller);
                    observed.computeIfAbsent(
                                    service.getSimpleName() + "." + method.getName(), k -> new LinkedHashMap<>())
                            .put(caller, call(bean, method, problems, caller));
                }
            }
        }
        logout();
        // The admin's trainNow() started a training in the background: it ends here, not in a later test.
        TrainingTestSupport.awaitNoneRunning(context.getBean(JdbcClient.class));

        for (var entry : observed.entrySet()) {
            Set<String> expected = EXPECTED.get(entry.getKey());
            if (expected == null) {
                problems.add(entry.getKey() + " has no entry in AccessMatrixTest's table: decide who may use it; it is "
                        + "allowed now for " + allowed(entry.getValue()));
                continue;
            }
            entry.getValue().forEach((caller, outcome) -> {
                if ((outcome == Outcome.ALLOWED) != expected.contains(caller)) {
                    problems.add(entry.getKey() + " is " + outcome + " for " + caller + " but the table says "
                            + (expected.contains(caller) ? "allowed" : "denied"));
                }
            });
        }
        EXPECTED.keySet().stream()
                .filter(key -> !observed.containsKey(key))
                .forEach(key -> problems.add(key + " is in the table but no such route or service method exists"));

        print(observed);
        assertThat(problems).as("access matrix").isEmpty();
    }

    private Outcome navigate(String path, Class<? extends Component> target, List<String> problems, String caller) {
        try {
            UI.getCurrent().navigate(path);
        } catch (MockAccessDeniedException e) {
            return Outcome.DENIED;
        }
        if (!_find(target).isEmpty()) {
            return Outcome.ALLOWED;
        }
        if (!_find(AccessDeniedView.class).isEmpty() || !_find(LoginView.class).isEmpty()) {
            return Outcome.DENIED;
        }
        problems.add(
                "route /" + path + " for " + caller + " showed neither its view nor the login or access denied view");
        return Outcome.DENIED;
    }

    private static Outcome call(Object bean, Method method, List<String> problems, String caller) {
        Object[] arguments = Arrays.stream(method.getParameterTypes())
                .map(AccessMatrixTest::empty)
                .toArray();
        try {
            method.invoke(bean, arguments);
            return Outcome.ALLOWED;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AccessDeniedException) {
                return Outcome.DENIED;
            }
            if (cause instanceof org.springframework.security.core.AuthenticationException) {
                problems.add(method.getDeclaringClass().getSimpleName() + "." + method.getName() + " refused " + caller
                        + " with " + cause + " instead of an AccessDeniedException");
                return Outcome.DENIED;
            }
            return Outcome.ALLOWED; // past the access check; the empty arguments made it fail
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object empty(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return type.isPrimitive() ? (Object) 0 : null;
    }

    private void actAs(String caller) {
        logout();
        switch (caller) {
            case ANONYMOUS ->
                SecurityContextHolder.getContext()
                        .setAuthentication(new AnonymousAuthenticationToken(
                                "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            case API_WRITE, API_READ, API_WATCHES, API_FEEDBACK ->
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                "api:matrix-test",
                                null,
                                AuthorityUtils.createAuthorityList((switch (caller) {
                                            case API_WRITE -> ApiScope.RESULTS_WRITE;
                                            case API_READ -> ApiScope.READ;
                                            case API_FEEDBACK -> ApiScope.FEEDBACK_WRITE;
                                            default -> ApiScope.WATCHES_WRITE;
                                        })
                                        .authority())));
            default -> login(caller.toLowerCase(java.util.Locale.ROOT), caller);
        }
    }

    private static List<Class<?>> services() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        return scanner.findCandidateComponents("dev.compatmatrix").stream()
                .<Class<?>>map(bean -> {
                    try {
                        return Class.forName(bean.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(c -> !SECURITY_INFRASTRUCTURE.contains(c))
                .sorted(Comparator.comparing((Class<?> c) -> c.getSimpleName()))
                .toList();
    }

    private static List<Method> publicMethods(Class<?> service, List<String> problems) {
        List<Method> methods = Arrays.stream(service.getDeclaredMethods())
                .filter(m ->
                        Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        Set<String> names = new LinkedHashSet<>();
        methods.stream()
                .filter(m -> !names.add(m.getName()))
                .forEach(m -> problems.add(service.getSimpleName() + "." + m.getName()
                        + " is overloaded: the table names methods by name, so give each its own name"));
        return methods;
    }

    private static String allowed(Map<String, Outcome> outcomes) {
        return outcomes.entrySet().stream()
                .filter(e -> e.getValue() == Outcome.ALLOWED)
                .map(Map.Entry::getKey)
                .toList()
                .toString();
    }

    private static void print(Map<String, Map<String, Outcome>> observed) {
        long routes =
                observed.keySet().stream().filter(k -> k.startsWith("route ")).count();
        long methods = observed.size() - routes;
        Map<Outcome, Long> outcomes = observed.values().stream()
                .flatMap(m -> m.values().stream())
                .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder(String.format(
                java.util.Locale.ROOT,
                "Access matrix: %d routes × %d callers + %d service methods × %d callers = %d checks; %s%n",
                routes,
                UI_CALLERS.size(),
                methods,
                SERVICE_CALLERS.size(),
                routes * UI_CALLERS.size() + methods * SERVICE_CALLERS.size(),
                outcomes));
        out.append(String.format("  %-42s %s%n", "", String.join(" | ", SERVICE_CALLERS)));
        observed.forEach((key, byCaller) -> out.append(String.format(
                "  %-42s %s%n",
                key,
                SERVICE_CALLERS.stream()
                        .map(c -> byCaller.containsKey(c) ? (byCaller.get(c) == Outcome.ALLOWED ? "yes" : "-") : " ")
                        .collect(Collectors.joining(" ")))));
        System.out.print(out);
    }
}
