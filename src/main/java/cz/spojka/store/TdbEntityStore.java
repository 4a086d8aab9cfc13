package cz.spojka.store;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.kafka.common.TopicPartition;

/**
 * The embedded store: TDB2 on disk. Entities live in named graphs (one per dataset and municipality); the
 * materializer's offsets live in the stored default graph, which the SPARQL endpoint never shows (its default graph
 * is the union of the named graphs). Every write goes through the text dataset of the {@link TitleIndex}, so the
 * full-text index of titles and labels changes in the same transactions as the store.
 */
public final class TdbEntityStore implements EntityStore {

    private static final String OFFSET_PREFIX = "urn:x-spojka:changelog-offset:";
    private static final Node NEXT_OFFSET = NodeFactory.createURI("urn:x-spojka:next-offset");

    private final Path location;
    private final String graphPrefix;
    /** The stored dataset, safe across compactions: what queries and downloads read. */
    private final CompactionSafeDataset stored;

    private final TitleIndex titles;
    /** The stored dataset seen through the text index: what the store writes to. */
    private final DatasetGraph dataset;

    private final ProvenanceTriples provenance;

    /** Write transactions committed since the store was opened: tells the compaction when to measure the store. */
    private final AtomicLong writes = new AtomicLong();

    /** Shared by the hub's write transactions, exclusive to {@link #withoutWriters}. */
    private final ReentrantReadWriteLock writers = new ReentrantReadWriteLock();

    /**
     * @param textLocation the directory of the full-text index; a missing index is built from the store
     * @param graphPrefix the change log's graphs start with it ({@code <base>graph/}); other graphs are never cleared
     */
    public TdbEntityStore(Path location, Path textLocation, String graphPrefix, ProvenanceTriples provenance) {
        this.location = location.toAbsolutePath();
        this.graphPrefix = graphPrefix;
        this.stored = new CompactionSafeDataset(
                (DatasetGraphSwitchable) DatabaseMgr.connectDatasetGraph(this.location.toString()));
        this.titles = TitleIndex.open(textLocation.toAbsolutePath());
        this.dataset = titles.over(stored);
        Txn.executeRead(stored, () -> titles.catchUp(stored));
        this.provenance = provenance;
    }

    /**
     * The TDB2 dataset, for reading (the SPARQL endpoint): its context names the full-text index, so
     * {@code text:query} finds it.
     */
    public DatasetGraph dataset() {
        return stored;
    }

    /** Write transactions committed since the store was opened. */
    public long writes() {
        return writes.get();
    }

    private void write(Runnable transaction) {
        writers.readLock().lock();
        try {
            Txn.executeWrite(dataset, transaction);
            writes.incrementAndGet();
        } finally {
            writers.readLock().unlock();
        }
    }

