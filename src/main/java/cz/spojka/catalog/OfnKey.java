package cz.spojka.catalog;

/**
 * The keys of the catalogue's JSON-LD, with the property each stands for in the official DCAT-AP-CZ context
 * (2024-05-28). {@code CatalogOfTheConnectorsTest} reads the JSON-LD with that context and checks it says what
 * {@link OfnNode} writes.
 */
enum OfnKey {
    TITLE("název", Ns.DCTERMS + "title"),
    DESCRIPTION("popis", Ns.DCTERMS + "description"),
    PUBLISHER("poskytovatel", Ns.DCTERMS + "publisher"),
    THEME("téma", Ns.DCAT + "theme"),
    FREQUENCY("periodicita_aktualizace", Ns.DCTERMS + "accrualPeriodicity"),
    KEYWORD("klíčové_slovo", Ns.DCAT + "keyword"),
    RUIAN_ELEMENT("prvek_rúian", Ns.DCTERMS + "spatial"),
    CONTACT_POINT("kontaktní_bod", Ns.DCAT + "contactPoint"),
    NAME("jméno", Ns.VCARD + "fn"),
    EMAIL("e-mail", Ns.VCARD + "hasEmail"),
    DOCUMENTATION("dokumentace", Ns.FOAF + "page"),
    SPECIFICATION("specifikace", Ns.DCTERMS + "conformsTo"),
    HOMEPAGE("domovská_stránka", Ns.FOAF + "homepage"),
    DATASET("datová_sada", Ns.DCAT + "dataset"),
    DISTRIBUTION("distribuce", Ns.DCAT + "distribution"),
    TERMS_OF_USE("podmínky_užití", Ns.PU + "specifikace"),
    COPYRIGHTED_WORK("autorské_dílo", Ns.PU + "autorské-dílo"),
    AUTHOR("autor", Ns.PU + "autor"),
    COPYRIGHTED_DATABASE("databáze_jako_autorské_dílo", Ns.PU + "databáze-jako-autorské-dílo"),
    DATABASE_AUTHOR("autor_databáze", Ns.PU + "autor-databáze"),
    SPECIAL_DATABASE_RIGHTS("databáze_chráněná_zvláštními_právy", Ns.PU + "databáze-chráněná-zvláštními-právy"),
    PERSONAL_DATA("osobní_údaje", Ns.PU + "osobní-údaje"),
    ACCESS_URL("přístupové_url", Ns.DCAT + "accessURL"),
    DOWNLOAD_URL("soubor_ke_stažení", Ns.DCAT + "downloadURL"),
    FORMAT("formát", Ns.DCTERMS + "format"),
    MEDIA_TYPE("typ_média", Ns.DCAT + "mediaType"),
    SCHEMA("schéma", Ns.DCTERMS + "conformsTo"),
    ACCESS_SERVICE("přístupová_služba", Ns.DCAT + "accessService"),
    ENDPOINT_URL("přístupový_bod", Ns.DCAT + "endpointURL"),
    ENDPOINT_DESCRIPTION("popis_přístupového_bodu", Ns.DCAT + "endpointDescription"),
    /** DCAT-AP's catalogue taxonomy, for which the context has no key: the JSON-LD names the property in full. */
    THEME_TAXONOMY(Ns.DCAT + "themeTaxonomy", Ns.DCAT + "themeTaxonomy");

    final String key;
    final String property;

    OfnKey(String key, String property) {
        this.key = key;
        this.property = property;
    }

    /** Whether the context defines the key; a key it does not define is the property's IRI, its value {@code @id}. */
    boolean inContext() {
        return !key.equals(property);
    }

    /** The namespaces of the context's prefixes. */
    static final class Ns {
        static final String DCAT = "http://www.w3.org/ns/dcat#";
        static final String DCTERMS = "http://purl.org/dc/terms/";
        static final String FOAF = "http://xmlns.com/foaf/0.1/";
        static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
        static final String PU = "https://data.gov.cz/slovník/podmínky-užití/";

        private Ns() {}
    }
}
