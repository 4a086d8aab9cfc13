package cz.spojka.e2e;

import static cz.spojka.e2e.TestHub.BASE_IRI;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.Test;

/**
 * The personal-data guard in the running hub, over the real MV ČR sample of the connector {@code uredni-deska-ofn}
 * (policy {@code redact}): no name of the hand-labelled titles ({@code cz/spojka/privacy/labelled-titles.csv}) reaches
 * the store or the change log, in any spelling (as written, or as the slug of a web address), the redacted titles are
 * published instead, and {@code /api/connectors} counts what the guard found and did.
 */
class PersonalDataIT extends HubIT {

    private static final String TITLE = "http://purl.org/dc/terms/title";
    private static final String NOTICE =
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce";
    private static final String OFN_GRAPH = BASE_IRI + "graph/uredni-deska/00007064";
    private static final String OFN_NOTICES = BASE_IRI + "zdroj/uredni-deska/00007064/informace/";

    @Test
    void noLabelledNameReachesTheStoreOrTheChangeLog() throws IOException {
        awaitStartupRuns();
        List<String> names = labelledNames();
        assertThat(names).hasSize(152);
        // Page by page: the test hub's endpoint returns at most SparqlLimitsIT.ROW_LIMIT rows for one query.
        List<String> stored = new ArrayList<>();
        for (int offset = 0; ; offset += SparqlLimitsIT.ROW_LIMIT) {
            int before = stored.size();
            try (QueryExecHTTP exec = QueryExecHTTP.service(sparql().url())
                    .query("SELECT (STR(?o) AS ?v) WHERE { GRAPH <" + OFN_GRAPH + "> { ?s ?p ?o } } ORDER BY ?s ?p ?o"
                            + " LIMIT " + SparqlLimitsIT.ROW_LIMIT + " OFFSET " + offset)
                    .build()) {
                exec.select().forEachRemaining(row -> stored.add(row.get("v").getLiteralLexicalForm()));
            }
            if (stored.size() - before < SparqlLimitsIT.ROW_LIMIT) {
                break;
            }
        }
        assertThat(stored).hasSizeGreaterThan(10_000);
        String store = folded(String.join("\n", stored));
        String events = folded(String.join(
                "\n",
                changeLog().events("spojka.changes").stream()
                        .map(r -> r.value())
                        .filter(e -> e != null && e.getSource().toString().endsWith("/" + OFN))
                        .map(PersonalDataIT::data)
                        .toList()));
        assertThat(events).contains("[osobni udaj]");
        for (String name : names) {
            String slug = folded(name).replaceAll("[^a-z0-9]+", "-");
            assertThat(store).as("%s in the store", name).doesNotContain(folded(name), slug);
            assertThat(events).as("%s in spojka.changes", name).doesNotContain(folded(name), slug);
        }
    }

    @Test
    void theRedactedTitlesArePublishedInstead() {
        awaitStartupRuns();
        assertThat(ask("ASK { <" + OFN_NOTICES + "opendata-test.mvcr.cz/api/boards/3/info/1571034> <" + TITLE
                        + "> \"Oznámení o možnosti převzetí písemnosti - [osobní údaj]\"@cs }"))
                .isTrue();
        assertThat(ask("ASK { <" + OFN_NOTICES + "opendata-test.mvcr.cz/api/boards/14/info/1349972> <" + TITLE
                        + "> \"VEŘEJNÁ VYHLÁŠKA - možnost převzít si doporučenou písemnost - [osobní údaj]\"@cs }"))
                .isTrue();
        assertThat(count("?n a <" + NOTICE + "> ; <" + TITLE + "> ?t . FILTER(CONTAINS(?t, \"[osobní údaj]\"))"))
                .isEqualTo(627);
        assertThat(count("?n a <" + NOTICE + "> ; <" + TITLE + "> ?t . FILTER(CONTAINS(?t, \"ÚO Příbram\"))"))
                .as("a territorial department is no person")
                .isEqualTo(20);
    }

    @Test
    void theConnectorsApiCountsWhatTheGuardFoundAndDidInEveryRun() throws Exception {
        awaitStartupRuns();
        JsonNode ofn = HubApi.item(api().get("/api/connectors", HubApi.ADMIN_KEY), "id", OFN);
        assertThat(ofn.get("privacy").toString()).isEqualTo("{\"classification\":\"personal\",\"policy\":\"redact\"}");
        JsonNode lastRun = ofn.at("/lastRun/personalData");
        assertThat(lastRun.get("found").asInt())
                .isEqualTo(lastRun.get("redacted").asInt());
        JsonNode runs = api().get("/api/connectors/" + OFN + "/runs", HubApi.ADMIN_KEY);
        JsonNode startUp = runs.get(runs.size() - 1).get("personalData");
        assertThat(startUp.toString()).isEqualTo("{\"found\":2306,\"redacted\":2306,\"pseudonymised\":0,\"held\":0}");
        JsonNode edesky = api().get("/api/connectors/" + EDESKY + "/runs", HubApi.ADMIN_KEY);
        assertThat(edesky.get(edesky.size() - 1).get("personalData").toString())
                .as("the 43 documents of Chrudim name no person")
                .isEqualTo("{\"found\":0,\"redacted\":0,\"pseudonymised\":0,\"held\":0}");
    }

    private static String data(CloudEvent event) {
        return event.getData() == null ? "" : new String(event.getData().toBytes(), UTF_8);
    }

    /** The labelled personal data that names a person (a year of birth alone is a number found everywhere). */
    private static List<String> labelledNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Reader in =
                Files.newBufferedReader(Path.of("src/test/resources/cz/spojka/privacy/labelled-titles.csv"), UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
                for (String span : row.get("spans").split("\\|")) {
                    if (span.chars().anyMatch(Character::isLetter) && !names.contains(span)) {
                        names.add(span);
                    }
                }
            }
        }
        return names;
    }

    /** Lower case without diacritics, as a web address's slug writes a name. */
    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
