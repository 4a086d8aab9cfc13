package cz.spojka.downloads;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.Connectors;
import cz.spojka.store.StoreReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * What the hub offers for download: every dataset of the loaded connectors as Turtle, N-Triples and (where a tabular
 * view is declared) CSV, and the OFN documents of the datasets that feed an open formal norm; each of every
 * municipality or of one. Only the graphs the connectors publish, {@code <base>graph/<dataset>/<IČO>}, are read:
 * never the stored default graph, the vocabulary graphs or any other.
 *
 * @param connectors the loaded connectors, whose datasets are the ones offered
 * @param tables the declared tabular views
 * @param ofn the OFN downloads, offered where their dataset is
 * @param store where the data is read
 * @param prefixes declared in Turtle downloads
 */
record Downloads(
        Connectors connectors, DatasetTables tables, List<OfnDownload> ofn, StoreReader store, PrefixMapping prefixes) {

    private static final Pattern ICO = Pattern.compile("[0-9]{8}");

    /** The datasets of the loaded connectors, by id, each with its municipalities by IČO. */
    List<PublishedDataset> datasets() {
        Map<String, Map<String, PublishedDataset.Municipality>> municipalities = new TreeMap<>();
        Map<String, ConnectorDefinition.Dataset> first = new LinkedHashMap<>();
        for (Connectors.Active connector : connectors.active()) {
            ConnectorDefinition.Dataset dataset = connector.definition().dataset();
            first.putIfAbsent(dataset.id(), dataset);
            municipalities
                    .computeIfAbsent(dataset.id(), id -> new TreeMap<>())
                    .putIfAbsent(
                            dataset.ico(),
                            new PublishedDataset.Municipality(
                                    dataset.ico(),
                                    dataset.municipalityName(),
                                    dataset.descriptionCs(),
                                    connector.graphIri()));
        }
        List<PublishedDataset> datasets = new ArrayList<>();
        municipalities.forEach((id, byIco) -> datasets.add(new PublishedDataset(
                id,
                first.get(id).titleCs(),
                first.get(id).titleEn(),
                List.copyOf(byIco.values()),
                tables.of(id),
                ofn.stream().filter(o -> o.dataset().equals(id)).toList())));
        return datasets;
    }

    /**
     * The download named {@code file} ({@code <dataset>.ttl}, {@code .nt}, {@code .csv} or {@code <OFN>.jsonld}), of
     * every municipality of its dataset, or only of the one with IČO {@code ico} when that is not {@code null}.
     *
     * @throws DownloadProblem when there is no such download or municipality
     */
    Download resolve(String file, String ico) {
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            throw DownloadProblem.notFound("No download '" + file + "': datasets download as <dataset>.ttl, .nt and"
                    + " .csv, OFN documents as <name>.jsonld; GET /data lists them");
        }
        String name = file.substring(0, dot);
        String extension = file.substring(dot + 1);
        String fileName = name + (ico == null ? "" : "-" + ico) + "." + extension;
        if (extension.equals("jsonld")) {
            OfnDownload documents = ofn(name);
            List<Node> graphs = graphs(dataset(documents.dataset()), ico);
            return new Download(fileName, OfnDownload.MEDIA_TYPE, out -> documents.write(graphs, store, out));
        }
        DownloadFormat format = DownloadFormat.ofExtension(extension)
                .orElseThrow(() -> DownloadProblem.notFound("No download '" + file + "': datasets download as .ttl,"
                        + " .nt and .csv, OFN documents as .jsonld"));
        PublishedDataset dataset = dataset(name);
        List<Node> graphs = graphs(dataset, ico);
        if (format == DownloadFormat.CSV) {
            DatasetTable table = dataset.table()
                    .orElseThrow(() -> DownloadProblem.notFound("Dataset '" + name + "' has no tabular view, so no"
                            + " CSV: it downloads as .ttl and .nt (a view is declared in vocab/tables/)"));
            return new Download(fileName, format.mediaType, out -> CsvDownload.write(table, graphs, store, out));
        }
        return new Download(fileName, format.mediaType, out -> RdfDownload.write(format, prefixes, graphs, store, out));
    }

    private OfnDownload ofn(String name) {
        return ofn.stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> DownloadProblem.notFound("No OFN download '" + name + ".jsonld'; OFN downloads: "
                        + ofn.stream().map(o -> o.name() + ".jsonld").collect(Collectors.joining(", "))));
    }

    private PublishedDataset dataset(String id) {
        List<PublishedDataset> datasets = datasets();
        return datasets.stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() ->
                        DownloadProblem.notFound("No dataset '" + id + "' is fed by a loaded connector;" + " datasets: "
                                + datasets.stream().map(PublishedDataset::id).collect(Collectors.joining(", "))));
    }

    private static List<Node> graphs(PublishedDataset dataset, String ico) {
        if (ico == null) {
            return dataset.municipalities().stream()
                    .map(m -> NodeFactory.createURI(m.graphIri()))
                    .toList();
        }
        if (!ICO.matcher(ico).matches()) {
            throw DownloadProblem.badRequest("The parameter ico must be an IČO of 8 digits, not '" + ico + "'");
        }
        return dataset.municipalities().stream()
                .filter(m -> m.ico().equals(ico))
                .map(m -> NodeFactory.createURI(m.graphIri()))
                .findFirst()
                .map(List::of)
                .orElseThrow(() -> DownloadProblem.notFound("Dataset '" + dataset.id() + "' holds no data of IČO " + ico
                        + "; it holds the data of "
                        + dataset.municipalities().stream()
                                .map(m -> m.ico() + " (" + m.name() + ")")
                                .collect(Collectors.joining(", "))));
    }
}
