package cz.spojka.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java keeps no second, hand-written copy of the vocabulary: every vocabulary IRI written in {@code src/main/java} is
 * declared in {@code vocab/} ({@link JavaVocabularyIris}); and the check finds what it must on small sources.
 */
class JavaVocabularyIrisTest {

    static Set<String> declared;

    @BeforeAll
    static void readTheVocabulary() {
        declared = JavaVocabularyIris.declaredIn(Path.of("vocab"));
    }

    @Test
    void mainSourcesWriteOnlyVocabularyIrisThatVocabDeclares() {
        assertThat(JavaVocabularyIris.check(Path.of("src/main/java"), declared))
                .map(JavaVocabularyIris.Problem::toString)
                .isEmpty();
    }

    @Test
    void declaresTheTermsOfEveryFolderOfTheVocabulary() {
        assertThat(declared)
                .contains(
                        "https://w3id.org/spojka/slovník/sourceRecordId",
                        "http://www.w3.org/ns/prov#wasAttributedTo",
                        "https://w3id.org/spojka/číselníky/typy-obcí/položky/město",
                        "https://linked.cuzk.cz/resource/ruian/obec/571164",
                        "https://w3id.org/spojka/tvary/území#Obec");
    }

    static Stream<Arguments> sources() {
        String undeclared = " is not declared in vocab/; declare it in vocab/ or correct it";
        return Stream.of(
                arguments(
                        "misspelled.java.txt",
                        List.of("misspelled.java.txt:3: https://w3id.org/spojka/slovník/sourceRecordID" + undeclared)),
                arguments(
                        "namespace.java.txt",
                        List.of(
                                "namespace.java.txt:2: https://w3id.org/spojka/slovník/ is not declared in vocab/; it is a"
                                        + " namespace: write each term's whole IRI (or use Jena's vocabulary class)")),
                arguments(
                        "literals.java.txt",
                        List.of(
                                "literals.java.txt:7: https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/deska"
                                        + undeclared,
                                "literals.java.txt:9: https://slovník.gov.cz/legislativní/x" + undeclared)),
                arguments("declared.java.txt", List.of()));
    }

    /**
     * Fixtures beside this class ({@code java-iris/}): a misspelled term, a namespace written alone, IRIs in a text
     * block and with Unicode escapes beside ones in comments, and declared IRIs with the hub's own addresses.
     */
    @ParameterizedTest
    @MethodSource("sources")
    void reportsEachUndeclaredIriWithItsFileAndLine(String fixture, List<String> expected) throws IOException {
        try (InputStream in = JavaVocabularyIrisTest.class.getResourceAsStream("java-iris/" + fixture)) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(JavaVocabularyIris.check(Path.of(fixture), source, declared))
                    .map(JavaVocabularyIris.Problem::toString)
                    .containsExactlyElementsOf(expected);
        }
    }
}
