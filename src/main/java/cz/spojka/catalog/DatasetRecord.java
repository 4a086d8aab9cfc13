package cz.spojka.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.connector.CatalogEntry;
import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.DataTheme;
import cz.spojka.connector.TermsOfUse;
import cz.spojka.downloads.DownloadFile;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue record ({@code Datová sada}) of one dataset of one municipality, i.e. of one named graph
 * {@code <base>graph/<dataset>/<IČO>}: what the connector declares, and a distribution for every file {@code /data}
 * offers of it with {@code ?ico=} and one through the SPARQL endpoint.
 */
final class DatasetRecord {

    static final String TYPE = "Datová sada";
    /** The EU file types (vocab/codelists/eu-file-type.ttl). */
    static final String FILE_TYPE_SCHEME = "http://publications.europa.eu/resource/authority/file-type";

    private static final String MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";

    private final CatalogIris iris;
    private final ConnectorDefinition.Dataset dataset;
    private final CatalogEntry entry;
    private final String iri;
    private final References references = new References();

    DatasetRecord(CatalogIris iris, ConnectorDefinition.Dataset dataset) {
        this.iris = iris;
        this.dataset = dataset;
        this.entry = dataset.catalog();
        this.iri = iris.dataset(dataset.id(), dataset.ico());
    }

    String iri() {
        return iri;
    }

    /**
     * @param files what {@code /data} offers of the dataset
     * @param service the SPARQL data service
     * @param graphIri the named graph that holds the data
     */
    CatalogDocument document(List<DownloadFile> files, SparqlService service, String graphIri) {
        ObjectNode record = OfnJson.document(iri, TYPE);
        record.set(
                "název",
                OfnJson.texts(
                        dataset.titleCs() + " – " + dataset.municipalityName(),
                        dataset.titleEn() + " – " + dataset.municipalityName()));
        record.set("popis", OfnJson.texts(dataset.descriptionCs(), dataset.descriptionEn()));
        String publisher = CatalogIris.publisher(dataset.ico());
        record.put("poskytovatel", publisher);
        references.agent(publisher, dataset.municipalityName());
        record.set(
                "téma",
                OfnJson.strings(entry.themes().stream().map(DataTheme::iri).toList()));
        record.put("periodicita_aktualizace", entry.frequency().iri());
        ObjectNode keywords = JsonNodeFactory.instance.objectNode();
        keywords.set("cs", OfnJson.strings(entry.keywordsCs()));
        keywords.set("en", OfnJson.strings(entry.keywordsEn()));
        record.set("klíčové_slovo", keywords);
        String ruian = CatalogIris.ruianMunicipality(dataset.ruian());
        record.set("prvek_rúian", OfnJson.strings(List.of(ruian)));
        references.location(ruian);
        record.set("kontaktní_bod", contactPoint());
        if (entry.documentation() != null) {
            record.put("dokumentace", entry.documentation());
            references.document(entry.documentation());
        }
        List<String> specifications = files.stream()
                .map(DownloadFile::standard)
                .filter(Objects::nonNull)
                .toList();
        if (!specifications.isEmpty()) {
            record.set("specifikace", OfnJson.strings(specifications));
            specifications.forEach(references::standard);
        }
        record.set("distribuce", distributions(files, service, graphIri));
        return new CatalogDocument(iri, record, references.graph());
    }

    private ObjectNode contactPoint() {
        ObjectNode contact = OfnJson.node(CatalogIris.contactPoint(iri), "Organizace");
        String nameCs = entry.contactNameCs() != null ? entry.contactNameCs() : dataset.municipalityName();
        contact.set("jméno", OfnJson.texts(nameCs, entry.contactNameEn()));
        contact.put("e-mail", "mailto:" + entry.contactEmail());
        return contact;
    }

    private ArrayNode distributions(List<DownloadFile> files, SparqlService service, String graphIri) {
        ArrayNode distributions = JsonNodeFactory.instance.arrayNode();
        for (DownloadFile file : files) {
            distributions.add(file(file));
        }
        ObjectNode sparql = OfnJson.node(CatalogIris.distribution(iri, "sparql"), "Distribuce");
        sparql.set("název", OfnJson.texts("SPARQL endpoint", "SPARQL endpoint"));
        sparql.set(
                "popis",
                OfnJson.texts(
                        "Data datové sady jsou v pojmenovaném grafu " + graphIri + ".",
                        "The dataset's data is in the named graph " + graphIri + "."));
        sparql.set("podmínky_užití", termsOfUse());
        sparql.put("přístupové_url", service.endpoint());
        sparql.set("přístupová_služba", service.describe(OfnJson.node(service.iri(), SparqlService.TYPE)));
        service.references(references);
        distributions.add(sparql);
        return distributions;
    }

    private ObjectNode file(DownloadFile file) {
        ObjectNode distribution = OfnJson.node(CatalogIris.distribution(iri, file.name()), "Distribuce");
        distribution.set("název", OfnJson.texts(file.titleCs(), file.titleEn()));
        distribution.set("podmínky_užití", termsOfUse());
        String url = iris.download(file.name(), dataset.ico());
        distribution.put("přístupové_url", url);
        distribution.put("soubor_ke_stažení", url);
        distribution.put("formát", FILE_TYPE_SCHEME + "/" + file.fileType());
        distribution.put("typ_média", MEDIA_TYPES + file.mediaType());
        if (file.schema() != null) {
            distribution.put("schéma", file.schema());
            references.standard(file.schema());
        }
        return distribution;
    }

    /** The same terms for every distribution: they are the dataset's, declared once in its connector. */
    private ObjectNode termsOfUse() {
        TermsOfUse terms = entry.termsOfUse();
        ObjectNode node = OfnJson.node(CatalogIris.termsOfUse(iri), "Specifikace podmínek užití");
        node.put("autorské_dílo", terms.copyrightedWork());
        if (terms.copyrightedWorkAuthors() != null) {
            node.set("autor", OfnJson.texts(terms.copyrightedWorkAuthors(), null));
        }
        node.put("databáze_jako_autorské_dílo", terms.copyrightedDatabase());
        if (terms.copyrightedDatabaseAuthors() != null) {
            node.set("autor_databáze", OfnJson.texts(terms.copyrightedDatabaseAuthors(), null));
        }
        node.put("databáze_chráněná_zvláštními_právy", terms.specialDatabaseRights());
        node.put("osobní_údaje", terms.personalDataIri());
        return node;
    }
}
