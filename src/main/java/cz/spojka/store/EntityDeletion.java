package cz.spojka.store;

/**
 * The SPARQL Update that removes an entity — its triples and the blank nodes below it, three levels deep (notices
 * nest dates and documents two levels deep) — from whichever graph holds it.
 */
final class EntityDeletion {

    private EntityDeletion() {}

    static String of(String entityIri) {
        String e = "<" + entityIri + ">";
        return "DELETE { GRAPH ?g { " + e + " ?p ?o . ?o ?p2 ?o2 . ?o2 ?p3 ?o3 } }\n"
                + "WHERE { GRAPH ?g { " + e + " ?p ?o\n"
                + "  OPTIONAL { FILTER(isBlank(?o)) ?o ?p2 ?o2\n"
                + "    OPTIONAL { FILTER(isBlank(?o2)) ?o2 ?p3 ?o3 } } } }";
    }
}
