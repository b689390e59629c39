package dev.compatmatrix.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP receiver for webhook tests: records every request and answers with the status codes it was told,
 * 200 once they run out; {@link #HANG} holds the request without an answer until {@link #close()} or {@link
 * #stopHanging()}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** An "answer" that never comes. */
    public static final int HANG = -1;

    /** One request as it arrived, with the status it was answered (HANG: none). */
    public record Received(String eventId, String signature, String timestamp, String body, int answered) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopHanging = new CountDownLatch(1);
    private volatile int otherwise = 200;

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer next = answers.poll();
            int status = next == null ? otherwise : next;
            var headers = exchange.getRequestHeaders();
            received.add(new Received(
                    headers.getFirst("X-Compat-Event-Id"),
                    headers.getFirst("X-Compat-Signature"),
                    headers.getFirst("X-Compat-Timestamp"),
                    body,
                    status));
            if (status == HANG) {
                try {
                    stopHanging.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver(0);
    }

    /** A receiver on a given port (a restarted one, at the address a webhook was registered with). */
    public static WebhookReceiver onPort(int port) {
        return new WebhookReceiver(port);
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next requests are answered with these statuses, in order. */
    public void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    /** Every request from now on is answered with this status (or HANG). */
    public void answerAlways(int status) {
        otherwise = status;
    }

    public void stopHanging() {
        stopHanging.countDown();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        stopHanging.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
