package cz.spojka.catalog;

import cz.spojka.access.Caller;
import cz.spojka.connector.DataTheme;
import cz.spojka.connector.UpdateFrequency;
import cz.spojka.system.AcceptHeader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.VCARD4;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue's documents at their IRIs, as NKOD harvests a DCAT-AP-CZ catalogue from documents: {@code /catalog}
 * lists the datasets, {@code /catalog/datasets/<dataset>/<IČO>} is a dataset's record, {@code
 * /catalog/services/sparql} the SPARQL data service. Each lists only the records the caller may read
 * ({@link CurrentCatalog}); a record it may not read is answered 404 as one that does not exist. JSON-LD with the official context by default, Turtle when the
 * {@code Accept} header prefers it.
 */
@RestController
class CatalogController {

    static final MediaType JSON_LD = MediaType.valueOf("application/ld+json");
    static final MediaType TURTLE = MediaType.valueOf("text/turtle;charset=UTF-8");
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("dcat", DCAT.NS)
            .setNsPrefix("dcterms", DCTerms.NS)
            .setNsPrefix("foaf", FOAF.NS)
            .setNsPrefix("vcard", VCARD4.NS)
            .setNsPrefix("pu", "https://data.gov.cz/slovník/podmínky-užití/")
            .setNsPrefix("theme", DataTheme.SCHEME + "/")
            .setNsPrefix("freq", UpdateFrequency.SCHEME + "/")
            .setNsPrefix("filetype", DatasetRecord.FILE_TYPE_SCHEME + "/")
            .lock();

    private final CurrentCatalog catalog;

    CatalogController(CurrentCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog")
    ResponseEntity<?> catalog(
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request) {
        return respond(catalog.get(Caller.of(request)).catalog(), accept);
    }

    @GetMapping("/catalog/datasets/{dataset}/{ico}")
    ResponseEntity<?> dataset(
            @PathVariable String dataset,
            @PathVariable String ico,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request) {
        HubCatalog current = catalog.get(Caller.of(request));
        Optional<CatalogDocument> record = current.dataset(catalog.iris().dataset(dataset, ico));
        if (record.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND,
                            "The catalogue has no record of dataset '" + dataset + "' of IČO " + ico + "; it lists "
                                    + String.join(", ", current.datasetIris())));
        }
        return respond(record.get(), accept);
    }

    @GetMapping("/catalog/services/sparql")
    ResponseEntity<?> sparqlService(
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request) {
        return respond(catalog.get(Caller.of(request)).service(), accept);
    }

    private ResponseEntity<?> respond(CatalogDocument document, String accept) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (AcceptHeader.prefers(accept, TURTLE, List.of(JSON_LD, MediaType.APPLICATION_JSON))) {
            return ok.contentType(TURTLE).body(turtle(document.graph()));
        }
        return ok.contentType(JSON_LD).body(document.json());
    }

    private static String turtle(Graph graph) {
        graph.getPrefixMapping().setNsPrefixes(PREFIXES);
        StringWriter turtle = new StringWriter();
        RDFDataMgr.write(turtle, graph, Lang.TURTLE);
        return turtle.toString();
    }
}
