package cz.spojka.linkeddata;

import cz.spojka.access.Caller;
import cz.spojka.system.PageFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Linked Data pages. Every IRI the hub mints under its base ({@code <base>zdroj/…}, {@code <base>graph/…},
 * {@code <base>connectors/…}) is answered at its own path, and any other IRI the store has data about at
 * {@code /resource?iri=<IRI>}: HTML, Turtle, JSON-LD, N-Triples or RDF/XML by {@code Accept} or {@code ?format=}, the
 * listed entities a page at a time ({@code ?page=N}). See docs/linked-data.md.
 */
@RestController
class LinkedDataController {

    private final ResourcePages pages;
    private final HubIris iris;

    LinkedDataController(ResourcePages pages, HubIris iris) {
        this.pages = pages;
        this.iris = iris;
    }

    @GetMapping({"/zdroj/**", "/graph/**", "/connectors/**"})
    ResponseEntity<?> hubIri(
            HttpServletRequest request,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String page,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String rawPath =
                request.getRequestURI().substring(request.getContextPath().length());
        return answer(
                pages.visibleTo(Caller.of(request)),
                iris.candidates(rawPath),
                rawPath,
                format,
                page,
                accept,
                request.getContextPath());
    }

    @GetMapping("/resource")
    ResponseEntity<?> resource(
            HttpServletRequest request,
            @RequestParam(required = false) String iri,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String page,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (iri == null || iri.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "/resource needs the IRI to describe: /resource?iri=<IRI>");
        }
        return answer(
                pages.visibleTo(Caller.of(request)),
                List.of(iri),
                iris.page(iri),
                format,
                page,
                accept,
                request.getContextPath());
    }

    private ResponseEntity<?> answer(
            ResourcePages pages,
            List<String> candidates,
            String address,
            String format,
            String page,
            String accept,
            String root) {
        PageFormat form;
        try {
            form = PageFormat.choose(format, accept, "Resources");
        } catch (ResponseStatusException e) {
            return problem(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
        }
        Paging paging;
        try {
            paging = new Paging(page == null ? 1 : Integer.parseInt(page), pages.pageSize());
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "page must be a whole number from 1, not '" + page + "'");
        }
        Optional<ResourcePages.Found> found = pages.find(candidates, paging);
        if (found.isEmpty()) {
            return notFound(candidates.get(0), form, root);
        }
        ResourcePages.Found resource = found.get();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        pagingLinks(resource, paging, root + address).forEach(link -> ok.header(HttpHeaders.LINK, link));
        if (form.lang() == null) {
            String html = ResourcePage.render(pages.content(resource, paging, root + address, root), iris);
            return ok.contentType(form.contentType()).body(html.getBytes(StandardCharsets.UTF_8));
        }
        Graph rdf = pages.rdf(resource);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, rdf, form.lang());
        return ok.contentType(form.contentType()).body(out.toByteArray());
    }

    /** {@code Link} headers to the first, previous, next and last pages of the listed entities, when there are more. */
    private static List<String> pagingLinks(ResourcePages.Found resource, Paging paging, String address) {
        long last = paging.lastPage(resource.listing().total());
        if (last == 1 && paging.page() == 1) {
            return List.of();
        }
        String separator = address.contains("?") ? "&" : "?";
        List<String> links = new ArrayList<>();
        links.add("<" + address + ">; rel=\"first\"");
        if (paging.page() > 1) {
            long previous = Math.min(paging.page() - 1, last);
            links.add("<" + (previous == 1 ? address : address + separator + "page=" + previous) + ">; rel=\"prev\"");
        }
        if (paging.page() < last) {
            links.add("<" + address + separator + "page=" + (paging.page() + 1) + ">; rel=\"next\"");
        }
        links.add("<" + (last == 1 ? address : address + separator + "page=" + last) + ">; rel=\"last\"");
        return links;
    }

    private ResponseEntity<?> notFound(String iri, PageFormat format, String root) {
        String detail = "The hub has no data about <" + iri + ">";
        if (format == PageFormat.HTML) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(NotFoundPage.render(iri, root).getBytes(StandardCharsets.UTF_8));
        }
        return problem(HttpStatus.NOT_FOUND, detail);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        // Set, not negotiated: a client asking for Turtle learns why it gets none.
        return ResponseEntity.status(status)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
