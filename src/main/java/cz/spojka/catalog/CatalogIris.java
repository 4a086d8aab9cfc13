package cz.spojka.catalog;

/**
 * The IRIs of the catalogue, all under {@code <base>catalog}: the catalogue, one record per dataset and municipality
 * ({@code <base>catalog/datasets/<dataset>/<IČO>}, which the hub serves, so NKOD can dereference it), and the SPARQL
 * data service. What a record describes besides its dataset (distributions, terms of use, contact point) is named by
 * a fragment of the record's IRI, so that dereferencing it gives the record that describes it. No blank nodes.
 */
final class CatalogIris {

    /** The organs of public power in the register of rights and obligations (RPP), by IČO: the publishers. */
    static final String RPP_PUBLISHER = "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/";
    /** The municipalities of RÚIAN, by code. */
    static final String RUIAN_MUNICIPALITY = "https://linked.cuzk.cz/resource/ruian/obec/";

    private final String base;

    /** @param base the hub's base IRI, ending with {@code /} */
    CatalogIris(String base) {
        this.base = base;
    }

    String catalog() {
        return base + "catalog";
    }

    String catalogContactPoint() {
        return catalog() + "#contact-point";
    }

    String dataset(String datasetId, String ico) {
        return catalog() + "/datasets/" + datasetId + "/" + ico;
    }

    /** A distribution of a dataset record: {@code sparql}, or the name of the file under {@code /data/}. */
    static String distribution(String datasetIri, String name) {
        return datasetIri + "#" + name;
    }

    static String termsOfUse(String datasetIri) {
        return datasetIri + "#terms-of-use";
    }

    static String contactPoint(String datasetIri) {
        return datasetIri + "#contact-point";
    }

    String sparqlService() {
        return catalog() + "/services/sparql";
    }

    /** A file of {@code /data} with the data of one municipality only. */
    String download(String file, String ico) {
        return base + "data/" + file + "?ico=" + ico;
    }

    static String publisher(String ico) {
        return RPP_PUBLISHER + ico;
    }

    static String ruianMunicipality(String code) {
        return RUIAN_MUNICIPALITY + code;
    }
}
