package cz.spojka.mapping;

import com.ctc.wstx.api.WstxInputProperties;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Splits a fetched body into records: JSON and XML by the mapping's JSON Pointers, CSV rows and KXX data lines one
 * record each ({@link CsvRecords}, {@link KxxRecords}); then keeps the records the mapping selects. XML is read into
 * the same JSON tree (attributes and child elements become fields). A hostile body is refused as a whole, with a
 * reason naming the limit it broke (docs/connector-guide.md, "Limits on what a source sends"): an XML body that
 * declares a DOCTYPE (whose entities could read local files or the network, or expand without bound), nesting deeper
 * than {@value #MAX_DEPTH} levels, a string (an XML text or attribute) longer than {@value #MAX_STRING_CHARS}
 * characters, a JSON object with a duplicate field, or anything after the JSON value.
 */
final class SourceRecords {

    /** The deepest nesting of a body: arrays and objects in JSON, elements in XML. */
    static final int MAX_DEPTH = StrictJson.MAX_DEPTH;

    /** The longest string of a body. */
    static final int MAX_STRING_CHARS = StrictJson.MAX_STRING_CHARS;

    private static final ObjectMapper JSON = StrictJson.MAPPER;
    private static final XMLInputFactory XML_INPUT = secureXmlInput();
    private static final XmlMapper XML =
            new XmlMapper(XmlFactory.builder().xmlInputFactory(XML_INPUT).build());

    private SourceRecords() {}

    /**
     * Returns the records; a body that cannot be parsed at all, or (a tree) has nothing at any records pointer,
     * throws, since then no record can be trusted.
     */
    static List<SourceRecordNode> split(byte[] body, MappingSpec spec) {
        if (blank(body)) {
            // Otherwise JSON reads as nothing at the records pointer, CSV as a missing header, KXX as a missing file
            // header: the one cause, said plainly.
            throw new MappingException("The body is empty");
        }
        List<SourceRecordNode> records = spec.format().lineBased() ? lines(body, spec) : tree(body, spec);
        return withoutDuplicateIds(selected(records, spec.source().select()));
    }

    /**
     * Rejects every record whose id another record of the body has too: which of them the source meant is unknown,
     * and publishing the last one would hide the others silently.
     */
    private static List<SourceRecordNode> withoutDuplicateIds(List<SourceRecordNode> records) {
        Map<String, List<String>> positions = new HashMap<>();
        for (SourceRecordNode record : records) {
            if (record.id() != null && record.error() == null) {
                positions.computeIfAbsent(record.id(), id -> new ArrayList<>()).add(record.position());
            }
        }
        if (positions.values().stream().allMatch(p -> p.size() == 1)) {
            return records;
        }
        return records.stream()
                .map(record -> record.id() == null
                                || record.error() != null
                                || positions.get(record.id()).size() == 1
                        ? record
                        : new SourceRecordNode(
                                record.id(),
                                record.position(),
                                record.node(),
                                "the record id '" + record.id() + "' appears "
                                        + positions.get(record.id()).size() + " times in the body ("
                                        + String.join(", ", positions.get(record.id()))
                                        + "): which of the records is right is unknown, so none is published"))
                .toList();
    }

    /**
     * A record kept as its tree (a dead letter's), read as {@link #split} reads a record of a body: its id by the
     * mapping's id pointers, then the mapping's selection, which may leave nothing.
     */
    static List<SourceRecordNode> kept(JsonNode record, MappingSpec spec) {
        return selected(List.of(recordNode(record, "#0", spec)), spec.source().select());
    }

    /** The records at the first records pointer that finds anything in the body. */
    private static List<SourceRecordNode> tree(byte[] body, MappingSpec spec) {
        JsonNode root = parse(body, spec.format(), spec.source().charset());
        for (String recordsPointer : spec.recordsPointers()) {
            JsonNode records = root.at(JsonPointer.compile(recordsPointer));
            if (!records.isMissingNode()) {
                return records(records, spec);
            }
        }
        // An XML list without items (<documents></documents>) has its parent but no item elements.
        if (spec.format() == MappingSpec.SourceFormat.xml
                && spec.recordsPointers().stream()
                        .anyMatch(p -> !root.at(JsonPointer.compile(p).head()).isMissingNode())) {
            return List.of();
        }
        throw new MappingException(
                spec.recordsPointers().size() == 1
                        ? "The body has nothing at the records pointer '"
                                + spec.recordsPointers().get(0) + "'"
                        : "The body has nothing at any of the records pointers "
                                + spec.recordsPointers().stream()
                                        .map(p -> "'" + p + "'")
                                        .toList());
    }

    /**
     * Whether an XML body is in UTF-8 by its declaration (or by having none, without a UTF-16 byte-order mark), so
     * that it is checked strictly: the XML parser, like Jackson, decodes overlong UTF-8 sequences without complaint.
     */
    private static boolean declaresUtf8(byte[] body) {
        if (body.length >= 2 && (body[0] == (byte) 0xFE || body[0] == (byte) 0xFF || body[0] == 0 || body[1] == 0)) {
            return false;
        }
        String prolog = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher encoding = Pattern.compile(
                        "^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)")
                .matcher(prolog);
        return !encoding.find() || encoding.group(1).equalsIgnoreCase("UTF-8");
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static List<SourceRecordNode> records(JsonNode records, MappingSpec spec) {
        List<SourceRecordNode> result = new ArrayList<>();
        if (records.isArray()) {
            records.forEach(node -> result.add(recordNode(node, "#" + result.size(), spec)));
        } else if (records.isNull()) {
            // Not an empty list: a complete snapshot read as no records would delete every published entity.
            throw new MappingException("The body has null where its records should be, not a list of them");
        } else {
            // XML has no arrays: a single repeated element reads as one object.
            result.add(recordNode(records, "#0", spec));
        }
        return result;
    }

    static JsonNode parse(byte[] body, MappingSpec.SourceFormat format, Charset charset) {
        try {
            // Without a charset the parsers detect the encoding themselves (JSON's UTF-8/16/32, the XML declaration).
            return switch (format) {
                case xml -> {
                    if (charset == null && declaresUtf8(body)) {
                        BodyText.requireUtf8(body);
                    }
                    String text = charset == null ? null : BodyText.decode(body, charset);
                    refuseDoctype(body, text);
                    yield refuseLongTexts(text == null ? XML.readTree(body) : XML.readTree(text));
                }
                default -> charset == null ? StrictJson.read(body) : JSON.readTree(BodyText.decode(body, charset));
            };
        } catch (IOException e) {
            throw new MappingException("The body is not well-formed " + format + ": " + e.getMessage(), e);
        }
    }

    private static List<SourceRecordNode> lines(byte[] body, MappingSpec spec) {
        Charset charset = spec.source().charset() == null
                ? StandardCharsets.UTF_8
                : spec.source().charset();
        String text = BodyText.decode(body, charset);
        List<SourceLine> lines = spec.format() == MappingSpec.SourceFormat.csv
                ? CsvRecords.read(
                        text,
                        spec.source().csv() == null
                                ? MappingSpec.Csv.DEFAULT
                                : spec.source().csv())
                : KxxRecords.read(text);
        List<SourceRecordNode> result = new ArrayList<>();
        for (SourceLine line : lines) {
            String position = "line " + line.number();
            String error = line.error() == null ? longestField(line.node()) : line.error();
            result.add(
                    error == null
                            ? recordNode(line.node(), position, spec)
                            : new SourceRecordNode(null, position, line.node(), error));
        }
        return result;
    }

    /**
     * Why a line's field is too long, or null: a value of millions of characters is garbage or an attack, and a
     * mapping that casts it to a number would hold a mapping thread for minutes (found by HostileInputIT: a CSV
     * amount of ten million digits stalled the mapping of every connector).
     */
    private static String longestField(JsonNode node) {
        for (JsonNode field : node) {
            if (field.isTextual() && field.textValue().length() > MAX_STRING_CHARS) {
                return "a field of " + field.textValue().length() + " characters exceeds the maximum allowed ("
                        + MAX_STRING_CHARS + ")";
            }
        }
        return null;
    }

    private static List<SourceRecordNode> selected(List<SourceRecordNode> records, Map<String, Pattern> select) {
        if (select.isEmpty()) {
            return records;
        }
        // A malformed record stays: what it would have held is unknown, so it is rejected rather than passed over.
        return records.stream()
                .filter(record -> record.error() != null
                        || select.entrySet().stream().allMatch(s -> matches(record.node(), s.getKey(), s.getValue())))
                .toList();
    }

    private static boolean matches(JsonNode record, String pointer, Pattern pattern) {
        JsonNode value = record.at(pointer);
        return value.isValueNode()
                && !value.isNull()
                && pattern.matcher(value.asText()).matches();
    }

    private static SourceRecordNode recordNode(JsonNode node, String position, MappingSpec spec) {
        List<String> parts = new ArrayList<>();
        for (String pointer : spec.recordIdPointers()) {
            JsonNode part = node.at(pointer);
            if (!part.isValueNode() || part.isNull() || part.asText().isBlank()) {
                return new SourceRecordNode(null, position, node, null);
            }
            parts.add(part.asText());
        }
        return new SourceRecordNode(String.join("/", parts), position, node, null);
    }

    /**
     * Refuses an XML body with a DOCTYPE before it is read. With DTD support off the parser skips a DTD without
     * reading its entities, so an external entity (XXE) or an entity expansion ("billion laughs") in it cannot harm
     * the hub; but a document that relies on them is not the document the source meant to send, and reading it
     * without them would publish something else, or nothing, silently. Only the prolog is read here.
     */
    private static void refuseDoctype(byte[] body, String text) {
        XMLStreamReader reader = null;
        try {
            reader = text == null
                    ? XML_INPUT.createXMLStreamReader(new ByteArrayInputStream(body))
                    : XML_INPUT.createXMLStreamReader(new StringReader(text));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new MappingException("The body declares a DOCTYPE: the hub reads no DTDs and no entities"
                            + " declared in them, as they can read local files or the network (XXE) or expand"
                            + " without bound (billion laughs); send the document without its DOCTYPE");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
            }
        } catch (XMLStreamException e) {
            // A malformed prolog: the full read reports it with its position.
        } finally {
            close(reader);
        }
    }

    /**
     * Refuses an XML tree with a text longer than {@value #MAX_STRING_CHARS} characters, as the JSON parser refuses
     * such a string: Woodstox enforces its text length limit only on some of its reading paths.
     */
    private static JsonNode refuseLongTexts(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && node.textValue().length() > MAX_STRING_CHARS) {
                throw new MappingException("The body is not well-formed xml: a text of "
                        + node.textValue().length() + " characters exceeds the maximum allowed (" + MAX_STRING_CHARS
                        + ")");
            }
            node.forEach(pending::push);
        }
        return root;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing is held open: the reader reads a byte array or a string.
            }
        }
    }

    private static XMLInputFactory secureXmlInput() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        input.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_STRING_CHARS);
        return input;
    }

    /**
     * A record as read.
     *
     * @param id the record's id, or null when it has none at the id pointers
     * @param position where the record is in the body, for messages: {@code #3} (the fourth record of a tree) or
     *     {@code line 17} (CSV, KXX)
     * @param node the record's fields or, for a malformed line, what was read of it
     * @param error why the record is malformed, or null
     */
    record SourceRecordNode(String id, String position, JsonNode node, String error) {
        String label() {
            return id != null ? id : position;
        }
    }
}
