package cz.spojka.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document of {@code docs/} generated from declarations: with {@code -Dspojka.docs.update=true} the test that
 * generates it rewrites it; otherwise the test fails when the committed document is stale.
 */
public final class GeneratedDocs {

    private GeneratedDocs() {}

    public static void assertCurrent(Path document, String generated, Class<?> generatingTest) throws IOException {
        if (Boolean.getBoolean("spojka.docs.update")) {
            Files.writeString(document, generated);
        }
        assertThat(Files.exists(document)).as(document + " exists").isTrue();
        assertThat(Files.readString(document))
                .as(document + " is stale; regenerate it with mvn test -Dtest=" + generatingTest.getSimpleName()
                        + " -Dspojka.docs.update=true")
                .isEqualTo(generated);
    }
}
