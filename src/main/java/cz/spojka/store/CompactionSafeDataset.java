package cz.spojka.store;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;

/**
 * The TDB2 store as the hub reads and writes it, safe across a compaction. A compaction switches the store
 * ({@link DatasetGraphSwitchable}) to a new generation while queries run, and then waits for every transaction still
 * open on the old generation. Through the switchable dataset alone, a read transaction begun before the switch would
 * end on the new generation, leaving its transaction on the old one open for ever: the compaction would hang (seen
 * with Jena 5.6). Here a read transaction begins directly on the generation current at its start, and everything it
 * reads and its end go there ({@link #get()} is that generation while it lasts; ARQ's query engine unwraps to it).
 * Write transactions go through the switchable dataset, which holds them back while a compaction copies.
 */
final class CompactionSafeDataset extends DatasetGraphWrapper {

    private final DatasetGraphSwitchable switchable;
    private final ThreadLocal<DatasetGraph> reading = new ThreadLocal<>();

    CompactionSafeDataset(DatasetGraphSwitchable switchable) {
        // The switchable's context (the text index, the endpoint's settings) stays the same across compactions.
        super(switchable, switchable.getContext());
        this.switchable = switchable;
    }

    DatasetGraphSwitchable switchable() {
        return switchable;
    }

    @Override
    protected DatasetGraph get() {
        DatasetGraph generation = reading.get();
        return generation != null ? generation : switchable;
    }

    @Override
    public void begin(TxnType type) {
        if (type == TxnType.READ) {
            DatasetGraph generation = switchable.get();
            generation.begin(TxnType.READ);
            reading.set(generation);
        } else {
            switchable.begin(type);
        }
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public void begin() {
        begin(TxnType.READ_PROMOTE);
    }

    @Override
    public boolean promote(Promote type) {
        // A read transaction pinned to a generation never becomes a writer: TxnType.READ cannot promote anyway.
        return reading.get() == null && switchable.promote(type);
    }

    @Override
    public boolean promote() {
        return reading.get() == null && switchable.promote();
    }

    @Override
    public void commit() {
        get().commit();
    }

    @Override
    public void abort() {
        get().abort();
    }

    @Override
    public void end() {
        DatasetGraph generation = reading.get();
        if (generation != null) {
            reading.remove();
            generation.end();
        } else {
            switchable.end();
        }
    }

    @Override
    public boolean isInTransaction() {
        return reading.get() != null || switchable.isInTransaction();
    }

    @Override
    public ReadWrite transactionMode() {
        return get().transactionMode();
    }

    @Override
    public TxnType transactionType() {
        return get().transactionType();
    }
}
