package cz.spojka.catalog;

import cz.spojka.connector.DataTheme;
import cz.spojka.connector.Ico;
import cz.spojka.system.SpojkaProperties;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;

/** The catalogue's own record ({@code Katalog}): who publishes it, how to reach them, and the datasets it lists. */
final class CatalogRecord {

    private CatalogRecord() {}

    /**
     * Stops the hub on a publisher IČO that fails its check digit (its form is checked when the properties bind):
     * the catalogue would name another organisation, or none.
     */
    static SpojkaProperties.Catalog checked(SpojkaProperties.Catalog settings) {
        if (!Ico.valid(settings.publisherIco())) {
            throw new IllegalStateException("spojka.catalog.publisher-ico: '" + settings.publisherIco()
                    + "' fails the IČO check digit (the weights 8…2 applied to the first seven digits, the eighth"
                    + " must be (11 − sum mod 11) mod 10)");
        }
        return settings;
    }

    static CatalogDocument document(CatalogIris iris, SpojkaProperties.Catalog settings, List<String> datasets) {
        Graph graph = GraphFactory.createDefaultGraph();
        References references = new References(graph);
        OfnNode catalog = OfnNode.document(iris.catalog(), OfnType.CATALOG, graph)
                .texts(OfnKey.TITLE, settings.titleCs(), settings.titleEn())
                .texts(OfnKey.DESCRIPTION, settings.descriptionCs(), settings.descriptionEn());
        String publisher = CatalogIris.publisher(settings.publisherIco());
        catalog.iri(OfnKey.PUBLISHER, publisher);
        references.agent(publisher, settings.publisherName());
        if (!settings.contactEmail().isEmpty()) {
            catalog.object(OfnKey.CONTACT_POINT, iris.catalogContactPoint(), OfnType.ORGANIZATION)
                    .texts(OfnKey.NAME, settings.publisherName(), null)
                    .iri(OfnKey.EMAIL, "mailto:" + settings.contactEmail());
        }
        if (!settings.homepage().isEmpty()) {
            catalog.iri(OfnKey.HOMEPAGE, settings.homepage());
            references.document(settings.homepage());
        }
        // DCAT-AP expects a catalogue to name the EU data themes as its taxonomy.
        catalog.iri(OfnKey.THEME_TAXONOMY, DataTheme.SCHEME).iris(OfnKey.DATASET, datasets);
        return new CatalogDocument(iris.catalog(), catalog.json(), graph);
    }
}
