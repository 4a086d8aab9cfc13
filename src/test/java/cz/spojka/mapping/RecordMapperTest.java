package cz.spojka.mapping;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.junit.jupiter.api.Test;

/** The real connectors' mappings over their real samples. */
class RecordMapperTest {

    private static final MappingBindings BINDINGS_OFN =
            new MappingBindings("http://hub.test/", "uredni-deska", "00007064", "554782");
    private static final MappingBindings BINDINGS_EDESKY =
            new MappingBindings("http://hub.test/", "uredni-deska", "00270211", "571164");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OfflineContextLoader CONTEXTS = new OfflineContextLoader(Path.of("vocab/contexts"));

    @Test
    void mapsEveryBoardAndNoticeOfTheOfnSample() throws IOException {
        List<MappedRecord> records = mapper("uredni-deska-ofn")
                .map(sample("uredni-deska-ofn", "mvcr-policie-uredni-desky-ofn-2024-05.json"), BINDINGS_OFN);
        assertThat(records).hasSize(182).noneMatch(MappedRecord::rejected);
        List<Entity> entities = Entities.merge(records);
        assertThat(entities).hasSize(182 + 1206);
        assertThat(entities.stream().filter(e -> e.kind().equals("notice"))).hasSize(1206);
        Entity notice = entities.stream()
                .filter(
                        e -> e.iri()
                                .equals(
                                        "http://hub.test/zdroj/uredni-deska/00007064/informace/opendata-test.mvcr.cz/api/boards/1/info/953"))
                .findFirst()
                .orElseThrow();
        assertThat(notice.recordId()).isEqualTo("https://opendata-test.mvcr.cz/api/boards/1");
        assertThat(objects(notice, "http://purl.org/dc/terms/isPartOf"))
                .containsExactly(
                        "<http://hub.test/zdroj/uredni-deska/00007064/deska/opendata-test.mvcr.cz/api/boards/1>");
        assertThat(objects(notice, "http://www.w3.org/2002/07/owl#sameAs"))
                .containsExactly("<https://opendata-test.mvcr.cz/api/boards/1/info/953>");
        assertThat(notice.graph().size()).isEqualTo(17);
    }

    @Test
    void mapsTheEdeskyXmlWithTheMunicipalityAndDates() throws IOException {
        List<MappedRecord> records = mapper("uredni-deska-edesky")
                .map(sample("uredni-deska-edesky", "documents-chrudim.xml"), BINDINGS_EDESKY);
        assertThat(records).hasSize(43).noneMatch(MappedRecord::rejected);
        List<Entity> entities = Entities.merge(records);
        assertThat(entities).hasSize(44);
        Entity board = entities.stream()
                .filter(e -> e.kind().equals("notice-board"))
                .findFirst()
                .orElseThrow();
        assertThat(board.iri()).isEqualTo("http://hub.test/zdroj/uredni-deska/00270211/deska/edesky.cz/desky/97");
        assertThat(objects(board, "http://purl.org/dc/terms/spatial"))
                .containsExactly("<https://linked.cuzk.cz/resource/ruian/obec/571164>");
        assertThat(objects(board, "http://www.w3.org/2002/07/owl#sameAs"))
                .containsExactly("<https://edesky.cz/desky/97>");
        assertThat(objects(board, "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/stránka-zveřejnění"))
                .as("the board's page on eDesky, which OFN Úřední desky requires")
                .containsExactly("<https://edesky.cz/desky/97>");
        assertThat(objects(board, "http://purl.org/dc/terms/publisher"))
                .containsExactly("<https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00270211>");
        Entity notice = entities.stream()
                .filter(e -> e.iri().endsWith("/dokument/3312051"))
                .findFirst()
                .orElseThrow();
        assertThat(CanonicalForm.of(notice.graph(), NodeFactory.createURI(notice.iri())))
                .contains("\"2019-10-10T17:10:14+02:00\"^^<http://www.w3.org/2001/XMLSchema#dateTimeStamp>")
                .contains("\"application/pdf\"")
                .contains("\"2019-002720.pdf\"@cs");
    }

