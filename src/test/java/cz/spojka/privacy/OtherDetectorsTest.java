package cz.spojka.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detectors of birth numbers and dates, contacts, bank accounts, addresses and vehicle registrations. */
class OtherDetectorsTest {

    private static final Map<String, TextDetector> DETECTORS = Map.of(
            "birth number", new BirthNumberDetector(),
            "birth date", new BirthDateDetector(),
            "e-mail", new EmailDetector(),
            "phone", new PhoneDetector(),
            "bank account", new BankAccountDetector(),
            "vehicle", new VehicleRegistrationDetector());

    /** @param expected what is found, or nothing */
    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            birth number | r. č. 780123/4001                      | 780123/4001       | ten digits divisible by 11
            birth number | rodné číslo 7801234001                 | 7801234001        | without the slash, announced
            birth number | Objednávka č. 1601100435               |                   | without the slash, not announced
            birth number | 780123/4002                            |                   | not divisible by 11
            birth number | 855215/4006                            | 855215/4006       | a woman: month + 50
            birth number | 781323/4000                            |                   | month 13
            birth number | 530101/123                             | 530101/123        | nine digits, before 1954
            birth number | 550101/123                             |                   | nine digits, after 1953
            birth number | 760301/0020                            | 760301/0020       | before 1986: nine digits leave 10, check digit 0
            birth date   | Jan Novák, nar. 1.2.1980               | 1.2.1980          | nar.
            birth date   | narozen dne 1. 2. 1980                 | 1. 2. 1980        | narozen dne
            birth date   | Jan Novák *1980                        | 1980              | a star
            birth date   | r. nar. 1975                           | 1975              | r. nar.
            birth date   | Dmytro KICHURCHAK, roč. 2005           | 2005              | roč.
            birth date   | pistole zn. ČZ vzor 70, rok výroby 1980 |                  | a year of manufacture
            e-mail       | kontakt: jan.novak@seznam.cz, podatelna@mvcr.cz | jan.novak@seznam.cz | a person's, not the office's
            e-mail       | info@chrudim.cz                        |                   | a role
            e-mail       | 367842900_BCIFND_FAX_EMAIL_367842899@EBSP.pdf |            | a file name
            phone        | volejte +420 777 123 456               | +420 777 123 456  | the country code
            phone        | tel.: 224123456                        | 224123456         | announced
            phone        | mobil 602 123 456                      | 602 123 456       | announced, grouped
            phone        | 777 123 456                            | 777 123 456       | a mobile in groups of three
            phone        | č. j. 224123456                        |                   | a reference number
            phone        | částka 224 123 456 Kč                  |                   | an amount
            bank account | číslo účtu 19-2000145399/0800          | 19-2000145399/0800 | with a prefix
            bank account | 2400123455/2010                        | 2400123455/2010   | mod 11
            bank account | 2400123456/2010                        |                   | fails mod 11
            bank account | 2400123455/1234                        |                   | no such bank
            bank account | podle zákona č. 106/1999 Sb.           |                   | a law
            bank account | na účet 123/0100                       | 123/0100          | a short number, announced
            bank account | IBAN CZ65 0800 0000 1920 0014 5399     | CZ65 0800 0000 1920 0014 5399 | IBAN
            bank account | CZ66 0800 0000 1920 0014 5399          |                   | fails mod 97
            vehicle      | osobní motorové vozidlo CITROEN SAXO, RZ 5U0 3161 | 5U0 3161 | RZ
            vehicle      | model 5U0 3161                         |                   | not announced
            """)
    void findsWhatPassesItsCheckAndOnlyThat(String detector, String text, String expected, String why) {
        List<String> found =
                DETECTORS.get(detector).find(text).stream().map(Finding::value).toList();
        assertThat(found).as(why).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void addressesOfPersonsButNotOfOffices() {
        AddressDetector addresses = new AddressDetector();
        NameDetector names = new NameDetector(NameLexicon.bundled());
        String afterName = "Ing. Karel Hladký, Zrzavého 1705/4b, 163 00 Praha";
        assertThat(addresses.find(afterName, names.find(afterName)).stream().map(Finding::value))
                .containsExactly("Zrzavého 1705/4b, 163 00 Praha");
        String announced = "výzva pro adresáta trvale bytem Nerudova 12, Praha 1; nar. 1980";
        assertThat(addresses.find(announced, List.of()).stream().map(Finding::value))
                .containsExactly("Nerudova 12, Praha 1");
        String office = "pobočka České pošty na adrese náměstí Družby 1215/2, 708 00 Poruba";
        assertThat(addresses.find(office, names.find(office))).isEmpty();
    }
}
