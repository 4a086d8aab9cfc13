package cz.spojka.downloads;

import java.util.List;
import java.util.Optional;

/**
 * A dataset the connectors feed, with everything it downloads as.
 *
 * @param id the dataset id ({@code uredni-deska})
 * @param titleCs its Czech title
 * @param titleEn its English title
 * @param municipalities the municipalities and authorities whose data it holds, one graph each, by IČO
 * @param table its tabular view, if one is declared
 * @param ofn the open formal norms built from it
 */
record PublishedDataset(
        String id,
        String titleCs,
        String titleEn,
        List<Municipality> municipalities,
        Optional<DatasetTable> table,
        List<OfnDownload> ofn) {

    /**
     * @param ico its IČO, the last segment of its graph's IRI
     * @param name its name
     * @param description what its part of the dataset holds (Czech)
     * @param graphIri the named graph of its data, {@code <base>graph/<dataset>/<IČO>}
     */
    record Municipality(String ico, String name, String description, String graphIri) {}

    /** This dataset with only {@code kept} of its municipalities. */
    PublishedDataset withMunicipalities(List<Municipality> kept) {
        return new PublishedDataset(id, titleCs, titleEn, kept, table, ofn);
    }

    /** The formats the dataset downloads in: CSV only where a tabular view is declared. */
    List<DownloadFormat> formats() {
        return DownloadFormat.offered(table.isPresent());
    }
}
