package cz.spojka.downloads;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The formats every dataset downloads in, by file extension, with the item of the EU file-type table the catalogue
 * names for each (see {@code vocab/codelists/eu-file-type.ttl}). OFN documents ({@code .jsonld}) are separate.
 */
enum DownloadFormat {
    TURTLE("ttl", "text/turtle;charset=UTF-8", "Turtle", "RDF_TURTLE", "Soubor Turtle", "Turtle file"),
    N_TRIPLES(
            "nt",
            "application/n-triples;charset=UTF-8",
            "N-Triples",
            "RDF_N_TRIPLES",
            "Soubor N-Triples",
            "N-Triples file"),
    CSV("csv", "text/csv;header=present;charset=UTF-8", "CSV", "CSV", "Tabulka CSV", "CSV table");

    final String extension;
    final String mediaType;
    final String title;
    final String fileType;
    final String fileTitleCs;
    final String fileTitleEn;

    DownloadFormat(
            String extension, String mediaType, String title, String fileType, String fileTitleCs, String fileTitleEn) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.title = title;
        this.fileType = fileType;
        this.fileTitleCs = fileTitleCs;
        this.fileTitleEn = fileTitleEn;
    }

    /** The formats a dataset downloads in: CSV only where a tabular view is declared. */
    static List<DownloadFormat> offered(boolean hasTable) {
        return hasTable ? List.of(values()) : List.of(TURTLE, N_TRIPLES);
    }

    /** The file of a dataset in this format, as the catalogue names it. */
    DownloadFile file(String datasetId) {
        return new DownloadFile(
                datasetId + "." + extension,
                mediaType.substring(0, mediaType.indexOf(';')),
                fileType,
                fileTitleCs,
                fileTitleEn,
                null,
                null);
    }

    static Optional<DownloadFormat> ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(extension))
                .findFirst();
    }
}
