package cz.spojka.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The name detector on titles of real notices (most from the MV ČR sample) and on organisation names. */
class NameDetectorTest {

    private static final NameDetector NAMES = new NameDetector(NameLexicon.bundled());

    private static List<String> names(String text) {
        return NAMES.find(text).stream().map(Finding::value).toList();
    }

    @Test
    void findsCzechNamesInBothOrders() {
        assertThat(names("Oznámení o možnosti převzetí písemnosti - Milan PROCHÁZKA"))
                .containsExactly("Milan PROCHÁZKA");
        assertThat(names("VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - KŘÍŽKOVÁ Gabriela"))
                .containsExactly("KŘÍŽKOVÁ Gabriela");
        assertThat(names("Oznámení o možnosti převzetí písemnosti - Natálie Putíková"))
                .containsExactly("Natálie Putíková");
        assertThat(names("Novák František")).containsExactly("Novák František");
        assertThat(names("PAVEL DVOŘÁK")).containsExactly("PAVEL DVOŘÁK");
    }

    @Test
    void findsForeignNamesByTheWordsBeforeThemOrTheCapitalisedSurname() {
        assertThat(names("VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - SHARIBEK Syrym"))
                .containsExactly("SHARIBEK Syrym");
        assertThat(names("VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít Rozhodnutí - Collins Ikechukwu EZE"))
                .containsExactly("Collins Ikechukwu EZE");
        assertThat(names("VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - D URSO Mark Patrick"))
                .containsExactly("D URSO Mark Patrick");
        assertThat(names("Veřejná vyhláška – oznámení o možnosti převzít rozhodnutí - Delano Patsuria"))
                .containsExactly("Delano Patsuria");
        assertThat(names("Výzva Marian HROMEK.pdf")).containsExactly("Marian HROMEK");
        assertThat(names("Oluwafisayo Ekwueme, nar. 1990")).containsExactly("Oluwafisayo Ekwueme");
    }

    @Test
    void findsASurnameAloneAfterTheWordsOfADeliveryAndTheItemsOfLists() {
        assertThat(names("VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzetí písemnosti - TALPA"))
                .containsExactly("TALPA");
        assertThat(
                        names(
                                "Veřejná vyhláška - oznámení o možnost převzít písemnost PRYSIAZHNIUK, DUDLA, NEKLESA, NAZARUK"))
                .containsExactly("PRYSIAZHNIUK", "DUDLA", "NEKLESA", "NAZARUK");
        assertThat(names("Jmenování členů dozorčí rady České pošty, s. p. - 4. 3. 2022, Chadimová, Stiegler, Herrmann"))
                .containsExactly("Chadimová", "Stiegler", "Herrmann");
        assertThat(names("VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - MOLDOVAN Sofiia (MOLDOVAN Olena)"))
                .containsExactly("MOLDOVAN Sofiia", "MOLDOVAN Olena");
    }

    @Test
    void leavesAcademicTitlesOutOfTheName() {
        assertThat(names("Nominace členů dozorčí rady Národní agentury pro komunikační a informační technologie, s. p."
                        + " - 9. 6. 2020, JUDr. Jaroslav Strouhal, Ing. Tomáš Hampl"))
                .containsExactly("Jaroslav Strouhal", "Tomáš Hampl");
        assertThat(names("Jmenování člena dozorčí rady České pošty, s. p. - 28. 8. 2020, Ing. Oldřich Černoch, CSc."))
                .containsExactly("Oldřich Černoch");
        assertThat(names("Grant na realizaci projektu orchestru panu Milanu Svobodovi"))
                .containsExactly("Milanu Svobodovi");
    }

    @Test
    void doesNotFlagOrganisationsTownsStreetsOrProducts() {
        assertThat(names("Veřejnoprávní smlouva podle zákona o požární ochraně mezi HZS Středočeského kraje a Městem"
                        + " Český Brod"))
                .isEmpty();
        assertThat(names("Veřejnoprávní smlouva mezi HZS Ústeckého kraje a společností Nexen Tire Europe s. r. o."))
                .isEmpty();
        assertThat(names("Krajské ředitelství policie Zlínského kraje")).isEmpty();
        assertThat(names("Veřejnoprávní smlouva mezi HZS Jihomoravského kraje a obcí Petrov"))
                .isEmpty();
        assertThat(names("Oznámení o nálezu zbraně kategorie B - ÚO Příbram")).isEmpty();
        assertThat(names("neštěstí v panelovém domě v Bohumíně, na ulici Nerudova č.p. 1158"))
                .isEmpty();
        assertThat(names("Gymnázium Josefa Ressela, Chrudim, Olbrachtova 291")).isEmpty();
        assertThat(names("Obec Zdislava")).isEmpty();
        assertThat(names("INEX Česká republika s.r.o.")).isEmpty();
        assertThat(names("expanzní zbraň, značky EKOL VOLTRAN Lady, ráže 9 mm P.A. Blanc"))
                .isEmpty();
        assertThat(names("1 ks střeliva ráže 22 Long Rifle, 3 ks střeliva ráže 45 AUTO"))
                .isEmpty();
        assertThat(names("Revolver flobert, KORA Brno, ráže 6 mm Flobert, ÚO Benešov"))
                .isEmpty();
        assertThat(names("Oznámení o možnosti převzít písemnost č. j. HSUL- 4419-8/CV-2023."))
                .isEmpty();
        assertThat(names("Výroční zpráva MV - GŘ HZS ČR za rok 2022")).isEmpty();
        assertThat(names("rozhodnutí - prodloužení platnosti rozhodnutí: ČOV s splašková kanalizace - Úhřetice"))
                .isEmpty();
    }
}
