package cz.spojka.mapping;

import org.apache.jena.graph.Graph;

/**
 * One entity as mapped: its IRI, kind, the triples about it (with their blank-node closure) and the hash of their
 * canonical form, which change detection compares.
 */
public record Entity(String iri, String kind, String recordId, Graph graph, String hash) {}
