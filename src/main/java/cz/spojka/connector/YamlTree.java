package cz.spojka.connector;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read as plain values (maps, lists, strings) that remembers the line of every field, so configuration
 * problems can name the file, the line and the field. Fields are addressed by dotted paths ({@code dataset.title.cs},
 * {@code entities[1].class}).
 */
final class YamlTree {

    private final Path file;
    private final Object root;
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private YamlTree(Path file, Node node) {
        this.file = file;
        this.root = node == null ? Map.of() : convert(node, "");
    }

    /** Parses the file; a syntax error is reported as a problem with the line the parser gives. */
    static YamlTree read(Path file) throws IOException, YamlSyntaxException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            return new YamlTree(file, yaml.compose(reader));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new YamlSyntaxException(line, e.getProblem());
        }
    }

    Path file() {
        return file;
    }

    Object root() {
        return root;
    }

    /** The value at a dotted path, or null. */
    Object get(String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** The 1-based line of a field, or of its closest present parent, or 1. */
    int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 1;
    }

    private Object convert(Node node, String path) {
        if (!path.isEmpty()) {
            lines.put(path, node.getStartMark().getLine() + 1);
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(convert(item, path + "[" + list.size() + "]"));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(tuple.getKeyNode());
            String childPath = path.isEmpty() ? key : path + "." + key;
            lines.put(childPath, tuple.getKeyNode().getStartMark().getLine() + 1);
            map.put(key, convert(tuple.getValueNode(), childPath));
            lines.put(childPath, tuple.getKeyNode().getStartMark().getLine() + 1);
        }
        return map;
    }

    /** A YAML file that does not parse, with the parser's line and message. */
    static final class YamlSyntaxException extends Exception {
        private final int line;

        YamlSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
