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
 * Starts the application once per run (kept in the root store, closed when the run ends), hands each test browsers
 * as new (a browser a passed test used is renewed and handed to the next test: see {@link Browser#renew}), saves a
 * screenshot and the page source of each when the test fails, and then closes them.
 */
final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    static final Path FAILURES = Path.of("target", "browser-failures");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Chromium.requireInstalled();
        TestApp app = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(TestApp.class, key -> TestApp.start(), TestApp.class);
        Browser browser = renewedOrNew(app, idle(context), browsers(context).size() + 1);
        browsers(context).add(browser);
        return browser;
    }

    private static Browser renewedOrNew(TestApp app, IdleBrowsers idle, int number) {
        for (Browser used = idle.take(); used != null; used = idle.take()) {
            try {
                used.renew(number);
                return used;
            } catch (RuntimeException e) {
                System.err.println("A used browser could not be renewed (" + e + "); starting another");
                used.close();
            }
        }
        return new Browser(app, number);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            failOnContentSecurityPolicyViolations(context);
            return;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName()
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
            if (context.getExecutionException().isEmpty()) {
                idle(context).put(browser);
            } else {
                browser.close();
            }
        }
    }

    private static IdleBrowsers idle(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(IdleBrowsers.class, key -> new IdleBrowsers(), IdleBrowsers.class);
    }

    /** Browsers that passed tests left, for the next tests; closed when the run ends. */
    private static final class IdleBrowsers implements AutoCloseable {

        private final java.util.Deque<Browser> browsers = new java.util.ArrayDeque<>();

        /** An idle browser, or null. */
        synchronized Browser take() {
            return browsers.poll();
        }

        synchronized void put(Browser browser) {
            browsers.push(browser);
        }

        @Override
        public synchronized void close() {
            browsers.forEach(Browser::close);
            browsers.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Browser> browsers(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent("browsers", key -> new ArrayList<Browser>(), List.class);
    }
}
