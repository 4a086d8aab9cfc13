package cz.spojka.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook subscriber as an agency would run one: a real HTTP server (the JDK's) that checks each delivery's
 * signature itself (HMAC-SHA256 of the body with the shared secret, compared in constant time) and records what it
 * received. It can be told to fail the next requests, or every request, with a status of choice, and to answer slowly.
 */
final class WebhookSubscriber implements AutoCloseable {

    /** One request the subscriber received. */
    record Received(
            long atNanos, String contentType, boolean signatureValid, int attempt, boolean accepted, JsonNode event) {

        String id() {
            return event.get("id").asText();
        }

        String type() {
            return event.get("type").asText();
        }

        String subject() {
            return event.get("subject").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private volatile boolean down;
    private volatile long delayMillis;

    WebhookSubscriber(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code count} requests are answered with {@code status}. */
    void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** Every request is answered with {@code status} until {@link #up}. */
    void down(int status) {
        failureStatus = status;
        down = true;
    }

    void up() {
        down = false;
    }

    /** Each answer is sent only after this long. */
    void answerAfter(long millis) {
        delayMillis = millis;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered 2xx, which the hub counts as delivered. */
    synchronized List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-Spojka-Signature");
        boolean valid = signature != null
                && MessageDigest.isEqual(signature.getBytes(UTF_8), ("sha256=" + hmac(body)).getBytes(UTF_8));
        boolean fail = down || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        sleep();
        Received request = new Received(
                System.nanoTime(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                valid,
                Integer.parseInt(exchange.getRequestHeaders().getFirst("X-Spojka-Delivery-Attempt")),
                !fail,
                JSON.readTree(body));
        synchronized (this) {
            received.add(request);
        }
        exchange.sendResponseHeaders(fail ? failureStatus : 204, -1);
        exchange.close();
    }

    private void sleep() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
