package cz.spojka.connector;

import cz.spojka.privacy.DatasetPrivacy;
import cz.spojka.privacy.YamlValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/connectors}: every connector — loaded or skipped — with its municipality, privacy declaration, status,
 * last run (with what the personal-data guard found and did in it), stale alert, circuit breaker, and how many of its
 * dead letters are unresolved;
 * {@code GET /api/connectors/{id}/runs}: the connector's recorded runs, newest first;
 * {@code POST /api/connectors/{id}/deletions/allow}: the operator lets the connector's next complete snapshot delete
 * more than its {@code resilience.maxDeletionShare} (once).
 */
@RestController
class ConnectorsController {

    private final Connectors connectors;
    private final UnresolvedDeadLetters deadLetters;
    private final SourceBreakers breakers;
    private final StaleSources staleSources;
    private final DeletionApprovals deletionApprovals;

    ConnectorsController(
            Connectors connectors,
            UnresolvedDeadLetters deadLetters,
            SourceBreakers breakers,
            StaleSources staleSources,
            DeletionApprovals deletionApprovals) {
        this.connectors = connectors;
        this.deadLetters = deadLetters;
        this.breakers = breakers;
        this.staleSources = staleSources;
        this.deletionApprovals = deletionApprovals;
    }

    @GetMapping("/api/connectors")
    List<Map<String, Object>> list() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Connectors.Active connector : connectors.active()) {
            ConnectorDefinition definition = connector.definition();
            RunReport last = connectors.lastRun(definition.id());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", definition.id());
            item.put("title", definition.title());
            item.put("description", definition.description());
            item.put("template", definition.template());
            item.put("municipality", municipality(definition.dataset()));
            item.put("status", last == null ? "waiting" : last.succeeded() ? "ok" : "failing");
            item.put(
                    "schedule",
                    definition.schedule() == null ? null : definition.schedule().toString());
            item.put("dataset", definition.dataset().id());
            item.put("privacy", privacy(definition.dataset().privacy()));
            item.put("graph", connector.graphIri());
            item.put("lastRun", last == null ? null : run(last));
            item.put("unresolvedDeadLetters", deadLetters.count(definition.id()));
            StaleSources.Freshness freshness = staleSources.of(definition);
            item.put("stale", freshness.stale());
            item.put("staleSince", text(freshness.staleSince()));
            item.put("staleAfter", text(freshness.staleAfter()));
            item.put("lastSuccess", text(freshness.lastSuccess()));
            item.put("breaker", breaker(breakers.status(definition.id())));
            item.put("maxDeletionShare", definition.resilience().maxDeletionShare());
            item.put("deletionsAllowedOnce", deletionApprovals.allowed(definition.id()));
            list.add(item);
        }
        connectors.skipped().forEach((id, problems) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id);
            item.put("status", "skipped");
            item.put("problems", problems.stream().map(ConfigProblem::toString).toList());
            list.add(item);
        });
        return list;
    }

    @GetMapping("/api/connectors/{id}/runs")
    List<Map<String, Object>> runs(@PathVariable String id) {
        requireLoaded(id);
        return connectors.runs(id).stream().map(ConnectorsController::run).toList();
    }

    /**
     * The override of the deletion guard, after the operator has checked that the source really removed what the
     * refused run would delete: the next complete snapshot that succeeds may delete any share, and uses the
     * permission up.
     */
    @PostMapping("/api/connectors/{id}/deletions/allow")
    Map<String, Object> allowDeletions(@PathVariable String id) {
        requireLoaded(id);
        deletionApprovals.allowOnce(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("connector", id);
        answer.put("deletionsAllowedOnce", true);
        answer.put(
                "note",
                "The next complete snapshot that succeeds may delete more than maxDeletionShare; a file-drop"
                        + " connector's refused file is in its error folder and must be moved back to be read again.");
        return answer;
    }

    private void requireLoaded(String id) {
        boolean known =
                connectors.active().stream().anyMatch(c -> c.definition().id().equals(id));
        if (!known) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No connector '" + id + "' is loaded");
        }
    }

    /** The source's circuit breaker, or {@code null} for a source that pushes. */
    private static Map<String, Object> breaker(SourceBreakers.Status status) {
        if (status == null) {
            return null;
        }
        Map<String, Object> breaker = new LinkedHashMap<>();
        breaker.put("state", status.state().label());
        breaker.put("failedRuns", status.failedRuns());
        breaker.put("opensAfter", status.opensAfter());
        breaker.put("openedAt", text(status.openedAt()));
        breaker.put("retryAt", text(status.retryAt()));
        return breaker;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> privacy(DatasetPrivacy privacy) {
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("classification", YamlValues.of(privacy.classification()));
        declared.put("policy", YamlValues.of(privacy.policy()));
        return declared;
    }

    private static Map<String, Object> municipality(ConnectorDefinition.Dataset dataset) {
        Map<String, Object> municipality = new LinkedHashMap<>();
        municipality.put("name", dataset.municipalityName());
        municipality.put("ico", dataset.ico());
        municipality.put("ruian", dataset.ruian());
        return municipality;
    }

    private static Map<String, Object> run(RunReport report) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", report.runId());
        run.put("started", report.startedAt().toString());
        run.put("finished", report.finishedAt().toString());
        run.put("read", report.records());
        run.put("changed", report.changed());
        run.put("rejected", report.rejected());
        run.put("error", report.error());
        run.put("skipped", report.skipped());
        run.put("created", report.created());
        run.put("updated", report.updated());
        run.put("deleted", report.deleted());
        run.put("unchanged", report.unchanged());
        run.put("entities", report.entities());
        run.put("millis", report.millis());
        run.put("personalData", report.personalData());
        return run;
    }
}
