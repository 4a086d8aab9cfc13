package cz.spojka.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.mapping.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register-of-contracts connector over its real sample, the ISRS 1.2 dump of July 2016 (2,344 records generated
 * on 2016-07-17): the exact counts of what the records become, the values of known records, how the ISRS namespace
 * is read, and what happens to broken records. Expected numbers were counted in the XML itself.
 */
class ContractsRegisterConnectorTest {

    private static final Path FOLDER = Path.of("connectors/registr-smluv");
    private static final Path DUMP = FOLDER.resolve("samples/dump_2016_07.xml");
    private static final String CONTRACTS =
            "http://localhost:8080/zdroj/registr-smluv/00007064/smlouva/smlouvy.gov.cz/";
    private static final String RPP = "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/";
    private static final String PREFIXES = """
            PREFIX smlouvy: <https://w3id.org/spojka/slovník/smlouvy/pojem/>
            PREFIX věci: <https://slovník.gov.cz/generický/věci/pojem/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX schema: <http://schema.org/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX spdx: <http://spdx.org/rdf/terms#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            """;

    private static final ConnectorDryRun DRY_RUN = ConnectorDryRun.ofRepository(Path.of(""));
    private static ConnectorDryRun.Result result;
    private static ConnectorDryRun.SampleResult sample;
    private static Model model;

    @BeforeAll
    static void mapTheDump() {
        result = DRY_RUN.test(FOLDER, null);
        sample = result.sample("dump_2016_07.xml");
        model = ModelFactory.createModelForGraph(sample.graph());
    }

