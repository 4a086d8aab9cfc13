package cz.spojka.store;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.Provenance;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The PROV-O statements the store keeps with each entity, queryable through SPARQL: which connector it is attributed
 * to, the source record it was derived from (its IRI and its id in the source), when it was fetched, the run that
 * generated it and the mapping version it was made with.
 */
final class ProvenanceTriples {

    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String SPOJKA = "https://w3id.org/spojka/slovník/";
    private static final Node WAS_ATTRIBUTED_TO = NodeFactory.createURI(PROV + "wasAttributedTo");
    private static final Node GENERATED_AT_TIME = NodeFactory.createURI(PROV + "generatedAtTime");
    private static final Node WAS_DERIVED_FROM = NodeFactory.createURI(PROV + "wasDerivedFrom");
    private static final Node WAS_GENERATED_BY = NodeFactory.createURI(PROV + "wasGeneratedBy");
    private static final Node SOURCE_RECORD_ID = NodeFactory.createURI(SPOJKA + "sourceRecordId");
    private static final Node MAPPING_VERSION = NodeFactory.createURI(SPOJKA + "mappingVersion");

    private final ChangeEvents events;

    ProvenanceTriples(ChangeEvents events) {
        this.events = events;
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
