package cz.spojka.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.connector.ConnectorScheduler;
import cz.spojka.connector.RunReport;
import cz.spojka.e2e.HostileCorpus.Case;
import cz.spojka.e2e.HostileCorpus.Expect;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.irix.IRIx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hostile-input corpus ({@link HostileCorpus}, over a thousand cases) against the real hub through its real entry
 * points: JSON, XML, CSV and KXX files dropped into the folders of file-drop connectors, JSON bodies an http-poll
 * connector fetches from WireMock, and pushes to a webhook. Per case: the hub still answers its health check; a
 * refused push got a 4xx with reasons; every other rejection left dead letters naming the connector, the record and
 * a reason of the case's family; a body rejected whole published nothing. Then 100 MB bodies through each entry point
 * with the old generation's peak measured; then no XXE address fetched and no local file's content anywhere. Prints the
 * summary table (docs/reliability.md, "Hostile input").
 */
class HostileInputIT extends HubUnderTest {

    private static final Path WORK = TestHub.tempDir("spojka-hostile-it-");
    private static final Path DROP = WORK.resolve("drop");
    private static final String SECRET = "SPOJKA-XXE-SECRET-" + Long.toHexString(System.nanoTime());
    private static final Path SECRET_FILE = write(WORK.resolve("secret.txt"), SECRET);
    private static final AtomicInteger XXE_FETCHES = new AtomicInteger();
    private static final HttpServer SERVER = server();
    private static final WireMockServer POLL =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final TestHub HUB =
            TestHub.onFreePorts(WORK.resolve("hub"), Path.of("src/test/resources/cz/spojka/e2e/hostile"));
    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        POLL.start();
    }

    @Autowired
    ConnectorScheduler scheduler;

    private final LetterCollector letters = new LetterCollector();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Set<String> rejectedRuns = ConcurrentHashMap.newKeySet();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("hostile.drop", DROP::toString);
        registry.add("hostile.poll.url", () -> POLL.baseUrl() + "/poll");
        registry.add(
                "hostile.poll.big-url",
                () -> "http://localhost:" + SERVER.getAddress().getPort() + "/big");
    }

    @AfterAll
    static void stopServers() {
        POLL.stop();
        SERVER.stop(0);
    }

    @Test
    void theHubSurvivesTheCorpusAndLetterEveryRejection() throws Exception {
        HostileCorpus corpus = new HostileCorpus(
                20261127L,
                SECRET_FILE.toString(),
                "http://localhost:" + SERVER.getAddress().getPort());
        List<Case> json = corpus.json(sample("golemio-kontejnery/samples/sortedwastestations_measurements.json"));
        List<Case> xml = corpus.xml(sample("uredni-deska-edesky/samples/documents-chrudim.xml"));
        List<Case> csv = corpus.csv(sample("rozpocet-cityvizor/samples/budget_2016.csv"));
        List<Case> kxx = corpus.kxx(sample("rozpocet-kxx/samples/rozp_medl_hc.kxx"));
        List<Case> webhook = corpus.webhook(sample("citizen-reports/samples/request-638344.json"));
        List<Case> poll = json.stream()
                .filter(c -> c.body().length() < 2_000_000)
                .filter(c -> c.id().hashCode() % 4 == 0)
                .map(c -> new Case(
                        c.id().replaceFirst("json", "poll"), "http-poll", c.family(), c.expect(), c.reason(), c.body()))
                .toList();
        letters.start(HUB);
        try {
            webhook.forEach(this::push);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> drops = new ArrayList<>();
            drops.add(threads.submit(() -> json.forEach(c -> dropFile("hostile-json", "json", c))));
            drops.add(threads.submit(() -> xml.forEach(c -> dropFile("hostile-xml", "xml", c))));
            drops.add(threads.submit(() -> csv.forEach(c -> dropFile("hostile-csv", "csv", c))));
            drops.add(threads.submit(() -> kxx.forEach(c -> dropFile("hostile-kxx", "kxx", c))));
            poll.forEach(this::poll);
            for (Future<?> drop : drops) {
                drop.get();
            }
            threads.shutdown();
            hundredMegabyteBodies();
            nothingRejectedWasPublishedAndNoSecretLeaked();
        } finally {
            letters.stop();
        }
        problems.addAll(letters.unreadable);
        String table = summary();
        Files.write(Path.of("target/hostile-input-problems.txt"), problems);
        System.out.println(table);
        Files.writeString(Path.of("target/hostile-input-summary.md"), table);
        assertThat(outcomes.size()).as("cases run").isGreaterThanOrEqualTo(1000);
        assertThat(problems).as("problems of the corpus' cases").isEmpty();
    }

    // ---- entry points

    private void dropFile(String connectorId, String folder, Case c) {
        try {
            Path dir = DROP.resolve(folder);
            Files.createDirectories(dir);
            String name = c.id() + "." + folder;
            Path hidden = dir.resolve("." + name);
            try (OutputStream out = Files.newOutputStream(hidden)) {
                c.body().writeTo(out);
            }
            // Older than the quiet time, so that the read lock takes it at the next look.
            Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().minusSeconds(60)));
            RunReport before = connectors.lastRun(connectorId);
            int lettersBefore = letters.count(connectorId);
            Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            RunReport run = awaitRun(connectorId, before);
            checkRun(c, connectorId, run, lettersBefore, name);
            if (run.error() != null) {
                await().atMost(Duration.ofSeconds(20)).until(() -> movedToError(dir, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | AssertionError e) {
            problems.add(c.id() + ": " + e);
        }
    }

    private void poll(Case c) {
        try {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            c.body().writeTo(body);
            POLL.stubFor(get("/poll")
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(body.toByteArray())));
            int lettersBefore = letters.count("hostile-poll");
            RunReport run = scheduler.poll("hostile-poll");
            checkRun(c, "hostile-poll", run, lettersBefore, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | AssertionError e) {
            problems.add(c.id() + ": " + e);
        }
    }

    private void push(Case c) {
        int lettersBefore = letters.count("hostile-webhook");
        try {
            HttpResponse<String> response = send(c.body());
            int status = response.statusCode();
            String reasons = status >= 400
                    ? JSON.readTree(response.body()).path("reasons").toString()
                    : "";
            boolean refused = status >= 400 && status < 500;
            if (c.expect() == Expect.REJECTED && !refused) {
                problems.add(c.id() + ": expected a 4xx, got " + status + " " + response.body());
            }
            if (c.expect() == Expect.ACCEPTED && status != 202) {
                problems.add(c.id() + ": expected 202, got " + status + " " + response.body());
            }
            if (status >= 500) {
                problems.add(c.id() + ": answered " + status + " " + response.body());
            }
            if (refused) {
                if (reasons.length() <= 4) {
                    problems.add(c.id() + ": a " + status + " without reasons: " + response.body());
                }
                matchesFamily(c, reasons);
                List<DeadLetter> got = letters.awaitNew("hostile-webhook", lettersBefore, 1);
                if (got.isEmpty()) {
                    problems.add(c.id() + ": refused with " + status + " but no dead letter");
                }
            }
            outcomes.add(new Outcome(c, refused ? Result.REFUSED : Result.ACCEPTED));
            healthy(c);
        } catch (IOException e) {
            refusedWhileSending(c, lettersBefore, e);
        } catch (InterruptedException e) {
            problems.add(c.id() + ": " + e);
        }
    }

    /**
     * A body over the webhook's limit: the hub answers 413 after reading one byte past the limit and then closes the
     * connection, which may reset it while the client is still sending, before the client reads the answer. The
     * refusal is then seen in its dead letter (stage push, the 413 and its reason).
     */
    private void refusedWhileSending(Case c, int lettersBefore, IOException e) {
        if (c.body().length() <= 1_048_576) {
            problems.add(c.id() + ": " + e);
            return;
        }
        List<DeadLetter> got = letters.awaitNew("hostile-webhook", lettersBefore, 1);
        if (got.isEmpty()
                || !got.get(0).stage().equals("push")
                || !got.get(0).reason().startsWith("413: the body is larger than the limit of 1048576 bytes")) {
            problems.add(c.id() + ": the connection failed (" + e + ") and no 413 letter: " + got);
        }
        outcomes.add(new Outcome(c, Result.REFUSED));
        healthy(c);
    }

    private HttpResponse<String> send(HostileCorpus.Body body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body.length() < 20_000_000
                ? HttpRequest.BodyPublishers.ofByteArray(bytes(body))
                : HttpRequest.BodyPublishers.ofInputStream(() -> piped(body));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingest/hostile-webhook"))
                        .header("X-Api-Key", "hostile-key")
                        .header("Content-Type", "application/json")
                        .POST(publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- per-case checks

    private void checkRun(Case c, String connectorId, RunReport run, int lettersBefore, String fileName) {
        boolean wholeBody = run.error() != null;
        int expectedLetters = wholeBody ? 1 : run.rejected();
        List<DeadLetter> got = letters.awaitNew(connectorId, lettersBefore, expectedLetters);
        Result result = wholeBody || run.rejected() > 0 ? Result.LETTERED : Result.ACCEPTED;
        switch (c.expect()) {
            case REJECTED -> expect(c, wholeBody || (run.rejected() > 0 && run.entities() == 0), run);
            case PARTIAL -> expect(c, !wholeBody && run.rejected() > 0, run);
            case ACCEPTED -> expect(c, !wholeBody && run.rejected() == 0 && run.records() > 0, run);
            case EITHER -> {}
        }
        // At least one letter per rejected record: a record may also have a letter per entity the gate refused.
        if (got.size() < expectedLetters || (wholeBody && got.size() != 1)) {
            problems.add(c.id() + ": " + expectedLetters + " letters expected, " + got.size() + " found; " + run);
        }
        for (DeadLetter letter : got) {
            if (!letter.connectorId().equals(connectorId)
                    || letter.recordId() == null
                    || letter.recordId().isBlank()
                    || letter.reason() == null
                    || letter.reason().isBlank()) {
                problems.add(c.id() + ": a letter without source, record or reason: " + letter);
            }
        }
        if (wholeBody) {
            rejectedRuns.add(run.runId());
            if (run.created() + run.updated() + run.deleted() != 0) {
                problems.add(c.id() + ": a body rejected whole published changes: " + run);
            }
            if (fileName != null && !got.isEmpty() && !got.get(0).reason().startsWith(fileName + ": ")) {
                problems.add(c.id() + ": the letter does not name the file: "
                        + got.get(0).reason());
            }
        }
        if (result == Result.LETTERED && c.expect() != Expect.EITHER) {
            matchesFamily(c, got.stream().map(DeadLetter::reason).toList().toString());
        }
        outcomes.add(new Outcome(c, result));
        healthy(c);
    }

    private void expect(Case c, boolean met, RunReport run) {
        if (!met) {
            problems.add(c.id() + ": expected " + c.expect() + ", got " + run + " " + run.rejections());
        }
    }

    private void matchesFamily(Case c, String reasons) {
        if (c.reason() != null
                && !Pattern.compile(c.reason(), Pattern.CASE_INSENSITIVE)
                        .matcher(reasons)
                        .find()) {
            problems.add(c.id() + ": reasons do not match /" + c.reason() + "/: " + abbreviate(reasons));
        }
    }

    private void healthy(Case c) {
        try {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200 || !health.body().contains("\"UP\"")) {
                problems.add(c.id() + ": health " + health.statusCode() + " " + abbreviate(health.body()));
            }
        } catch (IOException | InterruptedException e) {
            problems.add(c.id() + ": health check failed: " + e);
        }
    }

    // ---- 100 MB bodies and memory

    /**
     * A 100 MB body through each entry point, {@code hostile.hundredMbRepeats} times (1 here; bench/hostile/run.sh
     * runs more), with the old generation's growth measured around each.
     */
    private void hundredMegabyteBodies() throws IOException {
        HostileCorpus.Body huge =
                HostileCorpus.Body.generated("[{\"id\": 1, \"code\": \"", "0123456789abcdef", "\"}]", HUNDRED_MB);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("hostile.hundredMbRepeats", 1); i++) {
            Case file = new Case("json-100mb-file-" + i, "json", "100-mb-body", Expect.REJECTED, "size limit", huge);
            long grown = heapGrowth(() -> dropFile("hostile-json", "json", file));
            Case pushed = new Case(
                    "webhook-100mb-push-" + i,
                    "webhook",
                    "100-mb-body",
                    Expect.REJECTED,
                    "larger than the limit",
                    huge);
            long grownPush = heapGrowth(() -> push(pushed));
            Case polled =
                    new Case("poll-100mb-page-" + i, "http-poll", "100-mb-body", Expect.REJECTED, "size limit", huge);
            long grownPoll = heapGrowth(() -> {
                RunReport run = scheduler.poll("hostile-poll-big");
                if (run.error() == null || !run.error().contains("size limit (maxBytes 8388608)")) {
                    problems.add(polled.id() + ": expected a failed run naming the size limit, got " + run);
                }
                outcomes.add(new Outcome(polled, Result.FAILED_RUN));
                healthy(polled);
            });
            String memory = String.format(
                    "old generation grew by %d MiB (file-drop), %d MiB (webhook), %d MiB (http-poll) for 100 MiB bodies",
                    grown >> 20, grownPush >> 20, grownPoll >> 20);
            lines.add(memory);
            System.out.println("HostileInputIT memory: " + memory);
            for (long g : new long[] {grown, grownPush, grownPoll}) {
                if (g >= 50L * 1024 * 1024) {
                    problems.add("100 MB bodies: " + memory);
                }
            }
        }
        Files.write(Path.of("target/hostile-input-memory.txt"), lines);
    }

    /**
     * How far the peak of the old generation (where a large array is allocated, past the young generation) rose over
     * its use after a collection, while {@code action} ran.
     */
    private static long heapGrowth(Runnable action) {
        List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .filter(p -> !p.getName().contains("Eden") && !p.getName().contains("Survivor"))
                .toList();
        System.gc();
        long before = old.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        old.forEach(MemoryPoolMXBean::resetPeakUsage);
        action.run();
        long peak = old.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return Math.max(0, peak - before);
    }

    // ---- after the corpus

    private void nothingRejectedWasPublishedAndNoSecretLeaked() throws IOException {
        if (XXE_FETCHES.get() != 0) {
            problems.add("the XXE address was fetched " + XXE_FETCHES.get() + " times");
        }
        for (ConsumerRecord<String, CloudEvent> event : HUB.changeLog().events("spojka.changes")) {
            String data = event.value().getData() == null
                    ? ""
                    : new String(event.value().getData().toBytes(), UTF_8);
            JsonNode json = data.isEmpty() ? JSON.nullNode() : JSON.readTree(data);
            String runId = json.path("provenance").path("runId").asText("");
            if (rejectedRuns.contains(runId)) {
                problems.add("an event of a run rejected whole: " + event.key());
            }
            if (data.contains(SECRET)) {
                problems.add("the XXE file's content is in an event: " + event.key());
            }
            try {
                IRIx.create(event.key()).toString();
                if (!IRIx.create(event.key()).isReference() || event.key().matches(".*[\\s<>\"{}|\\\\^`].*")) {
                    problems.add("an event's key is not a valid IRI: " + event.key());
                }
            } catch (RuntimeException e) {
                problems.add("an event's key is not a valid IRI: " + event.key() + " (" + e.getMessage() + ")");
            }
        }
        for (DeadLetter letter : HUB.changeLog().deadLetters("spojka.deadletter")) {
            if (String.valueOf(letter.reason()).contains(SECRET)
                    || String.valueOf(letter.record()).contains(SECRET)) {
                problems.add("the XXE file's content is in a letter: " + letter.key());
            }
        }
        awaitMaterialized();
        long inStore = sparql().count("GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"" + SECRET + "\")) }");
        if (inStore != 0) {
            problems.add("the XXE file's content is in the store " + inStore + " times");
        }
    }

    // ---- summary

    enum Result {
        LETTERED,
        REFUSED,
        ACCEPTED,
        FAILED_RUN
    }

    record Outcome(Case c, Result result) {}

    private String summary() {
        Map<String, int[]> rows = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] row = rows.computeIfAbsent(o.c().family() + " | " + o.c().format(), k -> new int[5]);
            row[0]++;
            row[1 + o.result().ordinal()]++;
        }
        StringBuilder table = new StringBuilder(
                "| family | format | cases | rejected with letter | refused 4xx | accepted | failed run |\n"
                        + "|---|---|---:|---:|---:|---:|---:|\n");
        int[] total = new int[5];
        rows.forEach((key, row) -> {
            table.append("| ").append(key).append(" | ");
            for (int i = 0; i < 5; i++) {
                table.append(row[i]).append(i < 4 ? " | " : " |\n");
                total[i] += row[i];
            }
        });
        table.append("| **total** | | ");
        for (int i = 0; i < 5; i++) {
            table.append("**").append(total[i]).append("**").append(i < 4 ? " | " : " |\n");
        }
        return table.toString();
    }

    // ---- helpers

    private RunReport awaitRun(String connectorId, RunReport before) {
        return await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(25))
                .until(
                        () -> connectors.lastRun(connectorId),
                        run -> run != null && (before == null || !run.runId().equals(before.runId())));
    }

    private static boolean movedToError(Path dir, String name) throws IOException {
        if (Files.exists(dir.resolve(name)) || !Files.exists(dir.resolve(".error"))) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir.resolve(".error"))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith("-" + name));
        }
    }

    private static byte[] sample(String path) {
        try {
            return Files.readAllBytes(Path.of("connectors").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(HostileCorpus.Body body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The body as a stream written by a thread of its own, never whole in memory. */
    private static PipedInputStream piped(HostileCorpus.Body body) {
        try {
            PipedInputStream in = new PipedInputStream(1 << 16);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    body.writeTo(out);
                } catch (IOException e) {
                    // The hub stopped reading (413): the rest is not needed.
                }
            });
            writer.setDaemon(true);
            writer.start();
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the XXE targets (counting every request, none expected) and a 100 MB page generated as it is sent. */
    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                XXE_FETCHES.incrementAndGet();
                byte[] body = SECRET.getBytes(UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/big", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    HostileCorpus.Body.generated("[{\"id\": 1, \"code\": \"", "0123456789abcdef", "\"}]", HUNDRED_MB)
                            .writeTo(out);
                } catch (IOException e) {
                    // The hub cancelled the download at its size limit.
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code spojka.deadletter} as it grows, by connector, so that each case finds the letters it caused. */
    private static final class LetterCollector {

        private final Map<String, List<DeadLetter>> byConnector = new ConcurrentHashMap<>();
        final List<String> unreadable = new CopyOnWriteArrayList<>();
        private volatile boolean running;
        private Thread thread;

        void start(TestHub hub) {
            running = true;
            thread = new Thread(() -> {
                try (var consumer = hub.changeLog().tailing("spojka.deadletter")) {
                    while (running) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                            DeadLetter letter;
                            try {
                                letter = DeadLetterPublisher.read(record.value());
                            } catch (IOException | RuntimeException e) {
                                unreadable.add(record.offset() + ": " + e);
                                continue;
                            }
                            byConnector
                                    .computeIfAbsent(
                                            letter.connectorId(), k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(letter);
                        }
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }

        int count(String connectorId) {
            return byConnector.getOrDefault(connectorId, List.of()).size();
        }

        /** The letters after the first {@code from}, once there are {@code expected} of them (or 15 s passed). */
        List<DeadLetter> awaitNew(String connectorId, int from, int expected) {
            try {
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> count(connectorId) - from >= expected);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // Fewer than expected: the caller reports it.
            }
            List<DeadLetter> all = byConnector.getOrDefault(connectorId, List.of());
            synchronized (all) {
                return List.copyOf(all.subList(Math.min(from, all.size()), all.size()));
            }
        }
    }
}
