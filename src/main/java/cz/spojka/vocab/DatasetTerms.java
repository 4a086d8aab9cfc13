package cz.spojka.vocab;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.Connectors;
import cz.spojka.mapping.MappingSpec;
import cz.spojka.mapping.RecordMapper;
import cz.spojka.store.ProvenanceTriples;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;

/**
 * A dataset and the vocabulary terms it uses: the classes it publishes instances of and the properties it states.
 *
 * <p>A connector's dataset is known from the connectors' mappings, not from the store: each loaded connector's
 * declared entity classes, and the classes ({@code a <class>}) and predicates its CONSTRUCT template names, and the
 * provenance predicates the store adds to every entity ({@link ProvenanceTriples#predicates()}). The
 * mappings say what every connector publishes from its first run on, whichever store the hub writes to, at the cost
 * of parsing a few queries; asking the store would scan every triple of every named graph on each request. A template
 * that copies the source's predicates through a variable ({@code ?notice ?p ?o}) contributes only the terms it names.
 * A file of reference data ({@code vocab/reference}) is read itself: every class and predicate in it but those of its
 * {@code void:Dataset} description.
 *
 * @param iri the dataset's IRI: {@code <base>vocab#dataset-<id>} for a connectors' dataset, the subject of the file's
 *     {@code void:Dataset} description (else its graph) for reference data
 * @param anchor the dataset's anchor on the vocabulary page
 * @param id the connectors' dataset id ({@code uredni-deska}) or the reference file's name ({@code obce})
 * @param connectors the ids of the connectors that feed it (instances of one connector count once); none for
 *     reference data
 * @param graph the named graph of reference data, {@code null} for a connectors' dataset (which has one graph per
 *     municipality)
 */
record DatasetTerms(
        String iri,
        String anchor,
        String id,
        LangText titles,
        List<String> connectors,
        String graph,
        Set<String> classes,
        Set<String> properties) {

    /** One entry per dataset id of the loaded connectors, in order of id. */
    static List<DatasetTerms> ofConnectors(Collection<Connectors.Active> active, String pageIri) {
        Map<String, List<ConnectorDefinition>> byDataset = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Connectors.Active connector : active) {
            ConnectorDefinition definition = connector.definition();
            String id = connectorId(definition);
            if (seen.add(id)) {
                byDataset
                        .computeIfAbsent(definition.dataset().id(), d -> new ArrayList<>())
                        .add(definition);
            }
        }
        List<DatasetTerms> datasets = new ArrayList<>();
        new TreeSet<>(byDataset.keySet()).forEach(id -> {
            List<ConnectorDefinition> definitions = byDataset.get(id);
            Set<String> cs = new LinkedHashSet<>();
            Set<String> en = new LinkedHashSet<>();
            Set<String> classes = new TreeSet<>();
            Set<String> properties = new TreeSet<>();
            for (ConnectorDefinition definition : definitions) {
                cs.add(definition.dataset().titleCs());
                en.add(definition.dataset().titleEn());
                addMappingTerms(definition.mapping(), classes, properties);
            }
            properties.addAll(ProvenanceTriples.predicates());
            String anchor = "dataset-" + id;
            datasets.add(new DatasetTerms(
                    pageIri + "#" + anchor,
                    anchor,
                    id,
                    new LangText(List.copyOf(cs), List.copyOf(en)),
                    definitions.stream().map(DatasetTerms::connectorId).toList(),
                    null,
                    classes,
                    properties));
        });
        return datasets;
    }

    /** One entry per file of reference data, by graph IRI. */
    static List<DatasetTerms> ofReference(Map<String, Graph> graphs) {
        List<DatasetTerms> datasets = new ArrayList<>();
        graphs.forEach((graphIri, graph) -> {
            String id = graphIri.substring(graphIri.lastIndexOf('/') + 1);
            Node description = graph.find(Node.ANY, RDF.type.asNode(), VOID.Dataset.asNode())
                    .nextOptional()
                    .map(Triple::getSubject)
                    .orElse(null);
            Set<String> classes = new TreeSet<>();
            Set<String> properties = new TreeSet<>();
            graph.find().forEachRemaining(t -> {
                // The file's description of itself is not data the file holds.
                if (!t.getSubject().equals(description)) {
                    addTerms(t, classes, properties);
                }
            });
            datasets.add(new DatasetTerms(
                    description != null && description.isURI() ? description.getURI() : graphIri,
                    "reference-" + id,
                    id,
                    description == null ? LangText.NONE : LangText.of(graph, description, DCTerms.title.asNode()),
                    List.of(),
                    graphIri,
                    classes,
                    properties));
        });
        return datasets;
    }

    boolean uses(String term) {
        return classes.contains(term) || properties.contains(term);
    }

    /** The connector's own id: an instance serving one of its municipalities ({@code <id>--<IČO>}) is the same. */
    private static String connectorId(ConnectorDefinition definition) {
        String id = definition.id();
        int instance = id.indexOf(ConnectorDefinition.INSTANCE_SEPARATOR);
        return instance < 0 ? id : id.substring(0, instance);
    }

    private static void addMappingTerms(MappingSpec mapping, Set<String> classes, Set<String> properties) {
        mapping.entities().forEach(e -> classes.add(e.classIri()));
        RecordMapper.parseConstruct(mapping.construct())
                .getConstructTemplate()
                .getTriples()
                .forEach(t -> addTerms(t, classes, properties));
    }

    private static void addTerms(Triple triple, Set<String> classes, Set<String> properties) {
        Node predicate = triple.getPredicate();
        if (predicate.equals(RDF.type.asNode())) {
            if (triple.getObject().isURI()) {
                classes.add(triple.getObject().getURI());
            }
        } else if (predicate.isURI()) {
            properties.add(predicate.getURI());
        }
    }
}
