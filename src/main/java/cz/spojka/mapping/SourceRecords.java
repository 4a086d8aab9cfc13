package cz.spojka.mapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;

/**
 * Splits a fetched body into records by the mapping's JSON Pointers. XML is read into the same JSON tree (attributes
 * and child elements become fields) with DTDs and external entities disabled, so a hostile document cannot read
 * files or expand entities.
 */
final class SourceRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XmlMapper XML = new XmlMapper(secureXmlFactory());

    private SourceRecords() {}

    /** Returns the records; a body that cannot be parsed at all throws, since then no record can be trusted. */
    static List<SourceRecordNode> split(byte[] body, MappingSpec spec) {
        JsonNode root = parse(body, spec.format());
        JsonPointer pointer = JsonPointer.compile(spec.recordsPointer());
        JsonNode records = root.at(pointer);
        if (records.isMissingNode()) {
            // An XML list without items (<documents></documents>) has its parent but no item elements.
            if (spec.format() == MappingSpec.SourceFormat.xml
                    && !root.at(pointer.head()).isMissingNode()) {
                return List.of();
            }
            throw new MappingException("The body has nothing at the records pointer '" + spec.recordsPointer() + "'");
        }
        List<SourceRecordNode> result = new ArrayList<>();
        if (records.isArray()) {
            records.forEach(node -> result.add(recordNode(node, result.size(), spec)));
        } else if (!records.isNull()) {
            // XML has no arrays: a single repeated element reads as one object.
            result.add(recordNode(records, 0, spec));
        }
        return result;
    }

    static JsonNode parse(byte[] body, MappingSpec.SourceFormat format) {
        try {
            return switch (format) {
                case json, jsonld -> JSON.readTree(body);
                case xml -> XML.readTree(body);
            };
        } catch (IOException e) {
            throw new MappingException("The body is not well-formed " + format + ": " + e.getMessage(), e);
        }
    }

    private static SourceRecordNode recordNode(JsonNode node, int index, MappingSpec spec) {
        JsonNode id = node.at(JsonPointer.compile(spec.recordIdPointer()));
        String recordId = id.isValueNode() && !id.isNull() && !id.asText().isBlank() ? id.asText() : null;
        return new SourceRecordNode(recordId, index, node);
    }

    private static XmlFactory secureXmlFactory() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return XmlFactory.builder().xmlInputFactory(input).build();
    }

    /** A record as parsed; {@code id} is null when the record has none at the id pointer. */
    record SourceRecordNode(String id, int index, JsonNode node) {
        String label() {
            return id != null ? id : "#" + index;
        }
    }
}
