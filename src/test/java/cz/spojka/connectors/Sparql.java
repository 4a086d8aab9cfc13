package cz.spojka.connectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/** SPARQL SELECT over a dry run's graph, with the prefixes of the shared vocabulary, each value as Turtle text. */
final class Sparql {

    static final PrefixMapping PREFIXES = new PrefixMappingImpl()
            .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
            .setNsPrefix("adms", "http://www.w3.org/ns/adms#")
            .setNsPrefix("geo", "http://www.opengis.net/ont/geosparql#")
            .setNsPrefix("sf", "http://www.opengis.net/ont/sf#")
            .setNsPrefix("schema", "http://schema.org/")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("podněty", "https://w3id.org/spojka/slovník/podněty/pojem/");

    private static final PrefixMap PREFIX_MAP = PrefixMapFactory.create(PREFIXES);

    private Sparql() {}

    /** Every row, in the query's order, as variable → value (IRIs of the prefixes above shortened). */
    static List<Map<String, String>> select(Graph graph, String query) {
        StringBuilder prologue = new StringBuilder();
        PREFIXES.getNsPrefixMap()
                .forEach((prefix, ns) -> prologue.append("PREFIX ")
                        .append(prefix)
                        .append(": <")
                        .append(ns)
                        .append(">\n"));
        List<Map<String, String>> rows = new ArrayList<>();
        RowSet result = QueryExec.graph(graph).query(prologue + query).select();
        result.forEachRemaining(binding -> {
            Map<String, String> row = new LinkedHashMap<>();
            binding.vars().forEachRemaining(v -> row.put(v.getVarName(), NodeFmtLib.str(binding.get(v), PREFIX_MAP)));
            rows.add(row);
        });
        return rows;
    }
}
