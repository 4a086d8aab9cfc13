package cz.spojka.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real notice-board samples of the demo connectors, cut into the pages a paging agenda system would serve. */
final class SamplePages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOCUMENT = Pattern.compile("(?s)\\s*<document\\b.*?</document>");

    private SamplePages() {}

    /** All 182 boards of the OFN sample, each with its notices. */
    static ArrayNode ofnBoards() {
        try {
            return (ArrayNode) JSON.readTree(AgendaSystem.sample(AgendaSystem.OFN, AgendaSystem.OFN_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The boards {@code from} (inclusive) to {@code to} (exclusive) of the OFN sample, as an OFN body. */
    static ArrayNode ofnBoards(int from, int to) {
        ArrayNode all = ofnBoards();
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        for (int i = from; i < to; i++) {
            page.add(all.get(i));
        }
        return page;
    }

    /** An envelope as many JSON APIs page: the boards under {@code polozky}, the next page's address under {@code dalsi}. */
    static ObjectNode envelope(ArrayNode boards, String next) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set("polozky", boards);
        if (next == null) {
            envelope.putNull("dalsi");
        } else {
            envelope.put("dalsi", next);
        }
        return envelope;
    }

    static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The eDesky sample's 43 documents in pages of {@code size}, re-encoded in {@code charset} (the XML declaration
     * says so), then one page with an empty document list, as a source answers past its last document.
     */
    static List<byte[]> edeskyPages(int size, Charset charset) {
        String xml = new String(
                        AgendaSystem.sample(AgendaSystem.EDESKY, AgendaSystem.EDESKY_FILE), StandardCharsets.UTF_8)
                .replace("encoding='utf-8'", "encoding='" + charset.name() + "'");
        String head = xml.substring(0, xml.indexOf("<documents>") + "<documents>".length());
        String tail = xml.substring(xml.indexOf("</documents>"));
        List<String> documents = new ArrayList<>();
        Matcher document = DOCUMENT.matcher(xml);
        while (document.find()) {
            documents.add(document.group());
        }
        List<byte[]> pages = new ArrayList<>();
        for (int from = 0; from < documents.size(); from += size) {
            List<String> page = documents.subList(from, Math.min(documents.size(), from + size));
            pages.add((head + String.join("", page) + "\n    " + tail).getBytes(charset));
        }
        pages.add((head + tail).getBytes(charset));
        return pages;
    }
}
