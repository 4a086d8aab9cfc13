package cz.spojka.linkeddata;

import java.util.Set;
import org.apache.jena.graph.Graph;

/**
 * What the store says about one IRI: the triples of which it is the subject, with the blank nodes they lead to.
 *
 * @param graphs the published graphs those triples are in (an entity's is its dataset's)
 */
record Description(String iri, Graph triples, Set<String> graphs) {

    boolean isEmpty() {
        return triples.isEmpty();
    }
}
