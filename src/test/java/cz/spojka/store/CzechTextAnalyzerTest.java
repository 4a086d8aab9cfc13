package cz.spojka.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class CzechTextAnalyzerTest {

    private final CzechTextAnalyzer analyzer = new CzechTextAnalyzer();

    @Test
    void termsAreLowerCaseStemmedAndWithoutDiacritics() throws IOException {
        assertThat(terms("Oznámení o nálezu zbraně – ÚO Příbram"))
                .containsExactly("oznamn", "o", "naleh", "zbran", "uo", "pribram");
    }

    @Test
    void inflectedFormsAndTextTypedWithoutDiacriticsMeet() throws IOException {
        assertThat(terms("zbraň zbraně zbraní zbrane")).containsOnly("zbran");
        assertThat(terms("smlouva smlouvy smlouvě smlouvou")).containsOnly("smlouv");
        assertThat(terms("nález nálezu nálezy nalezu nalez")).containsOnly("naleh");
    }

    @Test
    void wildcardTermsAreOnlyLowerCasedAndStripped() {
        assertThat(analyzer.normalize("text", "Usnes*").utf8ToString()).isEqualTo("usnes*");
        assertThat(analyzer.normalize("text", "Příbr*").utf8ToString()).isEqualTo("pribr*");
    }

    private List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
