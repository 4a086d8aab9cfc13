package cz.spojka.catalog;

/**
 * The types ({@code typ}) of the catalogue's JSON-LD, as the official DCAT-AP-CZ context maps them to classes.
 * {@code CatalogOfTheConnectorsTest} reads the JSON-LD with that context and checks it says what {@link OfnNode}
 * writes.
 */
enum OfnType {
    CATALOG("Katalog", "http://www.w3.org/ns/dcat#Catalog"),
    DATASET("Datová sada", "http://www.w3.org/ns/dcat#Dataset"),
    DISTRIBUTION("Distribuce", "http://www.w3.org/ns/dcat#Distribution"),
    DATA_SERVICE("Datová služba", "http://www.w3.org/ns/dcat#DataService"),
    ORGANIZATION("Organizace", "http://www.w3.org/2006/vcard/ns#Organization"),
    TERMS_OF_USE("Specifikace podmínek užití", "https://data.gov.cz/slovník/podmínky-užití/Specifikace");

    final String key;
    final String iri;

    OfnType(String key, String iri) {
        this.key = key;
        this.iri = iri;
    }
}
