package cz.spojka.catalog;

import cz.spojka.connector.CatalogEntry;
import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.DataTheme;
import cz.spojka.connector.TermsOfUse;
import cz.spojka.downloads.DownloadFile;
import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The catalogue record ({@code Datová sada}) of one dataset of one municipality, i.e. of one named graph
 * {@code <base>graph/<dataset>/<IČO>}: what the connector declares, and a distribution for every file {@code /data}
 * offers of it with {@code ?ico=} and one through the SPARQL endpoint.
 */
final class DatasetRecord {

    /** The EU file types (vocab/codelists/eu-file-type.ttl). */
    static final String FILE_TYPE_SCHEME = "http://publications.europa.eu/resource/authority/file-type";

    private static final String MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";

    private final CatalogIris iris;
    private final ConnectorDefinition.Dataset dataset;
    private final CatalogEntry entry;
    private final String iri;
    private final Graph graph = GraphFactory.createDefaultGraph();
    private final References references = new References(graph);

    DatasetRecord(CatalogIris iris, ConnectorDefinition.Dataset dataset) {
        this.iris = iris;
        this.dataset = dataset;
        this.entry = dataset.catalog();
        this.iri = iris.dataset(dataset.id(), dataset.ico());
    }

    /**
     * @param files what {@code /data} offers of the dataset
     * @param service the SPARQL data service
     * @param graphIri the named graph that holds the data
     */
    CatalogDocument document(List<DownloadFile> files, SparqlService service, String graphIri) {
        OfnNode record = OfnNode.document(iri, OfnType.DATASET, graph);
        describe(record);
        if (entry.documentation() != null) {
            record.iri(OfnKey.DOCUMENTATION, entry.documentation());
            references.document(entry.documentation());
        }
        List<String> specifications = files.stream()
                .map(DownloadFile::standard)
                .filter(Objects::nonNull)
                .toList();
        if (!specifications.isEmpty()) {
            record.iris(OfnKey.SPECIFICATION, specifications);
            specifications.forEach(references::standard);
        }
        files.forEach(file -> file(record, file));
        sparql(record, service, graphIri);
        return new CatalogDocument(iri, record.json(), graph);
    }

    /** What DCAT-AP-CZ requires of a dataset, and its contact point. */
    private void describe(OfnNode record) {
        String municipality = dataset.municipalityName();
        record.texts(OfnKey.TITLE, dataset.titleCs() + " – " + municipality, dataset.titleEn() + " – " + municipality)
                .texts(OfnKey.DESCRIPTION, dataset.descriptionCs(), dataset.descriptionEn());
        String publisher = CatalogIris.publisher(dataset.ico());
        record.iri(OfnKey.PUBLISHER, publisher)
                .iris(OfnKey.THEME, entry.themes().stream().map(DataTheme::iri).toList())
                .iri(OfnKey.FREQUENCY, entry.frequency().iri())
                .texts(OfnKey.KEYWORD, entry.keywordsCs(), entry.keywordsEn());
        references.agent(publisher, municipality);
        String ruian = CatalogIris.ruianMunicipality(dataset.ruian());
        record.iris(OfnKey.RUIAN_ELEMENT, List.of(ruian));
        references.location(ruian);
        record.object(OfnKey.CONTACT_POINT, CatalogIris.contactPoint(iri), OfnType.ORGANIZATION)
                .texts(
                        OfnKey.NAME,
                        entry.contactNameCs() != null ? entry.contactNameCs() : municipality,
                        entry.contactNameEn())
                .iri(OfnKey.EMAIL, "mailto:" + entry.contactEmail());
    }

    private void file(OfnNode record, DownloadFile file) {
        OfnNode distribution =
                record.element(OfnKey.DISTRIBUTION, CatalogIris.distribution(iri, file.name()), OfnType.DISTRIBUTION);
        distribution.texts(OfnKey.TITLE, file.titleCs(), file.titleEn());
        termsOfUse(distribution);
        String url = iris.download(file.name(), dataset.ico());
        distribution
                .iri(OfnKey.ACCESS_URL, url)
                .iri(OfnKey.DOWNLOAD_URL, url)
                .iri(OfnKey.FORMAT, FILE_TYPE_SCHEME + "/" + file.fileType())
                .iri(OfnKey.MEDIA_TYPE, MEDIA_TYPES + file.mediaType());
        if (file.schema() != null) {
            distribution.iri(OfnKey.SCHEMA, file.schema());
            references.standard(file.schema());
        }
    }

    private void sparql(OfnNode record, SparqlService service, String graphIri) {
        OfnNode distribution =
                record.element(OfnKey.DISTRIBUTION, CatalogIris.distribution(iri, "sparql"), OfnType.DISTRIBUTION);
        distribution
                .texts(OfnKey.TITLE, "SPARQL endpoint", "SPARQL endpoint")
                .texts(
                        OfnKey.DESCRIPTION,
                        "Data datové sady jsou v pojmenovaném grafu " + graphIri + ".",
                        "The dataset's data is in the named graph " + graphIri + ".");
        termsOfUse(distribution);
        distribution.iri(OfnKey.ACCESS_URL, service.endpoint());
        service.describe(distribution.object(OfnKey.ACCESS_SERVICE, service.iri(), OfnType.DATA_SERVICE), references);
    }

    /** The same terms for every distribution: they are the dataset's, declared once in its connector. */
    private void termsOfUse(OfnNode distribution) {
        TermsOfUse terms = entry.termsOfUse();
        OfnNode node = distribution.object(OfnKey.TERMS_OF_USE, CatalogIris.termsOfUse(iri), OfnType.TERMS_OF_USE);
        node.iri(OfnKey.COPYRIGHTED_WORK, terms.copyrightedWork());
        if (terms.copyrightedWorkAuthors() != null) {
            node.texts(OfnKey.AUTHOR, terms.copyrightedWorkAuthors(), null);
        }
        node.iri(OfnKey.COPYRIGHTED_DATABASE, terms.copyrightedDatabase());
        if (terms.copyrightedDatabaseAuthors() != null) {
            node.texts(OfnKey.DATABASE_AUTHOR, terms.copyrightedDatabaseAuthors(), null);
        }
        node.iri(OfnKey.SPECIAL_DATABASE_RIGHTS, terms.specialDatabaseRights())
                .iri(OfnKey.PERSONAL_DATA, terms.personalDataIri());
    }
}
