package dev.compatmatrix.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The application running in its own JVM on a free port — the production jar as an operator starts it, or its main
 * class from a classpath — closed by destroying the process (SIGTERM, a graceful shutdown). Its output goes to a
 * log file, and it runs in the log file's folder.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final long startedAtNanos;
    private long readyAtNanos;

    private AppProcess(Process process, int port, long startedAtNanos) {
        this.process = process;
        this.port = port;
        this.startedAtNanos = startedAtNanos;
    }

    /** Starts {@code java -jar jar} with the environment given (plus PORT) and waits until it is ready. */
    public static AppProcess start(Path jar, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        return launch(List.of("-jar", jar.toAbsolutePath().toString()), environment, log, timeout);
    }

    /** Starts {@code java -cp classpath mainClass} with the environment given (plus PORT) and waits until it is ready. */
    public static AppProcess start(
            String classpath, String mainClass, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        return launch(List.of("-cp", classpath, mainClass), environment, log, timeout);
    }

    /** Starts {@code java <arguments>} (JVM options, then {@code -jar …} or {@code -cp … mainClass}) and waits until it is ready. */
    public static AppProcess start(List<String> arguments, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        return launch(arguments, environment, log, timeout);
    }

    private static AppProcess launch(List<String> what, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(what);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(log.toAbsolutePath().getParent().toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        long started = System.nanoTime();
        AppProcess app = new AppProcess(builder.start(), port, started);
        app.awaitReady(timeout, log);
        return app;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** From process start until the readiness probe answered UP. */
    public Duration startUpTime() {
        return Duration.ofNanos(readyAtNanos - startedAtNanos);
    }

    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    readyAtNanos = System.nanoTime();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException("The application was not ready within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Kills the process without any chance to clean up — {@link Process#destroyForcibly()}, which on Linux and macOS
     * sends SIGKILL, as {@code kill -9} does — and waits until it is gone. No shutdown hook, no checkpoint.
     *
     * @return the exit value: 137 (128 + 9) for a process that SIGKILL ended
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
