package cz.spojka.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name detector on titles of real notices (most from the MV ČR sample) and on organisation names. */
class NameDetectorTest {

    private static final NameDetector NAMES = new NameDetector(NameLexicon.bundled());

    /** @param expected the names found, separated by ";" */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Czech, given name first, surname in capitals  | Oznámení o možnosti převzetí písemnosti - Milan PROCHÁZKA | Milan PROCHÁZKA
            Czech, surname first                          | VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - KŘÍŽKOVÁ Gabriela | KŘÍŽKOVÁ Gabriela
            Czech, both title case                        | Oznámení o možnosti převzetí písemnosti - Natálie Putíková | Natálie Putíková
            a party of a contract, surname first          | Novák František | Novák František
            a party of a contract, all capitals           | PAVEL DVOŘÁK | PAVEL DVOŘÁK
            foreign, after the words of a delivery        | VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - SHARIBEK Syrym | SHARIBEK Syrym
            foreign, surname last                         | VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít Rozhodnutí - Collins Ikechukwu EZE | Collins Ikechukwu EZE
            foreign, a particle of one letter             | VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - D URSO Mark Patrick | D URSO Mark Patrick
            foreign, both title case, after a delivery    | Veřejná vyhláška – oznámení o možnosti převzít rozhodnutí - Delano Patsuria | Delano Patsuria
            a document named after the addressee          | Výzva Marian HROMEK.pdf | Marian HROMEK
            title-case pair before a year of birth        | Oluwafisayo Ekwueme, nar. 1990 | Oluwafisayo Ekwueme
            a surname alone after a delivery              | VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzetí písemnosti - TALPA | TALPA
            a list of surnames after a delivery           | Veřejná vyhláška - oznámení o možnost převzít písemnost PRYSIAZHNIUK, DUDLA, NEKLESA, NAZARUK | PRYSIAZHNIUK;DUDLA;NEKLESA;NAZARUK
            a list of known surnames                      | Jmenování členů dozorčí rady České pošty, s. p. - 4. 3. 2022, Chadimová, Stiegler, Herrmann | Chadimová;Stiegler;Herrmann
            two persons, one in brackets                  | VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - MOLDOVAN Sofiia (MOLDOVAN Olena) | MOLDOVAN Sofiia;MOLDOVAN Olena
            academic titles are no part of the name       | Nominace členů dozorčí rady Národní agentury pro komunikační a informační technologie, s. p. - 9. 6. 2020, JUDr. Jaroslav Strouhal, Ing. Tomáš Hampl | Jaroslav Strouhal;Tomáš Hampl
            titles before and after                       | Jmenování člena dozorčí rady České pošty, s. p. - 28. 8. 2020, Ing. Oldřich Černoch, CSc. | Oldřich Černoch
            a degree after, then a trade                  | Ivana Strážnická, DiS. | Ivana Strážnická
            a sole trader and the trade                   | Martin Sýkora, Opravy prádelenského zařízení | Martin Sýkora
            a name in the dative after panu               | Grant na realizaci projektu orchestru panu Milanu Svobodovi | Milanu Svobodovi
            """)
    void findsNamesOfPersons(String why, String text, String expected) {
        assertThat(names(text)).as(why).containsExactly(expected.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a fire brigade and a town          | Veřejnoprávní smlouva podle zákona o požární ochraně mezi HZS Středočeského kraje a Městem Český Brod
            a company                          | Veřejnoprávní smlouva mezi HZS Ústeckého kraje a společností Nexen Tire Europe s. r. o.
            a police directorate               | Krajské ředitelství policie Zlínského kraje
            a municipality that is a surname   | Veřejnoprávní smlouva mezi HZS Jihomoravského kraje a obcí Petrov
            a territorial department           | Oznámení o nálezu zbraně kategorie B - ÚO Příbram
            a street named after a person      | neštěstí v panelovém domě v Bohumíně, na ulici Nerudova č.p. 1158
            a school named after a person      | Gymnázium Josefa Ressela, Chrudim, Olbrachtova 291
            a municipality named like a woman  | Obec Zdislava
            a company in capitals and title case | INEX Česká republika s.r.o.
            a make and model                   | expanzní zbraň, značky EKOL VOLTRAN Lady, ráže 9 mm P.A. Blanc
            a calibre                          | 1 ks střeliva ráže 22 Long Rifle, 3 ks střeliva ráže 45 AUTO
            a maker and a town                 | Revolver flobert, KORA Brno, ráže 6 mm Flobert, ÚO Benešov
            a reference number after a delivery | Oznámení o možnosti převzít písemnost č. j. HSUL- 4419-8/CV-2023.
            acronyms                           | Výroční zpráva MV - GŘ HZS ČR za rok 2022
            an acronym after a decision        | rozhodnutí - prodloužení platnosti rozhodnutí: ČOV s splašková kanalizace - Úhřetice
            """)
    void doesNotFlagOrganisationsPlacesStreetsOrProducts(String why, String text) {
        assertThat(names(text)).as(why).isEmpty();
    }

    private static List<String> names(String text) {
        return NAMES.find(text).stream().map(Finding::value).toList();
    }
}
