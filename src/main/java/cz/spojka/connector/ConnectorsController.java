package cz.spojka.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/connectors}: which connectors run, their last run, and which were skipped and why. */
@RestController
class ConnectorsController {

    private final Connectors connectors;

    ConnectorsController(Connectors connectors) {
        this.connectors = connectors;
    }

    @GetMapping("/api/connectors")
    Map<String, Object> list() {
        List<Map<String, Object>> active = new ArrayList<>();
        for (Connectors.Active connector : connectors.active()) {
            ConnectorDefinition definition = connector.definition();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", definition.id());
            item.put("title", definition.title());
            item.put("description", definition.description());
            item.put("template", definition.template());
            // A connector its source pushes to has no schedule.
            item.put(
                    "schedule",
                    definition.schedule() == null ? null : definition.schedule().toString());
            item.put("dataset", definition.dataset().id());
            item.put("graph", connector.graphIri());
            item.put("lastRun", connectors.lastRun(definition.id()));
            active.add(item);
        }
        Map<String, List<String>> skipped = new LinkedHashMap<>();
        connectors
                .skipped()
                .forEach((id, problems) -> skipped.put(
                        id, problems.stream().map(ConfigProblem::toString).toList()));
        return Map.of("connectors", active, "skipped", skipped);
    }
}
