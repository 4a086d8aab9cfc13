package cz.spojka.store;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The PROV-O statements the store keeps with each entity, queryable through SPARQL: which connector it is attributed
 * to, the source record it was derived from (its IRI and its id in the source), when it was fetched, the run that
 * generated it and the mapping version it was made with.
 */
public final class ProvenanceTriples {

    // Whole IRIs, each declared in vocab/ontology/spojka.ttl, so that JavaVocabularyIrisTest can check them there.
    private static final Node WAS_ATTRIBUTED_TO = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
    private static final Node GENERATED_AT_TIME = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
    private static final Node WAS_DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node WAS_GENERATED_BY = NodeFactory.createURI("http://www.w3.org/ns/prov#wasGeneratedBy");
    private static final Node SOURCE_RECORD_ID =
            NodeFactory.createURI("https://w3id.org/spojka/slovník/sourceRecordId");
    private static final Node MAPPING_VERSION = NodeFactory.createURI("https://w3id.org/spojka/slovník/mappingVersion");

    private final ChangeEvents events;

    ProvenanceTriples(ChangeEvents events) {
        this.events = events;
    }

    /** The predicates of the provenance, which every entity in the store carries besides its own triples. */
    public static List<String> predicates() {
        return Stream.of(
                        WAS_ATTRIBUTED_TO,
                        WAS_DERIVED_FROM,
                        WAS_GENERATED_BY,
                        GENERATED_AT_TIME,
                        SOURCE_RECORD_ID,
                        MAPPING_VERSION)
                .map(Node::getURI)
                .toList();
    }

    List<Triple> of(Change change) {
        Node entity = NodeFactory.createURI(change.entityIri());
        Provenance provenance = change.provenance();
        Node connector = NodeFactory.createURI(
                events.connectorSource(provenance.connectorId()).toString());
        List<Triple> triples = new ArrayList<>(7);
        triples.add(Triple.create(entity, WAS_ATTRIBUTED_TO, connector));
        triples.add(Triple.create(
                entity,
                WAS_DERIVED_FROM,
                NodeFactory.createURI(events.sourceRecord(provenance.connectorId(), provenance.recordId()))));
        if (provenance.runId() != null) {
            triples.add(Triple.create(
                    entity,
                    WAS_GENERATED_BY,
                    NodeFactory.createURI(events.run(provenance.connectorId(), provenance.runId()))));
        }
        triples.add(Triple.create(
                entity,
                GENERATED_AT_TIME,
                NodeFactory.createLiteralDT(provenance.fetchedAt().toString(), XSDDatatype.XSDdateTime)));
        triples.add(Triple.create(entity, SOURCE_RECORD_ID, NodeFactory.createLiteralString(provenance.recordId())));
        if (provenance.mappingVersion() != null) {
            triples.add(Triple.create(
                    entity, MAPPING_VERSION, NodeFactory.createLiteralString(provenance.mappingVersion())));
        }
        return triples;
    }
}
