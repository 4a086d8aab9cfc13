package cz.spojka.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.mapping.MappingSpec;
import cz.spojka.mapping.RecordMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.QueryParseException;

/** Reads and checks a connector's {@code mapping.yaml}; every problem is collected by the {@link ConnectorReader}. */
final class MappingReader {

    static final List<String> FIELDS = List.of(
            "version", "format", "charset", "csv", "records", "recordId", "select", "context", "entities", "construct");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern POINTER = Pattern.compile("(/[^/]*)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MappingReader() {}

    static MappingSpec read(ConnectorReader in, Path folder) {
        in.onlyKnownKeys("", FIELDS);
        String version = in.required("version");
        List<String> formats =
                Arrays.stream(MappingSpec.SourceFormat.values()).map(Enum::name).toList();
        String format = in.oneOf("format", in.required("format"), formats);
        MappingSpec.SourceFormat sourceFormat =
                formats.contains(format) ? MappingSpec.SourceFormat.valueOf(format) : null;
        MappingSpec.SourceOptions source = SourceOptionsReader.read(in, sourceFormat);
        List<String> declared = pointers(in, "records", "", "a JSON Pointer ('' or '/a/b')");
        List<String> records = declared.isEmpty() ? List.of("") : declared;
        if (sourceFormat != null && sourceFormat.lineBased() && !records.equals(List.of(""))) {
            in.problem("records", "must be '' for format '" + format + "': every line of the body is a record");
        }
        List<String> recordId = pointers(in, "recordId", null, "a JSON Pointer ('/id')");
        String context = context(in, folder);
        List<MappingSpec.EntityClass> entities = entities(in);
        String construct = construct(in);
        if (sourceFormat != null && sourceFormat != MappingSpec.SourceFormat.jsonld && context == null) {
            in.problem(
                    "context",
                    "is required for format '" + format + "': a JSON-LD context (a file in the"
                            + " connector folder or an inline mapping) that turns the record's fields into IRIs");
        }
        return sourceFormat == null
                ? null
                : new MappingSpec(
                        version + "+" + contentHash(in.file(), context),
                        sourceFormat,
                        records,
                        recordId,
                        context,
                        entities,
                        construct,
                        source);
    }

    /**
     * The first 12 hex digits of the SHA-256 of the mapping file and the context it reads records with: the
     * provenance names the exact mapping an entity was made with, even when nobody raised the declared version.
     */
    private static String contentHash(Path mappingFile, String context) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(Files.readAllBytes(mappingFile));
            if (context != null) {
                sha256.update(context.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + mappingFile + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * One JSON Pointer, or a list of them: for {@code records} the places tried in order (one mapping, several
     * shapes of body), for {@code recordId} the parts of a composite key.
     *
     * @param defaultValue the pointer when the field is absent, or {@code null} when it is required
     */
    private static List<String> pointers(ConnectorReader in, String field, String defaultValue, String what) {
        if (!(in.raw(field) instanceof List<?> parts)) {
            String pointer = in.matching(
                    field, defaultValue == null ? in.required(field) : in.optional(field, defaultValue), POINTER, what);
            return pointer == null ? List.of() : List.of(pointer);
        }
        if (parts.isEmpty()) {
            in.problem(field, "must name at least one " + what.replaceFirst("^a ", ""));
        }
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String item = field + "[" + i + "]";
            if (parts.get(i) instanceof String pointer) {
                pointers.add(in.matching(item, in.resolve(item, pointer), POINTER, what));
            } else {
                in.problem(item, "must be " + what + ", not a mapping or a list");
            }
        }
        return pointers;
    }

    private static String context(ConnectorReader in, Path folder) {
        Object value = in.raw("context");
        try {
            if (value instanceof Map<?, ?> inline) {
                return JSON.writeValueAsString(inline);
            }
            if (value instanceof String file) {
                Path path = folder.resolve(file);
                if (!Files.isRegularFile(path)) {
                    in.problem("context", "file '" + file + "' does not exist in " + folder);
                    return null;
                }
                String text = Files.readString(path);
                JSON.readTree(text);
                return text;
            }
        } catch (JsonProcessingException e) {
            in.problem("context", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            in.problem("context", "cannot be read: " + e.getMessage());
        }
        return null;
    }

    private static List<MappingSpec.EntityClass> entities(ConnectorReader in) {
        List<MappingSpec.EntityClass> entities = new ArrayList<>();
        List<?> declared = in.list("entities");
        if (declared.isEmpty()) {
            in.problem("entities", "must list at least one entity class (- class: <IRI>, kind: <name>)");
        }
        for (int i = 0; i < declared.size(); i++) {
            String prefix = "entities[" + i + "]";
            if (!(declared.get(i) instanceof Map<?, ?> item)) {
                in.problem(prefix, "must be a mapping with 'class' and 'kind'");
                continue;
            }
            String classIri = item.get("class") instanceof String c ? c : null;
            String kind = item.get("kind") instanceof String k ? k : null;
            if (classIri == null || !IRIs.check(classIri) || !classIri.contains(":")) {
                in.problem(prefix + ".class", "'" + classIri + "' is not an absolute IRI");
            }
            if (kind == null || !KIND.matcher(kind).matches()) {
                in.problem(prefix + ".kind", "'" + kind + "' is not a kind name (lower-case letters, digits, '-')");
            }
            entities.add(new MappingSpec.EntityClass(classIri, kind));
        }
        return entities;
    }

    private static String construct(ConnectorReader in) {
        String sparql = in.required("construct");
        if (sparql != null) {
            try {
                RecordMapper.parseConstruct(sparql);
            } catch (QueryParseException e) {
                // A block scalar's text starts on the line after its key.
                int line = e.getLine() > 0 ? in.line("construct") + e.getLine() : in.line("construct");
                in.problemAtLine("construct", line, "is not a valid SPARQL CONSTRUCT query: " + e.getMessage());
            }
        }
        return sparql;
    }
}
