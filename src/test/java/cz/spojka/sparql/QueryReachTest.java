package cz.spojka.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.geosparql.configuration.GeoSPARQLConfig;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryReachTest {

    private static final String PREFIXES = "PREFIX geo: <http://www.opengis.net/ont/geosparql#>"
            + " PREFIX geof: <http://www.opengis.net/def/function/geosparql/>"
            + " PREFIX text: <http://jena.apache.org/text#>"
            + " PREFIX list: <http://jena.apache.org/ARQ/list#>"
            + " PREFIX ex: <https://example.org/> ";

    @BeforeAll
    static void registerTheGeoSparqlPropertyFunctions() {
        GeoSPARQLConfig.loadFunctions();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "basic graph pattern          | SELECT * { ?s ex:p ?o }                                        | false | false",
                "GRAPH ?g                     | SELECT * { GRAPH ?g { ?s ex:p ?o } }                           | false | false",
                "sequence path (flattened)    | SELECT * { ?s ex:p/ex:q ?o }                                   | false | false",
                "one-or-more path             | SELECT * { ?s ex:p+ ?o }                                       | false | true",
                "path in EXISTS               | SELECT * { ?s ex:p ?o FILTER EXISTS { ?o ex:q* ?x } }          | false | true",
                "path in a sub-query          | SELECT * { { SELECT ?s { ?s ex:p? ?o } } }                      | false | true",
                "full-text search             | SELECT * { (?s ?score ?l ?g) text:query 'nalez' }              | false | false",
                "GeoSPARQL function           | SELECT * { ?s geo:asWKT ?w FILTER(geof:sfWithin(?w, ?w)) }     | false | false",
                "GeoSPARQL property function  | SELECT * { ?s geo:sfWithin ?o }                                | false | true",
                "list membership              | SELECT * { ?list list:member ?o }                              | false | true",
                "DESCRIBE                     | DESCRIBE ex:thing                                              | false | true",
                "SERVICE                      | SELECT * { SERVICE <http://localhost/sparql> { ?s ?p ?o } }    | true  | false",
                "SERVICE in NOT EXISTS        | ASK { ?s ?p ?o FILTER NOT EXISTS { SERVICE ?x { ?s ?p ?o } } } | true  | false"
            })
    void tellsWhatAQueryReaches(String what, String query, boolean service, boolean pastQuadFilter) {
        assertThat(QueryReach.of(QueryFactory.create(PREFIXES + query)))
                .isEqualTo(new QueryReach(service, pastQuadFilter));
    }
}
