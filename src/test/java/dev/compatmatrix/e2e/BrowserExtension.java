package dev.compatmatrix.e2e;

import dev.compatmatrix.browser.Chromium;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the application once per run (kept in the root store, closed when the run ends), hands each test fresh
 * browsers, saves a screenshot and the page source of each when the test fails, and closes them after the test.
 */
final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
    static final Path FAILURES = Path.of("target", "browser-failures");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Chromium.requireInstalled();
        TestApp app = context.getRoot().getStore(NAMESPACE).computeIfAbsent(TestApp.class, key -> TestApp.start(),
                TestApp.class);
        Browser browser = new Browser(app, browsers(context).size() + 1);
        browsers(context).add(browser);
        return browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            failOnContentSecurityPolicyViolations(context);
            return;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                + context.getDisplayName().replaceAll("[^A-Za-z0-9._-]+", "_");
        for (Browser browser : browsers(context)) {
            browser.saveFailure(FAILURES, test);
        }
    }

    /** Every browser test also proves that the Content-Security-Policy lets the console work: nothing was refused. */
    private static void failOnContentSecurityPolicyViolations(ExtensionContext context) {
        List<String> violations = new ArrayList<>();
        for (Browser browser : browsers(context)) {
            violations.addAll(browser.cspViolations());
        }
        if (!violations.isEmpty() && !context.getTags().contains(EXPECTS_CSP_VIOLATIONS)) {
            throw new AssertionError("The browser refused content by the Content-Security-Policy: " + violations);
        }
    }

    /** A test that provokes violations on purpose (injected markup) says so with this tag. */
    static final String EXPECTS_CSP_VIOLATIONS = "expects-csp-violations";

    @Override
    public void afterEach(ExtensionContext context) {
        for (Browser browser : browsers(context)) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Browser> browsers(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent("browsers", key -> new ArrayList<Browser>(), List.class);
    }
}
