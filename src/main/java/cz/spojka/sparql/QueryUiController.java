package cz.spojka.sparql;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the query UI ({@code static/query-ui/}, served at {@code /sparql} to a browser by {@link RequestGuard}) reads
 * from the hub: the example queries of {@code vocab/queries/} and the prefixes they declare, which the editor
 * completes instead of asking prefix.cc.
 */
@RestController
@ConditionalOnProperty(name = "spojka.store.type", havingValue = "tdb2", matchIfMissing = true)
class QueryUiController {

    /** The page {@link RequestGuard} forwards a browser to. */
    static final String PAGE = "/query-ui/index.html";

    private final QueryExamples examples;

    QueryUiController(QueryExamples examples) {
        this.examples = examples;
    }

    @GetMapping("/query-ui/examples.json")
    List<QueryExample> examples() {
        return examples.all();
    }

    /** In prefix.cc's format ({@code {"prefix": "namespace IRI"}}), which YASGUI's prefix completion reads. */
    @GetMapping("/query-ui/prefixes.json")
    Map<String, String> prefixes() {
        return examples.prefixes();
    }
}
