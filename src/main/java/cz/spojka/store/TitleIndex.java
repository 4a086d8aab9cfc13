package cz.spojka.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The full-text index over the titles and labels in the store (jena-text, Lucene in {@code <data-dir>/text}). The
 * store writes through {@link #over the text dataset}, so every triple with one of {@link #PREDICATES} that enters or
 * leaves the store enters or leaves the index in the same TDB2 transaction. SPARQL finds it with
 * {@code ?entity text:query "words"} (field {@value #FIELD}); each hit keeps its graph, language and literal.
 *
 * @param created the index was created when it was opened, so it does not yet hold what the store holds
 */
record TitleIndex(TextIndexLucene index, boolean created) {

    static final String FIELD = "text";
    static final String GRAPH_FIELD = "graph";

    /** The titles and labels the data and the vocabulary carry (dcterms:title, rdfs:label, skos and schema names). */
    static final List<Node> PREDICATES = List.of(
            DCTerms.title.asNode(),
            RDFS.label.asNode(),
            SKOS.prefLabel.asNode(),
            SKOS.altLabel.asNode(),
            NodeFactory.createURI("http://schema.org/name"));

    /** Opens the index in {@code dir}, creating it when there is none. */
    static TitleIndex open(Path dir) {
        try {
            Directory directory = FSDirectory.open(dir);
            boolean created = !DirectoryReader.indexExists(directory);
            EntityDefinition entities = new EntityDefinition("uri", FIELD, GRAPH_FIELD);
            PREDICATES.forEach(predicate -> entities.set(FIELD, predicate));
            entities.setLangField("lang");
            // Deleting a triple deletes its document only through this per-triple hash.
            entities.setUidField("uid");
            TextIndexConfig config = new TextIndexConfig(entities);
            config.setAnalyzer(new CzechTextAnalyzer());
            config.setValueStored(true);
            return new TitleIndex(new TextIndexLucene(directory, config), created);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the full-text index in " + dir, e);
        }
    }

    /** The dataset to write through: it keeps the index in step with {@code store}, in the store's transactions. */
    DatasetGraphText over(DatasetGraph store) {
        return (DatasetGraphText) TextDatasetFactory.create(store, index, true);
    }

    /**
     * Indexes what {@code store} already holds, when the index was created just now (a store from before the index, or
     * a deleted index directory). Call inside a read transaction of the store.
     */
    void catchUp(DatasetGraph store) {
        if (!created) {
            return;
        }
        for (Node predicate : PREDICATES) {
            store.find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(quad -> {
                if (!quad.isDefaultGraph() && quad.getObject().isLiteral()) {
                    index.addEntity(entity(quad));
                }
            });
        }
        index.commit();
    }

    private Entity entity(Quad quad) {
        return TextQueryFuncs.entityFromQuad(index.getDocDef(), quad);
    }

    /**
     * Removes the documents of every graph whose IRI starts with {@code prefix}; inside a write transaction of the
     * {@link #over text dataset}, which commits it with the store.
     */
    void removeGraphsStartingWith(String prefix) {
        try {
            index.getIndexWriter().deleteDocuments(new PrefixQuery(new Term(GRAPH_FIELD, prefix)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove graphs " + prefix + "* from the full-text index", e);
        }
    }
}
