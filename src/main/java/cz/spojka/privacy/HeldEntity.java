package cz.spojka.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import cz.spojka.mapping.Entities;
import cz.spojka.mapping.Entity;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * An entity held for review, as mapped (with its personal data), never published until an operator releases it.
 *
 * @param connectorId the connector that delivered it
 * @param key a short stable id for the review API: the first 16 hex digits of the SHA-256 of the IRI
 * @param iri the entity
 * @param kind its kind
 * @param recordId the source record it came from
 * @param hash the hash of the entity as mapped; a decision on the entity holds for this content only
 * @param fetchedAt when the run that held it fetched it (the provenance time if it is released)
 * @param mappingVersion the mapping version that mapped it
 * @param heldAt when it was held
 * @param findings the personal data the guard found in it
 * @param ntriples the entity's triples (N-Triples)
 */
public record HeldEntity(
        String connectorId,
        String key,
        String iri,
        String kind,
        String recordId,
        String hash,
        Instant fetchedAt,
        String mappingVersion,
        Instant heldAt,
        List<EntityFinding> findings,
        String ntriples) {

    public static HeldEntity of(
            String connectorId, Entity entity, List<EntityFinding> findings, Instant fetchedAt, String mappingVersion) {
        StringWriter triples = new StringWriter();
        RDFDataMgr.write(triples, entity.graph(), Lang.NTRIPLES);
        return new HeldEntity(
                connectorId,
                key(entity.iri()),
                entity.iri(),
                entity.kind(),
                entity.recordId(),
                entity.hash(),
                fetchedAt,
                mappingVersion,
                Instant.now(),
                List.copyOf(findings),
                triples.toString());
    }

    /** The entity as mapped, to be published as it is. */
    public Entity entity() {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ntriples, Lang.NTRIPLES).parse(graph);
        return Entities.of(iri, kind, recordId, graph);
    }

    static String key(String iri) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(iri.getBytes(UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
