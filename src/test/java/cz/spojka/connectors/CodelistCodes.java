package cz.spojka.connectors;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.SKOS;

/** The codes of a codelist in vocab/codelists, and the codes a dry run's budget lines link to. */
final class CodelistCodes {

    static final String ROZP = "https://w3id.org/spojka/slovník/rozpočet/pojem/";

    private CodelistCodes() {}

    /** Every skos:notation of the codelist file. */
    static Set<String> of(String file) {
        Graph codelist = RDFParser.source(Path.of("vocab/codelists", file)).toGraph();
        Set<String> codes = new TreeSet<>();
        codelist.find(Node.ANY, SKOS.notation.asNode(), Node.ANY)
                .forEach(t -> codes.add(t.getObject().getLiteralLexicalForm()));
        return codes;
    }

    /** The codes (last segment of the concept IRI) that the lines link to with the property (local name). */
    static Set<String> used(Graph lines, String property) {
        Set<String> codes = new TreeSet<>();
        lines.find(Node.ANY, NodeFactory.createURI(ROZP + property), Node.ANY).forEach(t -> {
            String iri = t.getObject().getURI();
            codes.add(iri.substring(iri.lastIndexOf('/') + 1));
        });
        return codes;
    }
}
