package cz.spojka.sparql;

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

/**
 * The example queries of the query UI, one {@code .rq} file each in {@code vocab/queries/}, read and checked at
 * start-up. A file is a SPARQL query whose comment lines describe it and declare:
 *
 * <pre>
 * # @title Nejnovější oznámení na úředních deskách | The latest notices on the notice boards
 * # @group Úřední desky | Notice boards
 * # @datasets uredni-deska
 * </pre>
 *
 * {@code @datasets} is optional (an example over the vocabulary, the reference data or the catalogue reads none).
 * Every problem of every file is collected and the hub stops with all of them, each naming its file.
 */
final class QueryExamples {

    private static final String TITLE = "# @title ";
    private static final String GROUP = "# @group ";
    private static final String DATASETS = "# @datasets ";

    private final List<QueryExample> examples;
    private final Map<String, String> prefixes;

    private QueryExamples(List<QueryExample> examples, Map<String, String> prefixes) {
        this.examples = examples;
        this.prefixes = prefixes;
    }

    /** Every example, in the order of their file names. */
    List<QueryExample> all() {
        return examples;
    }

    /** The prefixes the examples declare, by prefix: what the editor offers to complete. */
    Map<String, String> prefixes() {
        return prefixes;
    }

    /** Reads every {@code .rq} file of {@code folder}; a missing folder has no examples. */
    static QueryExamples read(Path folder) {
        List<String> problems = new ArrayList<>();
        List<QueryExample> examples = new ArrayList<>();
        Map<String, String> prefixes = new TreeMap<>();
        for (Path file : VocabFolder.files(folder, ".rq")) {
            List<String> own = new ArrayList<>();
            QueryExample example = read(file, own, prefixes);
            own.forEach(problem -> problems.add(file + ": " + problem));
            if (example != null) {
                examples.add(example);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The example queries (spojka.vocab-dir, queries/) have " + problems.size()
                    + " problem(s):\n  " + String.join("\n  ", problems));
        }
        return new QueryExamples(List.copyOf(examples), Collections.unmodifiableMap(prefixes));
    }

    /** The file's example, or {@code null} with the reasons added to {@code problems}. */
    private static QueryExample read(Path file, List<String> problems, Map<String, String> prefixes) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("cannot be read: " + e.getMessage());
            return null;
        }
        List<String[]> titles = new ArrayList<>();
        List<String[]> groups = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
        List<String> description = new ArrayList<>();
        for (String line : text.lines().takeWhile(l -> l.startsWith("#")).toList()) {
            if (line.startsWith(TITLE)) {
                bilingual(line.substring(TITLE.length()), "@title", problems).ifPresent(titles::add);
            } else if (line.startsWith(GROUP)) {
                bilingual(line.substring(GROUP.length()), "@group", problems).ifPresent(groups::add);
            } else if (line.startsWith(DATASETS)) {
                datasets.addAll(
                        Arrays.asList(line.substring(DATASETS.length()).trim().split("\\s+")));
            } else if (line.startsWith("# @")) {
                problems.add("unknown declaration '" + line + "': declare " + TITLE.trim() + ", " + GROUP.trim()
                        + " and " + DATASETS.trim());
            } else if (!line.substring(1).isBlank()) {
                description.add(line.substring(1).trim());
            }
        }
        once(titles, TITLE, problems);
        once(groups, GROUP, problems);
        Optional<Query> query = parse(text, problems);
        if (!problems.isEmpty() || query.isEmpty()) {
            return null;
        }
        prefixes.putAll(query.get().getPrefixMapping().getNsPrefixMap());
        String fileName = file.getFileName().toString();
        return new QueryExample(
                fileName.substring(0, fileName.length() - ".rq".length()),
                titles.get(0)[0],
                titles.get(0)[1],
                groups.get(0)[0],
                groups.get(0)[1],
                List.copyOf(datasets),
                String.join(" ", description),
                withoutDeclarations(text));
    }

    /** The query as a reader wants it in the editor: its description, without the declarations meant for the hub. */
    private static String withoutDeclarations(String text) {
        List<String> lines = new ArrayList<>(
                text.lines().filter(line -> !line.startsWith("# @")).toList());
        int body = 0;
        while (body < lines.size() && lines.get(body).startsWith("#")) {
            body++;
        }
        while (body > 0 && lines.get(body - 1).equals("#")) {
            lines.remove(--body);
        }
        return String.join("\n", lines) + "\n";
    }

    private static Optional<String[]> bilingual(String declaration, String directive, List<String> problems) {
        String[] parts = declaration.split("\\|");
        if (parts.length != 2 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            problems.add(directive + " must read '<Czech> | <English>': '" + declaration.trim() + "'");
            return Optional.empty();
        }
        return Optional.of(new String[] {parts[0].trim(), parts[1].trim()});
    }

    private static void once(List<String[]> declared, String directive, List<String> problems) {
        if (declared.size() != 1 && problems.stream().noneMatch(p -> p.startsWith(directive.substring(2)))) {
            problems.add("must declare exactly one line '" + directive + "<Czech> | <English>' in its leading"
                    + " comments, found " + declared.size());
        }
    }

    private static Optional<Query> parse(String text, List<String> problems) {
        try {
            return Optional.of(QueryFactory.create(text));
        } catch (QueryParseException e) {
            problems.add("is not a SPARQL query: " + e.getMessage());
            return Optional.empty();
        }
    }
}
