package cz.spojka.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every run of every connector, kept as JSON lines in {@code <data-dir>/connector-runs/<id>.jsonl} so that the
 * history survives restarts; the newest {@value #KEPT} runs of each connector are served, and the file is cut back to
 * them when the hub starts.
 */
public final class RunHistory {

    static final int KEPT = 200;

    private static final Logger log = LoggerFactory.getLogger(RunHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;
    private final Map<String, Deque<RunReport>> runs = new ConcurrentHashMap<>();

    public RunHistory(Path dir) {
        this.dir = dir;
    }

    /** Records a run: appended to the connector's file, and kept in memory. */
    public synchronized void record(RunReport report) {
        Deque<RunReport> kept = of(report.connectorId());
        kept.addFirst(report);
        while (kept.size() > KEPT) {
            kept.removeLast();
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    file(report.connectorId()),
                    JSON.writeValueAsString(report) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The run itself went through; only its record is lost, which must not fail the run.
            log.error("Cannot record the run of connector {} in {}: {}", report.connectorId(), dir, e.getMessage());
        }
    }

    /** The connector's runs, newest first. */
    public synchronized List<RunReport> runs(String connectorId) {
        return new ArrayList<>(of(connectorId));
    }

    /** The connector's newest run, or {@code null}. */
    public synchronized RunReport last(String connectorId) {
        return of(connectorId).peekFirst();
    }

    private Deque<RunReport> of(String connectorId) {
        return runs.computeIfAbsent(connectorId, this::load);
    }

    private Deque<RunReport> load(String connectorId) {
        Deque<RunReport> kept = new ArrayDeque<>();
        Path file = file(connectorId);
        if (!Files.isRegularFile(file)) {
            return kept;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> newest = lines.subList(Math.max(0, lines.size() - KEPT), lines.size());
            for (String line : newest) {
                kept.addFirst(JSON.readValue(line, RunReport.class));
            }
            if (newest.size() < lines.size()) {
                Files.write(file, newest, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            log.error("Cannot read the run history of connector {} from {}: {}", connectorId, file, e.getMessage());
        }
        return kept;
    }

    private Path file(String connectorId) {
        return dir.resolve(connectorId + ".jsonl");
    }
}
