package dev.compatmatrix.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through Debian's {@code chromium} and {@code chromium-driver} packages (no driver
 * download: Selenium Manager is bypassed by naming both binaries). {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}
 * override the paths.
 */
public final class Chromium {

    private static final String BROWSER = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    private static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    private Chromium() {}

    public static boolean installed() {
        return Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
    }

    /** Fails with what to install when the browser or its driver is missing (browser tests never skip silently). */
    public static void requireInstalled() {
        if (!installed()) {
            throw new IllegalStateException(
                    "The browser tests need Debian's Chromium and its driver: " + BROWSER + " and "
                            + DRIVER
                            + " (apt-get install -y chromium chromium-driver; .ci/run installs them), or set CHROMIUM_BIN "
                            + "and CHROMEDRIVER_BIN. Skip the browser tests with -DskipITs.");
        }
    }

    /** A fresh browser (own profile, no cookies) with a window of the given size in CSS pixels. */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, null);
    }

    /** As {@link #start(int, int)}, saving downloads into {@code downloads} without asking (when not null). */
    public static ChromeDriver start(int width, int height, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height);
        if (downloads != null) {
            options.setExperimentalOption(
                    "prefs",
                    java.util.Map.of(
                            "download.default_directory",
                            downloads.toAbsolutePath().toString(),
                            "download.prompt_for_download",
                            false));
        }
        // The console's messages are kept, so tests can look for Content-Security-Policy violations.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        // A driver call that gets no answer (a hung renderer) fails after a minute instead of blocking the run.
        return new ChromeDriver(
                service,
                options,
                org.openqa.selenium.remote.http.ClientConfig.defaultConfig()
                        .readTimeout(java.time.Duration.ofSeconds(60)));
    }
}
