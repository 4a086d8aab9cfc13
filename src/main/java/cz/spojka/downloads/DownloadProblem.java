package cz.spojka.downloads;

import org.springframework.http.HttpStatus;

/** A download that cannot be served, with the status and a message saying what is available instead. */
final class DownloadProblem extends RuntimeException {

    private final HttpStatus status;

    private DownloadProblem(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static DownloadProblem notFound(String message) {
        return new DownloadProblem(HttpStatus.NOT_FOUND, message);
    }

    static DownloadProblem unauthorized(String message) {
        return new DownloadProblem(HttpStatus.UNAUTHORIZED, message);
    }

    static DownloadProblem forbidden(String message) {
        return new DownloadProblem(HttpStatus.FORBIDDEN, message);
    }

    static DownloadProblem badRequest(String message) {
        return new DownloadProblem(HttpStatus.BAD_REQUEST, message);
    }

    HttpStatus status() {
        return status;
    }
}
