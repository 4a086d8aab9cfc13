package cz.spojka.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;

/**
 * Checks that Java keeps no hand-written copy of a vocabulary IRI that {@code vocab/} does not declare: every
 * {@code http(s)} IRI written in a string literal or text block of a Java source (comments are not checked) must be
 * the subject of a triple in a Turtle file under {@code vocab/} — the ontology, the codelists, the reference data, the
 * shapes, or a standard's file bundled there — or an IRI a bundled JSON-LD context of an open formal norm maps a term
 * or a prefix to (the norm declares it; {@code vocab/contexts/}). An IRI is checked whole, so a namespace written alone (to which code
 * appends a local name) is reported too: the terms it would make cannot be seen, so each must be written whole, or
 * taken from Jena's vocabulary classes ({@code RDF}, {@code XSDDatatype}, …) for the W3C standards. Addresses that
 * are not vocabulary ({@link #NOT_VOCABULARY}) are left out; {@code urn:x-spojka:} IRIs name the store's internal
 * bookkeeping, are never published, and are not {@code http(s)} IRIs.
 */
final class JavaVocabularyIris {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Addresses that Java may write and that are no vocabulary: the hub's own default addresses, the documents of the
     * open formal norms (their JSON-LD contexts and JSON Schemas, which the hub bundles and names by URL), the IANA
     * media types (a register of documents, not terms) and the OGC's coordinate reference systems.
     */
    static final Pattern NOT_VOCABULARY = Pattern.compile("https?://localhost([:/].*)?"
            + "|https://ofn\\.gov\\.cz/.*"
            + "|http://www\\.iana\\.org/assignments/media-types/.*"
            + "|http://www\\.opengis\\.net/def/crs/.*"
            + "|https://data\\.gov\\.cz/podmínky-užití/.*"
            + "|https://creativecommons\\.org/licenses/.*"
            + "|https://www\\.w3\\.org/TR/.*"
            + "|https://rpp-opendata\\.egon\\.gov\\.cz/odrpp/zdroj/.*"
            + "|https://linked\\.cuzk\\.cz/resource/ruian/.*");

    /** An IRI ends at white space, a quote, an angle bracket or any other character IRIs may not hold. */
    private static final Pattern IRI = Pattern.compile("https?://[^\\s\"'<>{}|\\\\^`]+");

    /** A problem: where the IRI is written, and which. */
    record Problem(Path file, int line, String iri) {
        @Override
        public String toString() {
            String hint = iri.endsWith("/") || iri.endsWith("#")
                    ? "; it is a namespace: write each term's whole IRI (or use Jena's vocabulary class)"
                    : "; declare it in vocab/ or correct it";
            return file + ":" + line + ": " + iri + " is not declared in vocab/" + hint;
        }
    }

    /** A string literal or text block: the line it starts on, its value with escapes decoded, and which it is. */
    record Literal(int line, String value, boolean block) {

        /** The line of the character at {@code index} of the value: a text block spans lines, a literal does not. */
        int lineOf(int index) {
            return block ? line + lineBreaks(value, index) : line;
        }
    }

    private JavaVocabularyIris() {}

    /** The problems of every {@code .java} file below {@code sourceRoot}. */
    static List<Problem> check(Path sourceRoot, Set<String> declared) {
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                problems.addAll(check(file, Files.readString(file), declared));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    static List<Problem> check(Path file, String source, Set<String> declared) {
        List<Problem> problems = new ArrayList<>();
        for (Literal literal : literals(source)) {
            Matcher iris = IRI.matcher(literal.value());
            while (iris.find()) {
                String iri = iris.group().replaceAll("[.,;:)]+$", "");
                if (!NOT_VOCABULARY.matcher(iri).matches() && !declared.contains(iri)) {
                    problems.add(new Problem(file, literal.lineOf(iris.start()), iri));
                }
            }
        }
        return problems;
    }

    /**
     * Every IRI a Turtle file under {@code vocabDir} states something about, and every IRI a JSON-LD context there
     * defines a term or a prefix as.
     */
    static Set<String> declaredIn(Path vocabDir) {
        Set<String> declared = new TreeSet<>();
        try (Stream<Path> files = Files.walk(vocabDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonld")).toList()) {
                JsonNode context = JSON.readTree(file.toFile()).path("@context");
                Map<String, String> prefixes = new HashMap<>();
                context.fields().forEachRemaining(term -> {
                    if (term.getValue().isTextual() && term.getValue().asText().matches("https?://.*[/#]")) {
                        prefixes.put(term.getKey(), term.getValue().asText());
                    }
                });
                context.forEach(definition -> {
                    JsonNode iri = definition.isTextual() ? definition : definition.path("@id");
                    if (iri.isTextual()) {
                        expanded(iri.asText(), prefixes).ifPresent(declared::add);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.walk(vocabDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ttl")).toList()) {
                RDFParser.source(file).parse(new StreamRDFBase() {
                    @Override
                    public void triple(Triple t) {
                        if (t.getSubject().isURI()) {
                            declared.add(t.getSubject().getURI());
                        }
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return declared;
    }

    /** An absolute IRI, or a compact one ({@code dcat:Dataset}) with a prefix the context defines, in full. */
    private static Optional<String> expanded(String iri, Map<String, String> prefixes) {
        if (iri.matches("https?://.*")) {
            return Optional.of(iri);
        }
        int colon = iri.indexOf(':');
        return colon < 0 || !prefixes.containsKey(iri.substring(0, colon))
                ? Optional.empty()
                : Optional.of(prefixes.get(iri.substring(0, colon)) + iri.substring(colon + 1));
    }

    /** The string literals and text blocks of a Java source, skipping comments and character literals. */
    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? source.length() : i;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += lineBreaks(source.substring(i, end), end - i);
                i = end;
            } else if (c == '"' || c == '\'') {
                boolean block = source.startsWith("\"\"\"", i);
                String close = block ? "\"\"\"" : String.valueOf(c);
                int start = i + close.length();
                int end = start;
                while (end < source.length() && !source.startsWith(close, end)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                String raw = source.substring(start, Math.min(end, source.length()));
                if (c == '"') {
                    literals.add(new Literal(line, unescape(raw), block));
                }
                line += lineBreaks(raw, raw.length());
                i = end + close.length();
            } else {
                line += c == '\n' ? 1 : 0;
                i++;
            }
        }
        return literals;
    }

    private static String unescape(String raw) {
        StringBuilder value = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                value.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'u' -> {
                    value.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 's' -> value.append(' ');
                case '\n' -> {
                    // A text block's line continuation: the line goes on.
                }
                default -> value.append(next);
            }
        }
        return value.toString();
    }

    private static int lineBreaks(String text, int upTo) {
        int breaks = 0;
        for (int i = 0; i < upTo; i++) {
            breaks += text.charAt(i) == '\n' ? 1 : 0;
        }
        return breaks;
    }
}
