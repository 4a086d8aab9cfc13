package cz.spojka.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kills the hub with {@code kill -9} at random moments while it ingests, restarts it each time and checks after every
 * restart, and at the end, that (a) the store holds exactly the latest state of every entity on {@code
 * spojka.changes}, (b) no source change produced two events, and (c) at the end, that every notice the source holds
 * is on the log and in the store at its latest version and none it removed is left. See run.sh for the arguments.
 */
public final class CrashBench {

    private static final String CONNECTOR = "crash-desky";
    private static final String BASE_IRI = "https://spojka.crash/";
    private static final String TOPIC = "spojka.changes";
    private static final Pattern BOARD_KEY = Pattern.compile("/boards/(\\d+)$");
    private static final Pattern VERSION = Pattern.compile("verze=(\\d+)");

    private final Settings settings;
    private final Random random;
    private final List<ObjectNode> rows = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    record Settings(Path work, Path jar, Path connectorsTemplate, int notices, int kills, long seed, double minDelay,
            double maxDelay, double startupKillShare, String javaOpts) {}

    /** What one check found. */
    record Check(long events, long tombstones, int logEntities, int storeEntities, int duplicates, int storeMismatches,
            int missing, List<String> examples) {}

    CrashBench(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Settings settings = new Settings(
                Path.of(args[0]).toAbsolutePath(),
                Path.of(args[1]).toAbsolutePath(),
                Path.of(args[2]).toAbsolutePath(),
                Integer.parseInt(env.getOrDefault("NOTICES", "100000")),
                Integer.parseInt(env.getOrDefault("KILLS", "20")),
                Long.parseLong(env.getOrDefault("SEED", "42")),
                Double.parseDouble(env.getOrDefault("MIN_DELAY", "0")),
                Double.parseDouble(env.getOrDefault("MAX_DELAY", "60")),
                Double.parseDouble(env.getOrDefault("STARTUP_KILL_SHARE", "0.2")),
                env.getOrDefault("HUB_JAVA_OPTS", ""));
        System.exit(new CrashBench(settings).run() ? 0 : 1);
    }

    boolean run() throws Exception {
        Instant started = Instant.now();
        log("seed %d, %d notices, %d kills, kill delays %.0f–%.0f s, share of kills during start-up %.2f",
                settings.seed(), settings.notices(), settings.kills(), settings.minDelay(), settings.maxDelay(),
                settings.startupKillShare());
        Path work = settings.work();
        int httpPort = freePort();
        try (ExternalKafka kafka = new ExternalKafka(work.resolve("kafka"), freePort(), freePort());
                NoticeSource source = new NoticeSource(settings.notices(), settings.seed(), 500, 100, 50)) {
            kafka.start();
            source.start();
            log("external Kafka on %s, source at %s", kafka.bootstrapServers(), source.url());
            writeConnector(source.url());
            Hub hub = new Hub(hubCommand(httpPort, kafka.bootstrapServers()), work, httpPort);
            Runtime.getRuntime().addShutdownHook(new Thread(hub::destroy));
            int kills = 0;
            int startupKills = 0;
            Check last = null;
            hub.launch();
            try {
                while (kills < settings.kills()) {
                    if (random.nextDouble() < settings.startupKillShare()) {
                        double delay = 1 + random.nextDouble() * 11;
                        Thread.sleep((long) (delay * 1000));
                        hub.kill9();
                        kills++;
                        startupKills++;
                        log("kill %d/%d: kill -9 %.1f s after the launch (start-up)", kills, settings.kills(), delay);
                        row(kills, "start-up", delay, source, null, null);
                        hub.launch();
                    }
                    Instant launched = Instant.now();
                    hub.awaitCaughtUp(Duration.ofMinutes(20));
                    double recovery = Duration.between(launched, Instant.now()).toMillis() / 1000.0;
                    last = check(kafka, hub, source, false);
                    report(last, kills, recovery);
                    if (kills >= settings.kills()) {
                        break;
                    }
                    source.advance();
                    long pages = source.pagesServed();
                    source.resume();
                    awaitFirstPage(source, pages);
                    double delay = settings.minDelay() + random.nextDouble() * (settings.maxDelay() - settings.minDelay());
                    Thread.sleep((long) (delay * 1000));
                    JsonNode run = hub.lastRun(CONNECTOR);
                    hub.kill9();
                    source.pause();
                    kills++;
                    log("kill %d/%d: kill -9 %.1f s after the poll began (generation %d); last run before: %s",
                            kills, settings.kills(), delay, source.generation(), run);
                    row(kills, "run", delay, source, recovery, last);
                    hub.launch();
                }
                // The end: one more generation, and a complete run without a kill.
                source.advance();
                Instant resumed = Instant.now();
                source.resume();
                awaitCompleteRun(hub, resumed);
                source.pause();
                hub.awaitCaughtUp(Duration.ofMinutes(20));
                Check end = check(kafka, hub, source, true);
                report(end, kills, null);
                ObjectNode result = summary(started, kills, startupKills, source, end);
                json.writerWithDefaultPrettyPrinter().writeValue(work.resolve("result.json").toFile(), result);
                Files.writeString(work.resolve("result.md"), markdown(result));
                System.out.println(markdown(result));
                return end.duplicates() == 0 && end.storeMismatches() == 0 && end.missing() == 0
                        && rows.stream().allMatch(r -> r.path("duplicates").asInt(0) == 0
                                && r.path("storeMismatches").asInt(0) == 0);
            } finally {
                hub.stop();
            }
        }
    }

