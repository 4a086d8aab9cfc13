package cz.spojka.downloads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /data} offers of each dataset, for the capabilities that point at the files (the catalogue): Turtle and
 * N-Triples, CSV where a tabular view is declared, and the documents of the open formal norms the dataset feeds. The
 * same declarations decide what {@code /data} serves, so the two cannot disagree.
 */
public final class DownloadFiles {

    private final DatasetTables tables;
    private final List<OfnDownload> ofn;

    DownloadFiles(DatasetTables tables, List<OfnDownload> ofn) {
        this.tables = tables;
        this.ofn = ofn;
    }

    /** What the declarations in {@code vocabDir} offer, without a running hub (the tables are read and checked). */
    public static DownloadFiles declaredIn(Path vocabDir) {
        return new DownloadFiles(DatasetTables.read(vocabDir.resolve("tables")), OfnDownloads.all());
    }

    /** The files of the dataset, whatever its municipalities: each takes {@code ?ico=} for one of them. */
    public List<DownloadFile> of(String datasetId) {
        List<DownloadFile> files = new ArrayList<>();
        for (DownloadFormat format : DownloadFormat.offered(tables.of(datasetId).isPresent())) {
            files.add(format.file(datasetId));
        }
        ofn.stream()
                .filter(o -> o.dataset().equals(datasetId))
                .map(OfnDownload::file)
                .forEach(files::add);
        return files;
    }
}
