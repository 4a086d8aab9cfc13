package cz.spojka.downloads;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.Query;

/**
 * The tabular view of one or more datasets, declared in a file {@code vocab/tables/<name>.rq}: the CSV download of
 * each of its datasets. {@link DatasetTables} reads and checks the files.
 *
 * @param file the file it was read from
 * @param datasets the ids of the datasets it is the view of
 * @param rows what one row is: every instance of a class in the dataset's graphs
 * @param columns the columns, in the order of the SELECT's variables
 * @param query the SELECT; the hub runs it once per graph of the dataset with {@code ?graph} bound to the graph
 */
record DatasetTable(Path file, List<String> datasets, Rows rows, List<Column> columns, Query query) {

    /** The variable the hub binds to each graph of the dataset in turn. */
    static final String GRAPH_VARIABLE = "graph";

    /**
     * @param classIri every instance of this class in the dataset's graphs is one row
     * @param cs what a row is, in Czech
     * @param en what a row is, in English
     */
    record Rows(String classIri, String cs, String en) {}

    /**
     * @param name the column's name, the SELECT variable's, as in the CSV's header
     * @param cs what the column holds, in Czech
     * @param en what the column holds, in English
     */
    record Column(String name, String cs, String en) {}

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
