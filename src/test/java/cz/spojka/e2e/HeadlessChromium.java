package cz.spojka.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's Chromium ({@code apt-get install chromium}), headless, driven over the Chrome DevTools Protocol with the
 * JDK's own WebSocket client: open a page, evaluate JavaScript in it, take a screenshot. A machine without Chromium
 * fails the test that needs it, saying how to install it; it never skips.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Chromium's own connections (updates, sync, QUIC) would only be refused on a machine without network. */
    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-port=0");

    private final Process process;
    private final Path profile;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    /** The URL of every request each tab (by session id) has sent, in order. */
    private final Map<String, List<String>> requests = new ConcurrentHashMap<>();

    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket socket;

    private HeadlessChromium(Path binary) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("spojka-chromium-");
        List<String> command = Stream.concat(
                        Stream.of(binary.toString()),
                        Stream.concat(FLAGS.stream(), Stream.of("--user-data-dir=" + profile, "about:blank")))
                .toList();
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(devToolsAddress()), new Replies())
                .join();
    }

    static HeadlessChromium start() {
        Path binary = Stream.of("chromium", "chromium-browser")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> fail("Chromium is not installed: this test drives Debian's headless Chromium."
                        + " Install it with `apt-get install -y chromium` (.ci/run does so on a fresh machine)."));
        try {
            return new HeadlessChromium(binary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Chromium prints its DevTools address on start-up; the rest of its output is kept for failure messages. */
    private String devToolsAddress() throws InterruptedException {
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread drain = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            output.add(line);
                            if (line.startsWith("DevTools listening on ")) {
                                address.complete(line.substring("DevTools listening on ".length()));
                            }
                        }
                    } catch (IOException e) {
                        address.completeExceptionally(e);
                    }
                    address.completeExceptionally(new IllegalStateException("Chromium exited: " + output));
                },
                "chromium-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return address.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Chromium did not start its DevTools server: " + output, e);
        }
    }

    /** A new tab, {@code width} × {@code height} CSS pixels, showing {@code url}. */
    Page open(String url, int width, int height) {
        String target = call("Target.createTarget", params().put("url", "about:blank"), null)
                .get("targetId")
                .asText();
        String session = call(
                        "Target.attachToTarget",
                        params().put("targetId", target).put("flatten", true),
                        null)
                .get("sessionId")
                .asText();
        Page page = new Page(session);
        requests.put(session, new CopyOnWriteArrayList<>());
        call("Network.enable", params(), session);
        call(
                "Emulation.setDeviceMetricsOverride",
                params().put("width", width)
                        .put("height", height)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", false),
                session);
        call("Page.navigate", params().put("url", url), session);
        return page;
    }

    private JsonNode call(String method, ObjectNode params, String session) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        calls.put(id, reply);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode answer = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(answer.has("error"))
                    .as(method + " answered " + answer.get("error"))
                    .isFalse();
            return answer.get("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed; Chromium said: " + output, e);
        }
    }

    /**
     * Keeps a screenshot in {@code target/<fileName>}; with {@code -Dspojka.docs.update=true} it also replaces
     * {@code docs/<fileName>}, the one the documentation shows.
     */
    static void keep(byte[] png, String fileName) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", fileName), png);
        if (Boolean.getBoolean("spojka.docs.update")) {
            Files.write(Path.of("docs", fileName), png);
        }
    }

    private static ObjectNode params() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A tab, attached in flat mode: its commands go over the browser's socket with the tab's session id. */
    final class Page {

        private final String session;

        private Page(String session) {
            this.session = session;
        }

        /** The value of a JavaScript expression (awaited, if it is a promise), or empty if it has none. */
        Optional<JsonNode> evaluate(String expression) {
            JsonNode result = call(
                            "Runtime.evaluate",
                            params().put("expression", expression)
                                    .put("returnByValue", true)
                                    .put("awaitPromise", true),
                            session)
                    .get("result");
            return Optional.ofNullable(result.get("value"));
        }

        /** Waits until the expression is true in the page; fails the test, with what it is at the end, if it never is. */
        void await(String expression, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (evaluate(expression).map(JsonNode::asBoolean).orElse(false)) {
                    return;
                }
                sleep(Duration.ofMillis(200));
            }
            fail("Not true in the page within " + timeout + ": " + expression + "; the page shows: "
                    + evaluate("document.body.innerText").map(JsonNode::asText).orElse("nothing"));
        }

        /** The URL of every request the tab has sent so far (documents, scripts, styles, fetches), in order. */
        List<String> requests() {
            return List.copyOf(requests.get(session));
        }

        byte[] screenshot() {
            return Base64.getDecoder()
                    .decode(call("Page.captureScreenshot", params().put("format", "png"), session)
                            .get("data")
                            .asText());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Gathers each reply (it may arrive in parts) and completes the call with its id; of the events, only the tabs'
     * requests are kept.
     */
    private final class Replies implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> call =
                                calls.remove(message.get("id").asInt());
                        if (call != null) {
                            call.complete(message);
                        }
                    } else if ("Network.requestWillBeSent"
                            .equals(message.path("method").asText())) {
                        List<String> urls =
                                requests.get(message.path("sessionId").asText());
                        if (urls != null) {
                            urls.add(message.at("/params/request/url").asText());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    text.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
