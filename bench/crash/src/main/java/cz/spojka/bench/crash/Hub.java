package cz.spojka.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hub as a separate process ({@code java -jar spojka.jar}), started, asked over HTTP and killed with SIGKILL. */
final class Hub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> command;
    private final Path logDir;
    private final String base;
    private Process process;
    private int launches;

    Hub(List<String> command, Path logDir, int port) {
        this.command = command;
        this.logDir = logDir;
        this.base = "http://localhost:" + port;
    }

    void launch() throws IOException {
        launches++;
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("hub-" + launches + ".log").toFile());
        process = builder.start();
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no closing of anything. */
    void kill9() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        process.waitFor();
    }

    /** A clean stop (SIGTERM), for the end of the bench. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills a hub left running when the bench itself is stopped. */
    void destroy() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The materializer's health details, or {@code null} while the hub does not answer. */
    JsonNode materializer() {
        try {
            JsonNode health = get("/actuator/health", "application/json");
            return health.path("components").path("materializer").path("details");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The connector's last run as {@code /api/connectors} shows it, or {@code null}. */
    JsonNode lastRun(String connectorId) {
        try {
            for (JsonNode connector : get("/api/connectors", "application/json")) {
                if (connectorId.equals(connector.path("id").asText())) {
                    JsonNode run = connector.path("lastRun");
                    return run.isMissingNode() || run.isNull() ? null : run;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Waits until the hub answers and its store has applied the whole change log. */
    void awaitCaughtUp(Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!alive()) {
                throw new IllegalStateException("the hub exited (see hub-" + launches + ".log)");
            }
            JsonNode m = materializer();
            if (m != null && m.path("lag").isNumber() && m.path("lag").asLong() == 0) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the hub did not catch up within " + timeout);
    }

    /**
     * Every entity in the store under {@code prefix}: IRI → [generatedAtTime, the bench's notice address or ""]. One
     * SELECT, read as CSV.
     */
    Map<String, String[]> storedEntities(String prefix) throws IOException, InterruptedException {
        String query = "SELECT ?e ?t ?u WHERE { GRAPH ?g { ?e <http://www.w3.org/ns/prov#generatedAtTime> ?t ."
                + " FILTER(STRSTARTS(STR(?e), \"" + prefix + "\"))"
                + " OPTIONAL { ?e ?p ?u . FILTER(isLiteral(?u) && STRSTARTS(STR(?u), \"" + NoticeSource.SOURCE
                + "notice/\")) } } }";
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        base + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("SPARQL answered " + response.statusCode());
        }
        Map<String, String[]> result = new HashMap<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                List<String> cells = csv(line);
                String[] before = result.put(cells.get(0), new String[] {cells.get(1), cells.get(2)});
                if (before != null) {
                    // Two rows for one entity: two times or two addresses, which the comparison reports.
                    result.put(cells.get(0), new String[] {before[0] + "|" + cells.get(1), before[1] + "|" + cells.get(2)});
                }
            }
        }
        return result;
    }

    private static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        while (cells.size() < 3) {
            cells.add("");
        }
        return cells;
    }

    private JsonNode get(String path, String accept) throws IOException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept", accept)
                            // The demo's admin key (application.yaml): /api/connectors needs the role operator.
                            .header("X-Api-Key", "demo-admin")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