    @Test
    void mapsEveryRecordOfTheDumpToOneContractThatPassesTheGate() {
        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().completeSnapshots()).isFalse();
        assertThat(sample.error()).isNull();
        assertThat(sample.records()).isEqualTo(2344);
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).isEmpty();
        assertThat(sample.entitiesByKind()).isEqualTo(Map.of("contract", 2344L));
        assertThat(result.passed()).isTrue();
    }

    @Test
    void countsTheAmountsOfTheDump() {
        assertThat(count("?c a smlouvy:smlouva-zveřejněná-v-registru-smluv")).isEqualTo(2344);
        assertThat(count("?c smlouvy:hodnota-bez-dph|smlouvy:hodnota-s-dph|smlouvy:hodnota-v-cizí-měně []"))
                .isEqualTo(1952);
        assertThat(count("?c smlouvy:hodnota-bez-dph []")).isEqualTo(1093);
        assertThat(count("?c smlouvy:hodnota-s-dph []")).isEqualTo(1453);
        assertThat(count("?c smlouvy:hodnota-bez-dph [] ; smlouvy:hodnota-s-dph []"))
                .isEqualTo(599);
        assertThat(count("?c smlouvy:hodnota-v-cizí-měně/schema:currency \"EUR\""))
                .isEqualTo(5);
        // Five records fill the foreign-currency element with 0 CZK besides their values in CZK.
        assertThat(count("?c smlouvy:hodnota-v-cizí-měně/schema:currency \"CZK\""))
                .isEqualTo(5);
        assertThat(select(
                        "(SUM(?value) AS ?sum)",
                        "?c smlouvy:je-platný-záznam true ; smlouvy:hodnota-bez-dph/schema:value ?value"))
                .containsExactly("1602611382.07");
    }

    @Test
    void countsVersionsPublishersPartiesAndAttachments() {
        assertThat(count("?c smlouvy:je-platný-záznam true")).isEqualTo(2257);
        assertThat(count("?c smlouvy:je-platný-záznam false")).isEqualTo(87);
        assertThat(count("?c dcterms:isVersionOf ?contract", "?contract")).isEqualTo(2257);
        assertThat(count("?c dcterms:relation ?contract")).isEqualTo(44);
        assertThat(count("?c dcterms:identifier ?number")).isEqualTo(1892);
        assertThat(count("?c dcterms:publisher ?publisher", "?publisher")).isEqualTo(407);
        assertThat(count("?c smlouvy:smluvní-strana ?party", "?party")).isEqualTo(4837);
        assertThat(count("?c smlouvy:smluvní-strana ?party . ?party skos:notation ?ico", "?party"))
                .isEqualTo(4466);
        assertThat(count("?c věci:má-přílohu ?file", "?file")).isEqualTo(3032);
        assertThat(count("?c věci:má-přílohu/spdx:checksum ?checksum", "?checksum"))
                .isEqualTo(3032);
    }

    @Test
    void contractNineAsTheRegisterPublishedIt() {
        String c = contract("9");
        assertThat(values(c, "dcterms:title"))
                .containsExactly("rozšíření jádra IS Ginis o funkcionalitu zveřejňování smluv@cs");
        assertThat(values(c, "dcterms:identifier")).containsExactly("12-OBJ/893/2016");
        assertThat(values(c, "smlouvy:datum-uzavření")).containsExactly("2016-06-30");
        assertThat(values(c, "dcterms:issued")).containsExactly("2016-07-01T01:17:36+02:00");
        assertThat(values(c, "dcterms:publisher")).containsExactly(RPP + "70891508");
        assertThat(values(c, "owl:sameAs")).containsExactly("https://smlouvy.gov.cz/smlouva/9");
        assertThat(values(c, "dcterms:isVersionOf")).containsExactly(CONTRACTS + "idSmlouvy/9");
        assertThat(values(c, "smlouvy:je-platný-záznam")).containsExactly("true");
        assertThat(values(c, "smlouvy:hodnota-bez-dph/schema:value")).containsExactly("80000");
        assertThat(values(c, "smlouvy:hodnota-bez-dph/schema:currency")).containsExactly("CZK");
        assertThat(values(c, "smlouvy:hodnota-s-dph")).isEmpty();
        assertThat(select("?name ?ico", c + " smlouvy:smluvní-strana [ schema:name ?name ; skos:notation ?ico ]"))
                .containsExactlyInAnyOrder("GORDIC spol. s r.o. 47903783", "Liberecký kraj 70891508");
        assertThat(select(
                        "?title ?url ?algorithm ?hash",
                        c + " věci:má-přílohu [ dcterms:title ?title ; schema:downloadUrl ?url ;"
                                + " spdx:checksum [ spdx:algorithm ?algorithm ; spdx:checksumValue ?hash ] ]"))
                .containsExactly("893_Gordic.pdf@cs https://smlouvy.gov.cz/smlouva/soubor/5/893_Gordic.pdf"
                        + " http://spdx.org/rdf/terms#checksumAlgorithm_sha256"
                        + " a407edf283dd009c4a0f580b44c1baf191563d44629c927331802f6263c0d299");
    }

    @Test
    void aContractInEurosWithAPartyWithoutIco() {
        String c = contract("1321");
        assertThat(values(c, "smlouvy:hodnota-v-cizí-měně/schema:value")).containsExactly("2961");
        assertThat(values(c, "smlouvy:hodnota-v-cizí-měně/schema:currency")).containsExactly("EUR");
        assertThat(values(c, "smlouvy:hodnota-bez-dph|smlouvy:hodnota-s-dph")).isEmpty();
        assertThat(values(c, "dcterms:publisher")).containsExactly(RPP + "72048972");
        assertThat(select(
                        "?name (COALESCE(?ico, \"-\") AS ?id)",
                        c + " smlouvy:smluvní-strana ?p . ?p schema:name ?name OPTIONAL { ?p skos:notation ?ico }"))
                .containsExactlyInAnyOrder("NÁRODNÍ HŘEBČÍN KLADRUBY NAD LABEM 72048972", "Josef Leibetseder -");
    }

    @Test
    void versionsAndAmendmentsPointToTheContractAcrossVersions() {
        // Contract 13: version 13 was replaced by version 205 within the month.
        assertThat(select(
                        "?c ?valid",
                        "?c dcterms:isVersionOf <" + CONTRACTS + "idSmlouvy/13> ; smlouvy:je-platný-záznam ?valid"))
                .containsExactlyInAnyOrder(CONTRACTS + "smlouva/13 false", CONTRACTS + "smlouva/205 true");
        // Versions 773 and 833 follow on from contract 757 (navazanyZaznam is an idSmlouvy).
        assertThat(select("?c", "?c dcterms:relation <" + CONTRACTS + "idSmlouvy/757>"))
                .containsExactlyInAnyOrder(CONTRACTS + "smlouva/773", CONTRACTS + "smlouva/833");
        assertThat(select("?title", "?c dcterms:isVersionOf <" + CONTRACTS + "idSmlouvy/757> ; dcterms:title ?title"))
                .containsExactly("Stravenky@cs");
    }

    @Test
    void normalisesIcosAndNames() {
        // The publishing body's IČO 88455 is padded to 8 digits.
        assertThat(values(contract("7797"), "dcterms:publisher")).containsExactly(RPP + "00088455");
        // " OMV Česká republika, s.r.o. " with IČO "48038687 " is trimmed.
        assertThat(select(
                        "?name ?ico",
                        contract("3901") + " smlouvy:smluvní-strana [ schema:name ?name ; skos:notation ?ico ]"))
                .contains("OMV Česká republika, s.r.o. 48038687");
        // A birth number in the IČO field of a natural person is left out; the party keeps its name.
        assertThat(select(
                        "?name (COALESCE(?ico, \"-\") AS ?id)",
                        contract("1085") + " smlouvy:smluvní-strana ?p . ?p schema:name ?name"
                                + " OPTIONAL { ?p skos:notation ?ico }"))
                .contains("Wagner -");
        assertThat(count("?p skos:notation ?ico FILTER(!REGEX(?ico, \"^[0-9]{8}$\"))", "?p"))
                .isZero();
    }

    /** The XML reader reads elements by their local names, so a dump with a namespace prefix maps the same. */
    @Test
    void readsTheIsrsNamespaceWithOrWithoutAPrefix(@TempDir Path dir) throws IOException {
        String dump = Files.readString(DUMP);
        List<String> records = records(dump).subList(0, 40);
        Path plain = dir.resolve("plain.xml");
        Files.writeString(plain, dump(records));
        Path prefixed = dir.resolve("prefixed.xml");
        Files.writeString(
                prefixed,
                dump(records)
                        .replaceAll("<(/?)([a-zA-Z]+)", "<$1isrs:$2")
                        .replace("<isrs:dump xmlns=", "<isrs:dump xmlns:isrs="));
        assertThat(Files.readString(prefixed))
                .contains("<isrs:zaznam><isrs:identifikator>")
                .doesNotContain("<zaznam>");

        Map<String, Entity> fromPlain = entities(plain);
        Map<String, Entity> fromPrefixed = entities(prefixed);
        assertThat(fromPlain).hasSize(40);
        assertThat(fromPrefixed.keySet()).isEqualTo(fromPlain.keySet());
        fromPlain.forEach(
                (iri, entity) -> assertThat(fromPrefixed.get(iri).graph().isIsomorphicWith(entity.graph()))
                        .as(iri)
                        .isTrue());
    }

    @Test
    void rejectsARecordWithoutVersionIdAndFailsAnAmountThatIsNoNumber(@TempDir Path dir) throws IOException {
        String dump = Files.readString(DUMP);
        String good = record(dump, "13");
        String badAmount = record(dump, "9")
                .replace("<hodnotaBezDph>80000</hodnotaBezDph>", "<hodnotaBezDph>80 000,50</hodnotaBezDph>");
        String noId = record(dump, "17").replace("<idVerze>17</idVerze>", "");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, dump(List.of(good, badAmount, noId)));

        ConnectorDryRun.SampleResult mapped =
                DRY_RUN.test(FOLDER, broken).samples().get(0);

        assertThat(mapped.records()).isEqualTo(3);
        assertThat(mapped.rejected()).isEqualTo(Map.of("#2", "the record has no id at '/identifikator/idVerze'"));
        assertThat(mapped.violations()).containsOnlyKeys(CONTRACTS + "smlouva/9");
        assertThat(mapped.violations().get(CONTRACTS + "smlouva/9").reason())
                .isEqualTo("SHACL: 1 violation(s); A monetary amount must have exactly one value (schema:value),"
                        + " an xsd:decimal [path <http://schema.org/value>]");
        assertThat(mapped.entities())
                .extracting(Entity::iri)
                .containsExactly(CONTRACTS + "smlouva/13", CONTRACTS + "smlouva/9");
        assertThat(mapped.passed()).isFalse();
    }

    // ------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------

    /** The IRI of the contract entity of a record, in SPARQL syntax. */
    private static String contract(String versionId) {
        return "<" + CONTRACTS + "smlouva/" + versionId + ">";
    }

    private static Map<String, Entity> entities(Path file) {
        ConnectorDryRun.SampleResult mapped =
                DRY_RUN.test(FOLDER, file).samples().get(0);
        assertThat(mapped.passed()).as(file.toString()).isTrue();
        return mapped.entities().stream().collect(Collectors.toMap(Entity::iri, Function.identity()));
    }

    /** The records of the dump, each {@code <zaznam>…</zaznam>}, in source order. */
    private static List<String> records(String dump) {
        List<String> records = new ArrayList<>();
        Matcher m = Pattern.compile("<zaznam>.*?</zaznam>", Pattern.DOTALL).matcher(dump);
        while (m.find()) {
            records.add(m.group());
        }
        return records;
    }

    private static String record(String dump, String versionId) {
        return records(dump).stream()
                .filter(r -> r.contains("<idVerze>" + versionId + "</idVerze>"))
                .findFirst()
                .orElseThrow();
    }

    private static String dump(List<String> records) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<dump xmlns=\"http://portal.gov.cz/rejstriky/ISRS/1.2/\"><mesic>07</mesic><rok>2016</rok>"
                + String.join("", records) + "</dump>";
    }

    private static long count(String where) {
        return count(where, "?c");
    }

    private static long count(String where, String variable) {
        return Long.parseLong(
                select("(COUNT(DISTINCT " + variable + ") AS ?n)", where).get(0));
    }

    /** The values of a property path of one contract, as lexical forms (IRIs as they are, literals with @lang). */
    private static List<String> values(String contract, String path) {
        return select("?v", contract + " " + path + " ?v");
    }

    /** Each solution as its values joined by spaces, in the order of the projection. */
    private static List<String> select(String projection, String where) {
        String query = PREFIXES + "SELECT " + projection + " WHERE { " + where + " }";
        List<String> rows = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.model(model).query(query).build()) {
            ResultSet results = execution.execSelect();
            List<String> variables = results.getResultVars();
            while (results.hasNext()) {
                QuerySolution solution = results.next();
                rows.add(variables.stream().map(v -> text(solution.get(v))).collect(Collectors.joining(" ")));
            }
        }
        return rows;
    }

    private static String text(RDFNode node) {
        if (node == null) {
            return "";
        }
        if (node.isLiteral()) {
            String language = node.asLiteral().getLanguage();
            return node.asLiteral().getLexicalForm() + (language.isEmpty() ? "" : "@" + language);
        }
        return node.toString();
    }
}
