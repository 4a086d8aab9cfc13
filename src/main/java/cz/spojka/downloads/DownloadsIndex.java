package cz.spojka.downloads;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of downloads at {@code GET /data}, as JSON for programs; {@link DownloadsPage} is the same for people.
 *
 * @param datasets every dataset with its municipalities and downloads
 * @param oneMunicipality how to download one municipality's data
 */
record DownloadsIndex(List<Dataset> datasets, String oneMunicipality) {

    /**
     * @param municipalities whose data it holds, each with the graph that data is in
     */
    record Dataset(String id, Texts title, List<PublishedDataset.Municipality> municipalities, List<File> downloads) {}

    record Texts(String cs, String en) {}

    /**
     * One download of the whole dataset.
     *
     * @param rows what one CSV row is
     * @param columns the CSV's columns
     * @param standard the IRI of the OFN the documents follow
     * @param schema the JSON Schema every document conforms to
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record File(
            String format,
            String mediaType,
            String url,
            Texts rows,
            List<DatasetTable.Column> columns,
            String standard,
            Texts standardTitle,
            String schema) {}

    /**
     * @param dataUrl the absolute URL of {@code /data/}, which every download's URL starts with
     */
    static DownloadsIndex of(List<PublishedDataset> datasets, String dataUrl) {
        List<Dataset> list = new ArrayList<>();
        for (PublishedDataset dataset : datasets) {
            List<File> files = new ArrayList<>();
            for (DownloadFormat format : dataset.formats()) {
                String url = dataUrl + dataset.id() + "." + format.extension;
                files.add(dataset.table()
                        .filter(table -> format == DownloadFormat.CSV)
                        .map(table -> new File(
                                format.title,
                                format.mediaType,
                                url,
                                new Texts(table.rows().cs(), table.rows().en()),
                                table.columns(),
                                null,
                                null,
                                null))
                        .orElse(new File(format.title, format.mediaType, url, null, null, null, null, null)));
            }
            for (OfnDownload ofn : dataset.ofn()) {
                files.add(new File(
                        "OFN JSON-LD",
                        OfnDownload.MEDIA_TYPE,
                        dataUrl + ofn.name() + ".jsonld",
                        null,
                        null,
                        ofn.standard(),
                        new Texts(ofn.titleCs(), ofn.titleEn()),
                        ofn.schema()));
            }
            list.add(new Dataset(
                    dataset.id(), new Texts(dataset.titleCs(), dataset.titleEn()), dataset.municipalities(), files));
        }
        return new DownloadsIndex(list, "add ?ico=<IČO> to a download's URL for the data of one municipality");
    }
}
