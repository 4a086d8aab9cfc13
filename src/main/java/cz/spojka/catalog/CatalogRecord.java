package cz.spojka.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.connector.DataTheme;
import cz.spojka.connector.Ico;
import cz.spojka.system.SpojkaProperties;
import java.util.List;
import org.apache.jena.vocabulary.DCAT;

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
        References references = new References();
        ObjectNode catalog = OfnJson.document(iris.catalog(), "Katalog");
        catalog.set("název", OfnJson.texts(settings.titleCs(), settings.titleEn()));
        catalog.set("popis", OfnJson.texts(settings.descriptionCs(), settings.descriptionEn()));
        String publisher = CatalogIris.publisher(settings.publisherIco());
        catalog.put("poskytovatel", publisher);
        references.agent(publisher, settings.publisherName());
        if (!settings.contactEmail().isEmpty()) {
            ObjectNode contact = OfnJson.node(iris.catalogContactPoint(), "Organizace");
            contact.set("jméno", OfnJson.texts(settings.publisherName(), null));
            contact.put("e-mail", "mailto:" + settings.contactEmail());
            catalog.set("kontaktní_bod", contact);
        }
        if (!settings.homepage().isEmpty()) {
            catalog.put("domovská_stránka", settings.homepage());
            references.document(settings.homepage());
        }
        // DCAT-AP expects a catalogue to name the EU data themes as its taxonomy; DCAT-AP-CZ's context has no key for
        // it, so the JSON-LD names the property in full.
        catalog.set(
                DCAT.themeTaxonomy.getURI(),
                JsonNodeFactory.instance.objectNode().put("@id", DataTheme.SCHEME));
        catalog.set("datová_sada", OfnJson.strings(datasets));
        return new CatalogDocument(iris.catalog(), catalog, references.graph());
    }
}
