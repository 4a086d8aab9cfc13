package cz.spojka.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AccessSeedTest {

    private static final String SEED = """
            agencies:
              - id: technicke-sluzby
                name: Technické služby
                role: reader
                keys:
                  - seeded-key
                grants:
                  - dataset: zaplnenost-nadob
                  - dataset: kvalita-ovzdusi
                  - dataset: zaplnenost-nadob
                    municipality: "00270211"
                  - dataset: zaplnenost-nadob
            """;

    private final GrantableDatasets grantable = new GrantableDatasets(
            dataset -> Optional.ofNullable(Map.of(
                            "zaplnenost-nadob",
                            DataClassification.RESTRICTED,
                            "kvalita-ovzdusi",
                            DataClassification.PUBLIC)
                    .get(dataset)),
            () -> List.of("kvalita-ovzdusi", "zaplnenost-nadob"));

    @TempDir
    Path dir;

    @Test
    void seededGrantsAreCheckedLikeTheApisAndAWrongOneIsSkippedNamingTheFileAndTheEntry(CapturedOutput output)
            throws Exception {
        Path file = Files.writeString(dir.resolve("seed.yaml"), SEED);
        AccessRegistry registry = new AccessRegistry(dir.resolve("access"), Clock.systemUTC());

        SeededGrants grants = AccessSeed.read(file).applyTo(registry, file);
        assertThat(registry.caller("technicke-sluzby"))
                .hasValueSatisfying(caller -> assertThat(caller.grants())
                        .as("granted once the connectors are loaded")
                        .isEmpty());
        grants.grant(registry, grantable);

        assertThat(registry.grants("technicke-sluzby", null))
                .extracting(Grant::dataset, Grant::municipality)
                .containsExactlyInAnyOrder(tuple("zaplnenost-nadob", null), tuple("zaplnenost-nadob", "00270211"));
        assertThat(output.getOut())
                .contains("The access seed " + file.toAbsolutePath() + " (spojka.access.seed-file): the grant"
                        + " agencies[id=technicke-sluzby].grants[1] (dataset kvalita-ovzdusi) is skipped: dataset:"
                        + " kvalita-ovzdusi is public: everyone reads it, so a grant would change nothing.")
                .contains("agencies[id=technicke-sluzby].grants[3] (dataset zaplnenost-nadob) is skipped: The agency"
                        + " technicke-sluzby has that grant already");
        assertThat(registry.authenticate("seeded-key").agency()).isEqualTo("technicke-sluzby");

        assertThat(AccessSeed.read(file).applyTo(registry, file).entries())
                .as("the agency exists: the admin API manages it now")
                .isEmpty();
    }
}