    @Test
    void theFlatOfnContextReadsTheRealSampleExactlyAsTheOfficialContext() throws IOException {
        MappingSpec flat = spec("uredni-deska-ofn");
        MappingSpec official = new MappingSpec(
                flat.version(),
                flat.format(),
                flat.recordsPointers(),
                flat.recordIdPointer(),
                null,
                flat.entities(),
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
        MappingSpec flatIdentity = new MappingSpec(
                flat.version(),
                flat.format(),
                flat.recordsPointers(),
                flat.recordIdPointer(),
                flat.context(),
                flat.entities(),
                official.construct());
        byte[] body = sample("uredni-deska-ofn", "mvcr-policie-uredni-desky-ofn-2024-05.json");
        assertThat(canonical(new RecordMapper(flatIdentity, CONTEXTS).map(body, BINDINGS_OFN)))
                .isEqualTo(canonical(new RecordMapper(official, CONTEXTS).map(body, BINDINGS_OFN)))
                .hasSize(182 + 1206);
    }

    @Test
    void pagesFetchedTogetherMapAsOneBodyWithEachRecordNamingItsPage() throws IOException {
        RecordMapper mapper = mapper("uredni-deska-ofn");
        byte[] body = sample("uredni-deska-ofn", "mvcr-policie-uredni-desky-ofn-2024-05.json");
        ArrayNode boards = (ArrayNode) JSON.readTree(body);
        ArrayNode first = JSON.createArrayNode();
        ArrayNode second = JSON.createArrayNode();
        for (int i = 0; i < boards.size(); i++) {
            (i < 100 ? first : second).add(boards.get(i));
        }
        List<MappedRecord> records = new ArrayList<>();
        mapper.map(
                List.of(JSON.writeValueAsBytes(first), JSON.writeValueAsBytes(second)),
                BINDINGS_OFN,
                32,
                records::addAll);
        assertThat(records).hasSize(182).noneMatch(MappedRecord::rejected);
        assertThat(canonical(records)).isEqualTo(canonical(mapper.map(body, BINDINGS_OFN)));

        ((ObjectNode) second.get(5)).remove("iri");
        List<MappedRecord> withoutId = new ArrayList<>();
        mapper.map(
                List.of(JSON.writeValueAsBytes(first), JSON.writeValueAsBytes(second)),
                BINDINGS_OFN,
                32,
                withoutId::addAll);
        assertThat(withoutId.stream()
                        .filter(MappedRecord::rejected)
                        .map(r -> r.record().id()))
                .containsExactly("#5 of page 2");
    }

    @Test
    void anUnreadablePageIsNamedBeforeAnyRecordIsMapped() throws IOException {
        RecordMapper mapper = mapper("uredni-deska-ofn");
        byte[] board = "[{\"iri\": \"https://opendata-test.mvcr.cz/api/boards/1\"}]".getBytes(UTF_8);
        List<List<MappedRecord>> chunks = new ArrayList<>();
        assertThatThrownBy(() -> mapper.map(
                        List.of(board, "{\"nedokončeno\"".getBytes(UTF_8), board), BINDINGS_OFN, 32, chunks::add))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessageStartingWith("Page 2 of 3: The body is not well-formed jsonld")
                .extracting(e -> ((UnreadableBodyException) e).index())
                .isEqualTo(1);
        assertThat(chunks).isEmpty();
    }

    @Test
    void countsRecordsAndReadsTextsAsTheMappingReadsTheBody() throws IOException {
        RecordMapper edesky = mapper("uredni-deska-edesky");
        byte[] xml = sample("uredni-deska-edesky", "documents-chrudim.xml");
        assertThat(edesky.countRecords(xml)).isEqualTo(43);
        assertThat(edesky.textAt(xml, "/meta/page/total")).isEqualTo("1");
        assertThat(edesky.textAt(xml, "/meta/nothing")).isNull();
        assertThat(edesky.countRecords("<a><documents></documents></a>".getBytes(UTF_8)))
                .isZero();
    }

    /** A dead letter keeps an XML record as the JSON tree it was read into: replayed alone, it maps the same. */
    @Test
    void aKeptRecordMapsAsItDidInItsBody() throws IOException {
        RecordMapper mapper = mapper("uredni-deska-edesky");
        List<MappedRecord> inBody = mapper.map(sample("uredni-deska-edesky", "documents-chrudim.xml"), BINDINGS_EDESKY);
        MappedRecord third = inBody.get(2);
        JsonNode kept = JSON.readTree(third.record().json());

        List<MappedRecord> replayed = new ArrayList<>();
        mapper.mapKept(List.of(kept), BINDINGS_EDESKY, replayed::addAll);

        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).record().id()).isEqualTo(third.record().id());
        assertThat(canonical(replayed)).isEqualTo(canonical(List.of(third))).isNotEmpty();
    }

    private static List<String> canonical(List<MappedRecord> records) {
        List<String> lines = new ArrayList<>();
        for (Entity entity : Entities.merge(records)) {
            lines.add(CanonicalForm.of(entity.graph(), NodeFactory.createURI(entity.iri())));
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> objects(Entity entity, String predicate) {
        Graph graph = entity.graph();
        return graph.find(NodeFactory.createURI(entity.iri()), NodeFactory.createURI(predicate), Node.ANY)
                .mapWith(t -> NodeFmtLib.strNT(t.getObject()))
                .toList();
    }

    private static RecordMapper mapper(String connector) throws IOException {
        return new RecordMapper(spec(connector), CONTEXTS);
    }

    /** Reads the connector's mapping.yaml the simple way; the connector loader's own reading is tested elsewhere. */
    private static MappingSpec spec(String connector) throws IOException {
        Path folder = Path.of("connectors", connector);
        JsonNode yaml = new YAMLMapper().readTree(folder.resolve("mapping.yaml").toFile());
        JsonNode context = yaml.get("context");
        String contextJson = context == null
                ? null
                : context.isTextual()
                        ? Files.readString(folder.resolve(context.asText()))
                        : new ObjectMapper().writeValueAsString(context);
        List<MappingSpec.EntityClass> entities = new ArrayList<>();
        yaml.get("entities")
                .forEach(e -> entities.add(new MappingSpec.EntityClass(
                        e.get("class").asText(), e.get("kind").asText())));
        return new MappingSpec(
                yaml.get("version").asText(),
                MappingSpec.SourceFormat.valueOf(yaml.get("format").asText()),
                yaml.get("records").asText(),
                yaml.get("recordId").asText(),
                contextJson,
                entities,
                yaml.get("construct").asText());
    }

    private static byte[] sample(String connector, String file) throws IOException {
        return Files.readAllBytes(Path.of("connectors", connector, "samples", file));
    }
}
