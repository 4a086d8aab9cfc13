package cz.spojka.downloads;

import cz.spojka.access.Caller;
import cz.spojka.access.DataClassification;
import cz.spojka.access.GraphAccess;
import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.Connectors;
import cz.spojka.store.StoreReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * What the hub offers for download: every dataset of the loaded connectors as Turtle, N-Triples and (where a tabular
 * view is declared) CSV, and the OFN documents of the datasets that feed an open formal norm; each of every
 * municipality or of one. Only the graphs the connectors publish, {@code <base>graph/<dataset>/<IČO>}, are read:
 * never the stored default graph, the vocabulary graphs or any other; and of those only the ones the caller may read
 * ({@link GraphAccess}). A dataset none of whose graphs the caller may read is not listed; asked for, a
 * {@code restricted} one is refused with 401 to the anonymous public (saying how to authenticate) and 403 to an
 * agency without a grant, and an {@code internal} one is answered 404 as a dataset that does not exist.
 *
 * @param connectors the loaded connectors, whose datasets are the ones offered
 * @param access which graphs a caller may read
 * @param tables the declared tabular views
 * @param ofn the OFN downloads, offered where their dataset is
 * @param store where the data is read
 * @param prefixes declared in Turtle downloads
 */
record Downloads(
        Connectors connectors,
        GraphAccess access,
        DatasetTables tables,
        List<OfnDownload> ofn,
        StoreReader store,
        PrefixMapping prefixes) {

    private static final Pattern ICO = Pattern.compile("[0-9]{8}");

    static final String AUTHENTICATE = "authenticate as an agency granted it: its API key in the header X-Api-Key, or"
            + " an OIDC access token in Authorization: Bearer <token>";

    /** The datasets {@code caller} may read, by id, each with the municipalities it may read by IČO. */
    List<PublishedDataset> datasets(Caller caller) {
        Predicate<String> visible = access.visibleTo(caller);
        return all().stream()
                .map(dataset -> dataset.withMunicipalities(dataset.municipalities().stream()
                        .filter(m -> visible.test(m.graphIri()))
                        .toList()))
                .filter(dataset -> !dataset.municipalities().isEmpty())
                .toList();
    }

    /** The datasets of the loaded connectors, by id, each with its municipalities by IČO. */
    private List<PublishedDataset> all() {
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
    Download resolve(String file, String ico, Caller caller) {
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
            List<Node> graphs = graphs(dataset(documents.dataset(), caller), ico, caller);
            return new Download(fileName, OfnDownload.MEDIA_TYPE, out -> documents.write(graphs, store, out));
        }
        DownloadFormat format = DownloadFormat.ofExtension(extension)
                .orElseThrow(() -> DownloadProblem.notFound("No download '" + file + "': datasets download as .ttl,"
                        + " .nt and .csv, OFN documents as .jsonld"));
        PublishedDataset dataset = dataset(name, caller);
        List<Node> graphs = graphs(dataset, ico, caller);
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

    /** The dataset {@code id} with the municipalities {@code caller} may read; refused when it may read none. */
    private PublishedDataset dataset(String id, Caller caller) {
        List<PublishedDataset> readable = datasets(caller);
        Optional<PublishedDataset> dataset =
                readable.stream().filter(d -> d.id().equals(id)).findFirst();
        if (dataset.isPresent()) {
            return dataset.get();
        }
        boolean exists = all().stream().anyMatch(d -> d.id().equals(id));
        if (exists && access.classification(id) == DataClassification.RESTRICTED) {
            throw refusal(caller, "Dataset '" + id + "' is restricted");
        }
        throw DownloadProblem.notFound("No dataset '" + id + "' is fed by a loaded connector; datasets: "
                + readable.stream().map(PublishedDataset::id).collect(Collectors.joining(", ")));
    }

    private static DownloadProblem refusal(Caller caller, String what) {
        if (caller.anonymous()) {
            return DownloadProblem.unauthorized(what + ": " + AUTHENTICATE + ".");
        }
        return DownloadProblem.forbidden(
                what + " and the agency '" + caller.agency() + "' has no grant for it (grants: /api/grants).");
    }

    private List<Node> graphs(PublishedDataset dataset, String ico, Caller caller) {
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
                .orElseThrow(() -> ofOtherMunicipality(dataset, ico, caller));
    }

    /** The refusal of a municipality's data the caller may not read, or the answer that the dataset holds none. */
    private DownloadProblem ofOtherMunicipality(PublishedDataset dataset, String ico, Caller caller) {
        boolean held = all().stream()
                .filter(d -> d.id().equals(dataset.id()))
                .flatMap(d -> d.municipalities().stream())
                .anyMatch(m -> m.ico().equals(ico));
        if (held) {
            return refusal(caller, "The data of IČO " + ico + " in dataset '" + dataset.id() + "' is restricted");
        }
        return DownloadProblem.notFound("Dataset '" + dataset.id() + "' holds no data of IČO " + ico
                + "; it holds the data of "
                + dataset.municipalities().stream()
                        .map(m -> m.ico() + " (" + m.name() + ")")
                        .collect(Collectors.joining(", ")));
    }
}
