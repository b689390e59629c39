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

    private Chromium() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
    }

    /** A fresh browser (own profile, no cookies) with a window of the given size in CSS pixels. */
    public static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
