package cz.spojka.access;

import cz.spojka.store.PublishedGraphs;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which named graphs a caller may read: the one rule every channel (SPARQL, Graph Store reads, Linked Data pages,
 * downloads, the catalogue, events) applies. A graph the public never sees ({@link PublishedGraphs}) is visible to
 * nobody; a connector's graph {@code <base>graph/<dataset>/<IČO>} is visible when the caller may read that dataset of
 * that municipality ({@link Caller#mayRead}), and so is the graph of its catalogue record
 * {@code <base>catalog/datasets/<dataset>/<IČO>} (the catalogue keeps the records of non-public datasets there);
 * every other published graph (vocabulary, reference data, catalogue) is
 * public. A dataset graph no active connector declares any more is treated as {@code internal}: its data stays
 * hidden until an operator deletes it or a connector declares it again.
 */
public final class GraphAccess {

    private static final Pattern DATASET_GRAPH = Pattern.compile("graph/([^/]+)/([0-9]{8})");

    /** A catalogue record of a dataset the public may not read: a graph of its own, read as the dataset's graph. */
    private static final Pattern CATALOG_RECORD = Pattern.compile("catalog/datasets/([^/]+)/([0-9]{8})");

    private final String base;
    private final PublishedGraphs published;
    private final Function<String, Optional<DataClassification>> classificationOfDataset;

    /**
     * @param base {@code spojka.base-iri}
     * @param classificationOfDataset the classification the active connectors declare for a dataset id
     */
    public GraphAccess(
            String base,
            PublishedGraphs published,
            Function<String, Optional<DataClassification>> classificationOfDataset) {
        this.base = base;
        this.published = published;
        this.classificationOfDataset = classificationOfDataset;
    }

    /** A connector's named graph: one dataset of one municipality (IČO). */
    public record DatasetGraph(String dataset, String ico, String iri) {}

    /** The dataset and IČO of a connector's graph {@code <base>graph/<dataset>/<IČO>}, if {@code graphIri} is one. */
    public Optional<DatasetGraph> datasetGraph(String graphIri) {
        return parse(DATASET_GRAPH, graphIri);
    }

    private Optional<DatasetGraph> parse(Pattern pattern, String graphIri) {
        if (!graphIri.startsWith(base)) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(graphIri.substring(base.length()));
        return m.matches() ? Optional.of(new DatasetGraph(m.group(1), m.group(2), graphIri)) : Optional.empty();
    }

    /** The classification of a dataset; {@code internal} for one no active connector declares. */
    public DataClassification classification(String dataset) {
        return classificationOfDataset.apply(dataset).orElse(DataClassification.INTERNAL);
    }

    /** Whether {@code caller} may read the named graph {@code graphIri} at {@code now}. */
    public boolean visible(Caller caller, String graphIri, Instant now) {
        if (!published.published(graphIri)) {
            return false;
        }
        return datasetGraph(graphIri)
                .or(() -> parse(CATALOG_RECORD, graphIri))
                .map(graph -> caller.mayRead(classification(graph.dataset()), graph.dataset(), graph.ico(), now))
                .orElse(true);
    }

    /**
     * The graphs {@code caller} may read, decided once per graph for the lifetime of the predicate (one request or
     * one query), at the time it was made: a filter that asks it for every quad stays cheap.
     */
    public Predicate<String> visibleTo(Caller caller) {
        Instant now = Instant.now();
        Map<String, Boolean> decided = new ConcurrentHashMap<>();
        return graphIri -> decided.computeIfAbsent(graphIri, iri -> visible(caller, iri, now));
    }
}
