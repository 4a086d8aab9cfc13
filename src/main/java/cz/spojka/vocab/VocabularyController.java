package cz.spojka.vocab;

import cz.spojka.connector.Connectors;
import cz.spojka.system.PageFormat;
import cz.spojka.system.SpojkaProperties;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /vocab}: the vocabulary to browse — HTML for a browser, Turtle or JSON-LD by content negotiation or
 * {@code ?format=html|turtle|jsonld}. Built for each request from the published vocabulary and the connectors loaded
 * at that moment (they load after the web server starts).
 */
@RestController
class VocabularyController {

    private final PublishedVocabulary vocabulary;
    private final Connectors connectors;
    private final String pageIri;
    /** The reference data does not change while the hub runs; reading what it uses scans all its triples. */
    private final List<DatasetTerms> referenceData;

    VocabularyController(PublishedVocabulary vocabulary, Connectors connectors, SpojkaProperties properties) {
        this.vocabulary = vocabulary;
        this.connectors = connectors;
        this.pageIri = properties.baseIri() + "vocab";
        this.referenceData = DatasetTerms.ofReference(vocabulary.graphsIn("reference"));
    }

    @GetMapping("/vocab")
    ResponseEntity<byte[]> vocabulary(
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        PageFormat chosen = PageFormat.choose(format, accept, "/vocab");
        List<DatasetTerms> datasets = new ArrayList<>(DatasetTerms.ofConnectors(connectors.active(), pageIri));
        datasets.addAll(referenceData);
        VocabularyCatalogue catalogue = VocabularyCatalogue.of(vocabulary, datasets);
        byte[] body;
        if (chosen.lang() == null) {
            body = VocabularyPage.render(catalogue).getBytes(StandardCharsets.UTF_8);
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, VocabularyDescription.of(vocabulary, catalogue), chosen.lang());
            body = out.toByteArray();
        }
        return ResponseEntity.ok()
                .contentType(chosen.contentType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(body);
    }

    /** An unknown {@code ?format=} or an {@code Accept} the page cannot meet, answered with the reason as text. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<String> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(e.getReason() + "\n");
    }
}
