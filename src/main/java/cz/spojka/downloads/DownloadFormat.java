package cz.spojka.downloads;

import java.util.Arrays;
import java.util.Optional;

/** The formats every dataset downloads in, by file extension. OFN documents ({@code .jsonld}) are separate. */
enum DownloadFormat {
    TURTLE("ttl", "text/turtle;charset=UTF-8", "Turtle"),
    N_TRIPLES("nt", "application/n-triples;charset=UTF-8", "N-Triples"),
    CSV("csv", "text/csv;header=present;charset=UTF-8", "CSV");

    final String extension;
    final String mediaType;
    final String title;

    DownloadFormat(String extension, String mediaType, String title) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.title = title;
    }

    static Optional<DownloadFormat> ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(extension))
                .findFirst();
    }
}