    @Override
    public Map<TopicPartition, Long> offsets() {
        return Txn.calculateRead(dataset, () -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            dataset.getDefaultGraph().find(Node.ANY, NEXT_OFFSET, Node.ANY).forEachRemaining(t -> {
                String key = t.getSubject().getURI().substring(OFFSET_PREFIX.length());
                int colon = key.lastIndexOf(':');
                offsets.put(
                        new TopicPartition(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1))),
                        ((Number) t.getObject().getLiteralValue()).longValue());
            });
            return offsets;
        });
    }

    @Override
    public void apply(List<Change> changes, Map<TopicPartition, Long> nextOffsets) {
        write(() -> {
            for (Change change : changes) {
                removeEntity(NodeFactory.createURI(change.entityIri()));
                if (change.type() != ChangeType.DELETED) {
                    addEntity(change);
                }
            }
            nextOffsets.forEach(this::storeOffset);
        });
    }

    private void removeEntity(Node entity) {
        List<Quad> doomed = new ArrayList<>();
        collect(Node.ANY, entity, doomed);
        doomed.forEach(dataset::delete);
    }

    private void collect(Node graph, Node subject, List<Quad> into) {
        List<Quad> quads = new ArrayList<>();
        dataset.find(graph, subject, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        for (Quad quad : quads) {
            into.add(quad);
            if (quad.getObject().isBlank()) {
                collect(quad.getGraph(), quad.getObject(), into);
            }
        }
    }

    private void addEntity(Change change) {
        Node graph = NodeFactory.createURI(change.graphIri());
        change.entity()
                .find()
                .forEachRemaining(t -> dataset.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
        for (Triple t : provenance.of(change)) {
            dataset.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    private void storeOffset(TopicPartition partition, long next) {
        Node subject = NodeFactory.createURI(OFFSET_PREFIX + partition.topic() + ":" + partition.partition());
        dataset.getDefaultGraph().remove(subject, NEXT_OFFSET, Node.ANY);
        dataset.getDefaultGraph()
                .add(subject, NEXT_OFFSET, NodeFactory.createLiteralDT(Long.toString(next), XSDDatatype.XSDlong));
    }

    @Override
    public void clear() {
        // Past the text dataset, which would remove the graphs triple by triple; the index drops their documents at
        // once, in the same transaction.
        write(() -> {
            stored.getDefaultGraph().clear();
            graphsStartingWith(graphPrefix).forEach(stored::removeGraph);
            titles.removeGraphsStartingWith(graphPrefix);
        });
    }

    private List<Node> graphsStartingWith(String prefix) {
        List<Node> graphs = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(graph -> {
            if (graph.isURI() && graph.getURI().startsWith(prefix)) {
                graphs.add(graph);
            }
        });
        return graphs;
    }

    @Override
    public void replaceGraphs(String prefix, Map<String, Graph> graphs) {
        write(() -> {
            for (Node stored : graphsStartingWith(prefix)) {
                Graph content = graphs.get(stored.getURI());
                // An unchanged graph is not rewritten: TDB2 keeps every rewritten block until a compaction, and the
                // hub republishes the vocabulary at every start.
                if (content == null || !dataset.getGraph(stored).isIsomorphicWith(content)) {
                    dataset.removeGraph(stored);
                }
            }
            graphs.forEach((iri, content) -> {
                Node graph = NodeFactory.createURI(iri);
                if (!dataset.containsGraph(graph)) {
                    content.find()
                            .forEachRemaining(t -> dataset.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
                }
            });
        });
    }

    @Override
    public long size() {
        return Txn.calculateRead(
                dataset,
                () -> graphsStartingWith(graphPrefix).stream()
                        .mapToLong(graph -> dataset.getGraph(graph).size())
                        .sum());
    }

    /** The quads of every named graph, counted in TDB2's quad index without decoding a node. */
    public long quadCount() {
        DatasetGraphSwitchable switchable = switchable();
        return Txn.calculateRead(
                switchable,
                () -> TDBInternal.getDatasetGraphTDB(switchable)
                        .getQuadTable()
                        .getNodeTupleTable()
                        .size());
    }

    /**
     * Runs {@code work} with the hub's writes to the store held back (it waits for a write under way, and the next
     * one waits for it): the files on disk then hold the committed data only, not the blocks a transaction in progress
     * has taken.
     */
    public <T> T withoutWriters(Supplier<T> work) {
        writers.writeLock().lock();
        try {
            return work.get();
        } finally {
            writers.writeLock().unlock();
        }
    }

    @Override
    public String describe() {
        return "TDB2 in " + location;
    }

    /** The dataset {@link DatabaseMgr#compact} switches to a new generation. */
    DatasetGraphSwitchable switchable() {
        return stored.switchable();
    }

    /** The store's directory, which holds its generations {@code Data-NNNN}. */
    public Path location() {
        return location;
    }

    @Override
    public long freeBytes() {
        try {
            return Files.getFileStore(location).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        // Closes the index, and releases the location, so the same directory can be opened again (a restart within
        // one JVM).
        dataset.close();
        TDBInternal.expel(stored.switchable());
    }
}
