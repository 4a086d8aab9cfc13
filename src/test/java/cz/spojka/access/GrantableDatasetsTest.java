package cz.spojka.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantableDatasetsTest {

    private static final Map<String, DataClassification> DECLARED = Map.of(
            "zaplnenost-nadob", DataClassification.RESTRICTED,
            "kvalita-ovzdusi", DataClassification.PUBLIC,
            "obsazenost-parkovist", DataClassification.INTERNAL);

    private final GrantableDatasets grantable = new GrantableDatasets(
            dataset -> Optional.ofNullable(DECLARED.get(dataset)),
            () -> List.of("kvalita-ovzdusi", "obsazenost-parkovist", "zaplnenost-nadob"));

    @Test
    void onlyARestrictedDatasetOfALoadedConnectorCanBeGranted() {
        assertThatCode(() -> grantable.require("zaplnenost-nadob")).doesNotThrowAnyException();

        assertThatThrownBy(() -> grantable.require("kvalita-ovzdusi"))
                .isInstanceOf(InvalidAccessChange.class)
                .hasMessage("dataset: kvalita-ovzdusi is public: everyone reads it, so a grant would change nothing");
        assertThatThrownBy(() -> grantable.require("obsazenost-parkovist"))
                .hasMessageStartingWith("dataset: obsazenost-parkovist is internal: only operators read it");
        assertThatThrownBy(() -> grantable.require("neznamy"))
                .hasMessage("dataset: no loaded connector declares the dataset neznamy; declared: [kvalita-ovzdusi,"
                        + " obsazenost-parkovist, zaplnenost-nadob]");
        assertThatThrownBy(() -> grantable.require(" ")).hasMessage("dataset: is required");
    }
}
