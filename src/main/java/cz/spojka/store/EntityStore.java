package cz.spojka.store;

import cz.spojka.changelog.Change;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the change log is materialized. {@link #apply} writes a batch of changes and the change-log offsets after
 * them in one transaction, so the store always equals the change log up to its stored offsets: after a crash the
 * materializer resumes from there and nothing is lost or applied twice.
 */
public interface EntityStore extends AutoCloseable {

    /** The offset of the next change to apply, per partition of the change log; empty for a new store. */
    Map<TopicPartition, Long> offsets();

    /** Applies the changes in order and stores the offsets, atomically. */
    void apply(List<Change> changes, Map<TopicPartition, Long> nextOffsets);

    /**
     * Removes every entity and offset, before a rebuild from the change log. Graphs outside the change log (see
     * {@link #replaceGraphs}) stay.
     */
    void clear();

    /**
     * Makes the named graphs whose IRIs start with {@code prefix} exactly {@code graphs} (graph IRI → content), in one
     * transaction. For graphs that do not come from the change log: the vocabulary and codelists the hub publishes
     * beside the data, so that SPARQL finds the labels of the concepts the data links to.
     */
    void replaceGraphs(String prefix, Map<String, Graph> graphs);

    /** Number of triples in the change log's named graphs (the published data). */
    long size();

    /** A short description for the start-up summary and health ("TDB2 in /data/tdb2"). */
    String describe();

    /** Bytes free for the store on its file system, or -1 when unknown (an external store). */
    default long freeBytes() {
        return -1;
    }

    @Override
    void close();
}
