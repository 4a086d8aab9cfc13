package cz.spojka.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.mapping.CanonicalForm;
import cz.spojka.vocab.EntityShapes;
import cz.spojka.vocab.PublishedVocabulary;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The event format with the repository's own vocabulary and shapes, as the hub writes and reads it. */
class ChangeEventsTest {

    private static final String BASE = "http://hub.test/";
    private static final String NOTICE = BASE + "zdroj/uredni-deska/00270211/informace/edesky.cz/dokument/3312052";
    private static final String TITLE = "http://purl.org/dc/terms/title";
    private static final ChangeEvents EVENTS = new ChangeEvents(
            BASE,
            new CompactIris(
                    PublishedVocabulary.read(Path.of("vocab"), BASE + "vocab/").ontologyPrefixes()),
            EntityShapes.read(Path.of("vocab"), BASE).byClass());
    private static final String TURTLE = """
            @prefix desky: <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix schema: <http://schema.org/> .
            <%s> a desky:informace-zveřejněná-na-úřední-desce, schema:CreativeWork ;
                dcterms:title "%s"@cs .
            """;
    private static final Provenance PROVENANCE = new Provenance(
            "uredni-deska-edesky", "3312052", Instant.parse("2026-11-26T16:09:26.911Z"), "1+abc", "run-1");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUpdateNamesItsShapeAndChangedPropertiesAndReadsBack() throws IOException {
        Graph before = notice("Oznámení");
        Graph after = notice("Oznámení o zahájení řízení");
        Change update = change(ChangeType.UPDATED, after).withChanged(ChangedProperties.between(before, after, NOTICE));

        CloudEvent event = EVENTS.toEvent(update);

        assertThat(event.getType()).isEqualTo("cz.spojka.notice.updated");
        assertThat(event.getDataSchema())
                .isEqualTo(URI.create(BASE + "vocab/shapes/uredni-desky.shapes.ttl#Informace"));
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data.get("changed").toString()).isEqualTo("[\"" + TITLE + "\"]");
        assertThat(data.at("/entity/@context/dcterms").asText()).isEqualTo("http://purl.org/dc/terms/");
        assertThat(data.at("/entity/dcterms:title/@value").asText()).isEqualTo("Oznámení o zahájení řízení");
        Change read = ChangeEvents.fromEvent(event);
        assertThat(read.changed()).containsExactly(TITLE);
        assertThat(CanonicalForm.of(read.entity(), NodeFactory.createURI(NOTICE)))
                .isEqualTo(CanonicalForm.of(after, NodeFactory.createURI(NOTICE)));
        assertThat(read.provenance()).isEqualTo(PROVENANCE);
    }

    @Test
    void aCreationHasNoChangedPropertiesAndADeletionNoShape() throws IOException {
        CloudEvent created = EVENTS.toEvent(change(ChangeType.CREATED, notice("Oznámení")));
        assertThat(JSON.readTree(created.getData().toBytes()).has("changed")).isFalse();
        assertThat(ChangeEvents.fromEvent(created).changed()).isNull();

        CloudEvent deleted = EVENTS.toEvent(change(ChangeType.DELETED, null));
        assertThat(deleted.getDataSchema()).isNull();
        assertThat(JSON.readTree(deleted.getData().toBytes()).get("entity").toString())
                .isEqualTo("{\"@id\":\"" + NOTICE + "\"}");
    }

    /** An event as the hub wrote it before entities were compact: the example of docs/events.md, real output. */
    @Test
    void readsAnEventInTheEarlierExpandedFormat() throws IOException {
        byte[] data;
        try (InputStream in = getClass().getResourceAsStream("expanded-notice-created.json")) {
            data = in.readAllBytes();
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId("0617f87e-265d-4931-b5aa-1436a05978c9")
                .withSource(URI.create("http://localhost:8080/connectors/uredni-deska-edesky"))
                .withType("cz.spojka.notice.created")
                .withSubject("http://localhost:8080/zdroj/uredni-deska/00270211/informace/edesky.cz/dokument/3312052")
                .withTime(OffsetDateTime.parse("2026-11-26T16:09:26.911042916Z"))
                .withExtension("dataset", "uredni-deska")
                .withExtension("graph", "http://localhost:8080/graph/uredni-deska/00270211")
                .withExtension("connector", "uredni-deska-edesky")
                .withExtension("recordid", "3312052")
                .withExtension("entityhash", "c5520394e4e7cc431c7424e664daca5424b4721a6fa9e7881adeff030f518169")
                .withDataContentType("application/json")
                .withData(data)
                .build();

        Change change = ChangeEvents.fromEvent(event);

        assertThat(change.type()).isEqualTo(ChangeType.CREATED);
        assertThat(change.kind()).isEqualTo("notice");
        assertThat(change.changed()).isNull();
        assertThat(change.provenance().mappingVersion()).isEqualTo("2026-11-26.2+4c1f0e9a7b3d");
        Graph expectedGraph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(JSON.readTree(data).get("entity").toString(), Lang.JSONLD)
                .parse(expectedGraph);
        assertThat(change.entity().size()).isEqualTo(expectedGraph.size()).isEqualTo(14);
        assertThat(CanonicalForm.sha256(CanonicalForm.of(change.entity(), NodeFactory.createURI(event.getSubject()))))
                .isEqualTo(CanonicalForm.sha256(
                        CanonicalForm.of(expectedGraph, NodeFactory.createURI(event.getSubject()))));
    }

    private static Change change(ChangeType type, Graph entity) {
        return new Change(
                type,
                NOTICE,
                "notice",
                "uredni-deska",
                BASE + "graph/uredni-deska/00270211",
                entity == null ? null : "hash",
                entity,
                PROVENANCE,
                null);
    }

    private static Graph notice(String title) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(TURTLE.formatted(NOTICE, title), Lang.TURTLE).parse(graph);
        return graph;
    }
}
