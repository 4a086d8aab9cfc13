package cz.spojka.downloads;

import cz.spojka.vocab.VocabFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;

/**
 * The tabular views of the datasets, one {@code .rq} file each in {@code vocab/tables/}, read and checked at start-up.
 * A file is a SPARQL SELECT preceded by comment lines that declare it:
 *
 * <pre>
 * # @datasets uredni-deska
 * # @rows https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce | informace | notice
 * # @column informace | IRI informace | the notice's IRI
 * </pre>
 *
 * Every problem of every file is collected and the hub stops with all of them, each naming its file.
 */
final class DatasetTables {

    private static final String DATASETS = "# @datasets ";
    private static final String ROWS = "# @rows ";
    private static final String COLUMN = "# @column ";

    private final Map<String, DatasetTable> byDataset;

    private DatasetTables(Map<String, DatasetTable> byDataset) {
        this.byDataset = byDataset;
    }

    /** The tabular view of the dataset, if one is declared. */
    Optional<DatasetTable> of(String datasetId) {
        return Optional.ofNullable(byDataset.get(datasetId));
    }

    /** Every declared view by dataset id, sorted. */
    Map<String, DatasetTable> byDataset() {
        return byDataset;
    }

    /** Reads every {@code .rq} file of {@code folder}; a missing folder declares no views. */
    static DatasetTables read(Path folder) {
        List<String> problems = new ArrayList<>();
        Map<String, DatasetTable> byDataset = new TreeMap<>();
        for (Path file : VocabFolder.files(folder, ".rq")) {
            List<String> own = new ArrayList<>();
            DatasetTable table = read(file, own);
            own.forEach(problem -> problems.add(file + ": " + problem));
            if (table == null) {
                continue;
            }
            for (String dataset : table.datasets()) {
                DatasetTable earlier = byDataset.putIfAbsent(dataset, table);
                if (earlier != null) {
                    problems.add(file + ": dataset '" + dataset + "' already has its view in " + earlier.file());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The tabular views of the datasets (spojka.vocab-dir, tables/) have "
                    + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        return new DatasetTables(Collections.unmodifiableMap(byDataset));
    }

    /** The file's view, or {@code null} with the reasons added to {@code problems}. */
    private static DatasetTable read(Path file, List<String> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("cannot be read: " + e.getMessage());
            return null;
        }
        List<String> datasets = new ArrayList<>();
        List<DatasetTable.Rows> rows = new ArrayList<>();
        List<DatasetTable.Column> columns = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith(DATASETS)) {
                datasets.addAll(
                        Arrays.asList(line.substring(DATASETS.length()).trim().split("\\s+")));
            } else if (line.startsWith(ROWS)) {
                describedBy(line.substring(ROWS.length()), "@rows", problems)
                        .ifPresent(parts -> rows.add(new DatasetTable.Rows(parts[0], parts[1], parts[2])));
            } else if (line.startsWith(COLUMN)) {
                describedBy(line.substring(COLUMN.length()), "@column", problems)
                        .ifPresent(parts -> columns.add(new DatasetTable.Column(parts[0], parts[1], parts[2])));
            }
        }
        if (datasets.isEmpty()) {
            problems.add("declares no dataset: add a line '" + DATASETS + "<dataset id> …'");
        }
        if (rows.size() != 1) {
            problems.add("must declare what one row is in exactly one line '" + ROWS
                    + "<class IRI> | <Czech> | <English>', found " + rows.size());
        }
        Query query = select(text, problems);
        if (query != null) {
            checkColumns(query, columns, problems);
        }
        return problems.isEmpty()
                ? new DatasetTable(file, List.copyOf(datasets), rows.get(0), List.copyOf(columns), query)
                : null;
    }

    private static Optional<String[]> describedBy(String declaration, String directive, List<String> problems) {
        String[] parts = declaration.split("\\|");
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            problems.add(directive + " must read '<name> | <Czech> | <English>': '" + declaration.trim() + "'");
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(parts).map(String::trim).toArray(String[]::new));
    }

    /** The SELECT, or {@code null} with the reasons why it cannot be a streamed table. */
    private static Query select(String text, List<String> problems) {
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            problems.add("is not a SPARQL query: " + e.getMessage());
            return null;
        }
        if (!query.isSelectType()) {
            problems.add("must be a SELECT query");
            return null;
        }
        if (query.hasGroupBy() || query.hasAggregators() || query.hasOrderBy() || query.isDistinct()) {
            problems.add("must not group, aggregate, order or use DISTINCT: the hub streams its rows as the store"
                    + " reads them, and each of those would hold every row in memory first");
        }
        if (query.hasLimit() || query.hasOffset()) {
            problems.add("must not use LIMIT or OFFSET: the table is the whole dataset");
        }
        if (!OpVars.mentionedVars(Algebra.compile(query)).contains(Var.alloc(DatasetTable.GRAPH_VARIABLE))) {
            problems.add("must read the data inside GRAPH ?" + DatasetTable.GRAPH_VARIABLE + " { … }: the hub binds ?"
                    + DatasetTable.GRAPH_VARIABLE + " to each graph of the dataset");
        }
        return query;
    }

    private static void checkColumns(Query query, List<DatasetTable.Column> columns, List<String> problems) {
        if (query.isQueryResultStar()) {
            problems.add("must name its columns: SELECT * has no declared order");
            return;
        }
        List<String> selected = query.getResultVars();
        List<String> declared = columns.stream().map(DatasetTable.Column::name).toList();
        if (!selected.equals(declared)) {
            problems.add(
                    "the '" + COLUMN.trim() + "' lines must describe the SELECT's variables in their order: selects "
                            + selected + ", describes " + declared);
        }
    }
}
