package cz.spojka.access;

import cz.spojka.connector.Connectors;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which dataset a grant may name: one a loaded connector declares {@code restricted}. A grant on a public dataset would
 * change nothing, and one on an internal dataset would not open it (only operators read internal data), so both are
 * refused rather than kept as a promise the hub does not keep. The one check of the admin API ({@link GrantsController})
 * and of the access seed ({@link AccessSeed}).
 */
final class GrantableDatasets {

    private final Function<String, Optional<DataClassification>> classification;
    private final Supplier<List<String>> declared;

    GrantableDatasets(Connectors connectors) {
        this(
                connectors::classification,
                () -> connectors.active().stream()
                        .map(active -> active.definition().dataset().id())
                        .distinct()
                        .sorted()
                        .toList());
    }

    /**
     * @param classification a dataset's classification, empty when no loaded connector declares it
     * @param declared the datasets the loaded connectors declare, named in the refusal of an unknown one
     */
    GrantableDatasets(Function<String, Optional<DataClassification>> classification, Supplier<List<String>> declared) {
        this.classification = classification;
        this.declared = declared;
    }

    /** @throws InvalidAccessChange naming the field {@code dataset} and why it cannot be granted */
    void require(String dataset) {
        if (dataset == null || dataset.isBlank()) {
            throw new InvalidAccessChange("dataset", "is required");
        }
        DataClassification declaredAs = classification
                .apply(dataset)
                .orElseThrow(() -> new InvalidAccessChange(
                        "dataset",
                        "no loaded connector declares the dataset " + dataset + "; declared: " + declared.get()));
        switch (declaredAs) {
            case PUBLIC ->
                throw new InvalidAccessChange(
                        "dataset", dataset + " is public: everyone reads it, so a grant would change nothing");
            case INTERNAL ->
                throw new InvalidAccessChange(
                        "dataset",
                        dataset + " is internal: only operators read it, whatever the grants; declare it"
                                + " dataset.classification: restricted in its connector.yaml to share it");
            case RESTRICTED -> {}
        }
    }
}
