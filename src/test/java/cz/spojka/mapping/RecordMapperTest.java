package cz.spojka.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
