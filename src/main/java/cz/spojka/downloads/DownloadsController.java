package cz.spojka.downloads;

import cz.spojka.access.Caller;
import cz.spojka.system.AcceptHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /data}: the list of downloads (JSON, or HTML for a browser); {@code GET /data/<file>[?ico=<IČO>]}: one
 * download, streamed.
 */
@RestController
class DownloadsController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final Downloads downloads;

    DownloadsController(Downloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/data")
    ResponseEntity<?> index(
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request) {
        List<PublishedDataset> datasets = downloads.datasets(Caller.of(request));
        String dataUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/data/")
                .toUriString();
        if (prefersHtml(accept)) {
            return ResponseEntity.ok().contentType(HTML).body(DownloadsPage.of(datasets, dataUrl));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DownloadsIndex.of(datasets, dataUrl));
    }

    /** A browser asks for HTML by name; a program asking for anything ({@code *}{@code /*}) gets JSON. */
    private static boolean prefersHtml(String accept) {
        return AcceptHeader.prefers(accept, MediaType.TEXT_HTML, List.of(MediaType.APPLICATION_JSON));
    }

    /**
     * Writes the download as the store reads it. The headers are sent first, without a length (so the body is
     * chunked); a failure while writing can then no longer change the status, and the client sees the body cut off
     * instead of ending it properly.
     */
    @GetMapping("/data/{file}")
    void download(
            @PathVariable String file,
            @RequestParam(required = false) String ico,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Download download = downloads.resolve(file, ico, Caller.of(request));
        response.setContentType(download.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(download.fileName())
                        .build()
                        .toString());
        response.flushBuffer();
        download.body().writeTo(response.getOutputStream());
    }

    @ExceptionHandler(DownloadProblem.class)
    ResponseEntity<ProblemDetail> problem(DownloadProblem problem) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage()));
    }
}
