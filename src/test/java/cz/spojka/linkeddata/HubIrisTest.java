package cz.spojka.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HubIrisTest {

    private final HubIris iris = new HubIris("https://obec.example/spojka/");

    @Test
    void mapsTheRequestPathOntoTheBaseIriWhateverHostTheRequestCameTo() {
        assertThat(iris.candidates("/zdroj/podnety/00270211/podnet/A%2FB"))
                .containsExactly("https://obec.example/spojka/zdroj/podnety/00270211/podnet/A%2FB");
    }

    @Test
    void triesTheIriWithItsEscapedLettersDecodedToo() {
        assertThat(iris.candidates("/zdroj/usneseni/00270211/usnesen%C3%AD/1%20a"))
                .containsExactly(
                        "https://obec.example/spojka/zdroj/usneseni/00270211/usnesen%C3%AD/1%20a",
                        "https://obec.example/spojka/zdroj/usneseni/00270211/usnesení/1%20a");
        assertThat(HubIris.decodeNonAscii("a%FFb")).isEqualTo("a%FFb");
    }

    @Test
    void linksHubIrisToTheirPathAndOthersToResource() {
        assertThat(iris.page("https://obec.example/spojka/graph/podnety/00270211"))
                .isEqualTo("/graph/podnety/00270211");
        assertThat(iris.page("https://linked.cuzk.cz/resource/ruian/obec/571164"))
                .isEqualTo("/resource?iri=https%3A%2F%2Flinked.cuzk.cz%2Fresource%2Fruian%2Fobec%2F571164");
    }
}