    /** Waits until the hub's next poll has fetched a page: the kill delay counts from there. */
    private static void awaitFirstPage(NoticeSource source, long pagesBefore) throws InterruptedException {
        for (int i = 0; i < 1200 && source.pagesServed() == pagesBefore; i++) {
            Thread.sleep(100);
        }
    }

    private void awaitCompleteRun(Hub hub, Instant after) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(until)) {
            JsonNode run = hub.lastRun(CONNECTOR);
            if (run != null && run.hasNonNull("started")
                    && OffsetDateTime.parse(run.get("started").asText()).toInstant().isAfter(after)) {
                if (run.hasNonNull("error")) {
                    throw new IllegalStateException("the final run failed: " + run);
                }
                log("final run: %s", run);
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no complete run within 30 minutes");
    }

    /** The invariants, on the log and the store as they are now (the source is paused: nothing is published). */
    private Check check(ExternalKafka kafka, Hub hub, NoticeSource source, boolean end)
            throws IOException, InterruptedException {
        ChangeLogAudit audit = ChangeLogAudit.read(kafka.bootstrapServers(), TOPIC);
        Map<String, String[]> stored = hub.storedEntities(BASE_IRI + "zdroj/");
        List<String> examples = new ArrayList<>(audit.duplicates.stream().limit(5).toList());
        int mismatches = 0;
        for (Map.Entry<String, ChangeLogAudit.State> entry : audit.latest.entrySet()) {
            String[] row = stored.get(entry.getKey());
            ChangeLogAudit.State state = entry.getValue();
            String problem = null;
            if (row == null) {
                problem = "on the log, not in the store";
            } else if (row[0].contains("|") || !OffsetDateTime.parse(row[0]).toInstant().equals(state.time())) {
                problem = "stored at " + row[0] + ", latest event at " + state.time();
            } else if (state.version() != null && !state.version().equals(version(row[1]))) {
                problem = "stored version " + row[1] + ", latest event version " + state.version();
            }
            if (problem != null) {
                mismatches++;
                example(examples, entry.getKey() + ": " + problem);
            }
        }
        for (String iri : stored.keySet()) {
            if (!audit.latest.containsKey(iri)) {
                mismatches++;
                example(examples, iri + ": in the store, deleted or never on the log");
            }
        }
        int missing = 0;
        if (end) {
            Map<Integer, Integer> expected = source.notices();
            int notices = 0;
            int boards = 0;
            for (Map.Entry<String, ChangeLogAudit.State> entry : audit.latest.entrySet()) {
                Matcher notice = ChangeLogAudit.NOTICE_KEY.matcher(entry.getKey());
                if (notice.find()) {
                    notices++;
                    Integer want = expected.get(Integer.valueOf(notice.group(1)));
                    if (want == null || !want.equals(entry.getValue().version())) {
                        missing++;
                        example(examples, entry.getKey() + ": version " + entry.getValue().version()
                                + " on the log, the source has " + want);
                    }
                } else if (BOARD_KEY.matcher(entry.getKey()).find()) {
                    boards++;
                }
            }
            missing += Math.abs(expected.size() - notices) + Math.abs(source.boards() - boards);
            if (expected.size() != notices || source.boards() != boards) {
                example(examples, "the source has " + expected.size() + " notices on " + source.boards()
                        + " boards, the log " + notices + " on " + boards);
            }
        }
        return new Check(audit.events, audit.tombstones, audit.latest.size(), stored.size(), audit.duplicates.size(),
                mismatches, missing, examples);
    }

    private static Integer version(String address) {
        Matcher m = VERSION.matcher(address);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 10) {
            examples.add(text);
        }
    }

    private void report(Check check, int kills, Double recovery) {
        log("check after %d kills%s: %d events (%d tombstones), %d entities on the log, %d in the store;"
                        + " duplicates %d, store mismatches %d, missing %d%s",
                kills, recovery == null ? " (end)" : String.format(", caught up %.1f s after the launch", recovery),
                check.events(), check.tombstones(), check.logEntities(), check.storeEntities(), check.duplicates(),
                check.storeMismatches(), check.missing(), check.examples().isEmpty() ? "" : " " + check.examples());
        if (!rows.isEmpty() && recovery != null) {
            rows.get(rows.size() - 1).put("recoverySeconds", Math.round(recovery * 10) / 10.0);
        }
        if (!rows.isEmpty() && recovery != null) {
            ObjectNode row = rows.get(rows.size() - 1);
            row.put("eventsAfter", check.events());
            row.put("duplicates", check.duplicates());
            row.put("storeMismatches", check.storeMismatches());
        }
    }

    private void row(int kill, String kind, double delay, NoticeSource source, Double unused, Check before) {
        ObjectNode row = json.createObjectNode();
        row.put("kill", kill);
        row.put("moment", kind);
        row.put("delaySeconds", Math.round(delay * 10) / 10.0);
        row.put("generation", source.generation());
        rows.add(row);
    }

    private ObjectNode summary(Instant started, int kills, int startupKills, NoticeSource source, Check end) {
        ObjectNode result = json.createObjectNode();
        result.put("seed", settings.seed());
        result.put("initialNotices", settings.notices());
        result.put("generations", source.generation());
        result.put("noticesAtEnd", source.notices().size());
        result.put("boards", source.boards());
        result.put("sourcePagesServed", source.pagesServed());
        result.put("kills", kills);
        result.put("killsDuringStartUp", startupKills);
        result.put("restarts", kills);
        result.put("events", end.events());
        result.put("tombstones", end.tombstones());
        result.put("entitiesOnLog", end.logEntities());
        result.put("entitiesInStore", end.storeEntities());
        result.put("duplicates", end.duplicates());
        result.put("storeMismatches", end.storeMismatches());
        result.put("missing", end.missing());
        result.put("seconds", Duration.between(started, Instant.now()).toSeconds());
        ArrayNode cycles = result.putArray("cycles");
        rows.forEach(cycles::add);
        ArrayNode examples = result.putArray("examples");
        end.examples().forEach(examples::add);
        return result;
    }

    private static String markdown(JsonNode r) {
        StringBuilder md = new StringBuilder();
        md.append("| kill | moment | delay (s) | source generation | events after restart | recovery (s) | duplicates"
                + " | store mismatches |\n|---|---|---|---|---|---|---|---|\n");
        for (JsonNode c : r.get("cycles")) {
            md.append(String.format("| %d | %s | %.1f | %d | %s | %s | %s | %s |%n", c.get("kill").asInt(),
                    c.get("moment").asText(), c.get("delaySeconds").asDouble(), c.get("generation").asInt(),
                    c.path("eventsAfter").asText("–"), c.path("recoverySeconds").asText("–"),
                    c.path("duplicates").asText("–"), c.path("storeMismatches").asText("–")));
        }
        md.append(String.format("%n| records (notices) | generations | kills (of them in start-up) | restarts | events"
                        + " | entities | duplicates | missing | store mismatches | time |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|%n"
                        + "| %d initial, %d at the end, on %d boards | %d | %d (%d) | %d | %d | %d | %d | %d | %d | %d s |%n",
                r.get("initialNotices").asInt(), r.get("noticesAtEnd").asInt(), r.get("boards").asInt(),
                r.get("generations").asInt(), r.get("kills").asInt(), r.get("killsDuringStartUp").asInt(),
                r.get("restarts").asInt(), r.get("events").asLong(), r.get("entitiesOnLog").asInt(),
                r.get("duplicates").asInt(), r.get("missing").asInt(), r.get("storeMismatches").asInt(),
                r.get("seconds").asLong()));
        return md.toString();
    }

    private List<String> hubCommand(int httpPort, String bootstrapServers) {
        List<String> command = new ArrayList<>(List.of("java"));
        if (!settings.javaOpts().isBlank()) {
            command.addAll(List.of(settings.javaOpts().trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar", settings.jar().toString(),
                "--server.port=" + httpPort,
                "--spojka.data-dir=" + settings.work().resolve("data"),
                "--spojka.connectors-dir=" + settings.work().resolve("connectors"),
                "--spojka.base-iri=" + BASE_IRI,
                "--spojka.kafka.bootstrap-servers=" + bootstrapServers,
                "--spojka.endpoint.query-timeout=30m",
                "--spojka.endpoint.result-row-limit=2000000000",
                "--spojka.store.poll-timeout=200ms"));
        return command;
    }

    /**
     * The bench connector: the real uredni-deska-ofn mapping, polling the bench source page by page every 10 s. Its
     * circuit breaker never opens: the source answers 503 while each restart catches up, and an open breaker would
     * leave the hub idle for the next kills instead of ingesting.
     */
    private void writeConnector(String url) throws IOException {
        Path dir = settings.work().resolve("connectors").resolve(CONNECTOR);
        Files.createDirectories(dir);
        for (String file : List.of("mapping.yaml", "context.jsonld")) {
            Files.copy(settings.connectorsTemplate().resolve(file), dir.resolve(file));
        }
        String yaml = Files.readString(settings.connectorsTemplate().resolve("connector.yaml"))
                .replace("id: uredni-deska-ofn", "id: " + CONNECTOR)
                .replaceAll("(?m)^  url: .*$", "  url: " + url + "\n  pagination: page\n  pageSizeParam: size\n"
                        + "  pageSize: \"20\"\n  maxPages: \"100000\"")
                .replace("schedule: PT1H", "schedule: PT10S")
                .replace("    themes: [GOVE]", "    themes: [GOVE]\n    frequency: UPDATE_CONT")
                + "resilience:\n  breakerFailures: 1000\n";
        Files.writeString(dir.resolve("connector.yaml"), yaml);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[%tT] %s%n", Instant.now().toEpochMilli(), String.format(format, args));
        System.out.flush();
    }
}
