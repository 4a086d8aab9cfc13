package cz.spojka.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The detectors of birth numbers and dates, contacts, bank accounts, addresses and vehicle registrations. */
class OtherDetectorsTest {

    private static List<String> found(TextDetector detector, String text) {
        return detector.find(text).stream().map(Finding::value).toList();
    }

    @Test
    void birthNumbersPassTheirChecksumAndDate() {
        BirthNumberDetector numbers = new BirthNumberDetector();
        assertThat(found(numbers, "r. č. 780123/4001")).containsExactly("780123/4001");
        assertThat(found(numbers, "rodné číslo 7801234001")).containsExactly("7801234001");
        assertThat(found(numbers, "Objednávka č. 1601100435"))
                .as("without the slash, only when announced")
                .isEmpty();
        assertThat(found(numbers, "780123/4002")).as("not divisible by 11").isEmpty();
        assertThat(found(numbers, "855215/4006")).as("a woman: month + 50").containsExactly("855215/4006");
        assertThat(found(numbers, "781323/4000")).as("month 13").isEmpty();
        assertThat(found(numbers, "530101/123")).as("nine digits before 1954").containsExactly("530101/123");
        assertThat(found(numbers, "550101/123")).as("nine digits after 1953").isEmpty();
        assertThat(found(numbers, "530101123"))
                .as("nine digits without the slash")
                .isEmpty();
        assertThat(found(numbers, "760301/0020"))
                .as("before 1986: first nine digits leave 10, the check digit is 0")
                .containsExactly("760301/0020");
    }

    @Test
    void birthDatesNeedTheWordsThatAnnounceThem() {
        BirthDateDetector dates = new BirthDateDetector();
        assertThat(found(dates, "Jan Novák, nar. 1.2.1980")).containsExactly("1.2.1980");
        assertThat(found(dates, "narozen dne 1. 2. 1980")).containsExactly("1. 2. 1980");
        assertThat(found(dates, "Jan Novák *1980")).containsExactly("1980");
        assertThat(found(dates, "r. nar. 1975")).containsExactly("1975");
        assertThat(found(dates, "Dmytro KICHURCHAK, roč. 2005")).containsExactly("2005");
        assertThat(found(dates, "pistole zn. ČZ vzor 70, rok výroby 1980")).isEmpty();
    }

    @Test
    void emailsOfPeopleButNotOfOfficeRoles() {
        EmailDetector emails = new EmailDetector();
        assertThat(found(emails, "kontakt: jan.novak@seznam.cz, podatelna@mvcr.cz"))
                .containsExactly("jan.novak@seznam.cz");
        assertThat(found(emails, "info@chrudim.cz")).isEmpty();
        assertThat(found(emails, "367842900_BCIFND_FAX_EMAIL_367842899@EBSP.pdf"))
                .as("a file name")
                .isEmpty();
    }

    @Test
    void phonesWithTheCountryCodeAWordBeforeOrAsGroupedMobiles() {
        PhoneDetector phones = new PhoneDetector();
        assertThat(found(phones, "volejte +420 777 123 456")).containsExactly("+420 777 123 456");
        assertThat(found(phones, "tel.: 224123456")).containsExactly("224123456");
        assertThat(found(phones, "mobil 602 123 456")).containsExactly("602 123 456");
        assertThat(found(phones, "777 123 456")).containsExactly("777 123 456");
        assertThat(found(phones, "č. j. 224123456")).isEmpty();
        assertThat(found(phones, "částka 224 123 456 Kč")).isEmpty();
    }

    @Test
    void bankAccountsPassTheMod11OrMod97Check() {
        BankAccountDetector accounts = new BankAccountDetector();
        assertThat(found(accounts, "číslo účtu 19-2000145399/0800")).containsExactly("19-2000145399/0800");
        assertThat(found(accounts, "2400123455/2010")).containsExactly("2400123455/2010");
        assertThat(found(accounts, "2400123456/2010"))
                .as("fails the mod-11 check")
                .isEmpty();
        assertThat(found(accounts, "2400123455/1234")).as("no such bank").isEmpty();
        assertThat(found(accounts, "podle zákona č. 106/1999 Sb.")).isEmpty();
        assertThat(found(accounts, "na účet 123/0100")).containsExactly("123/0100");
        assertThat(found(accounts, "IBAN CZ65 0800 0000 1920 0014 5399"))
                .containsExactly("CZ65 0800 0000 1920 0014 5399");
        assertThat(found(accounts, "CZ66 0800 0000 1920 0014 5399"))
                .as("fails the mod-97 check")
                .isEmpty();
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

    @Test
    void vehicleRegistrationsAfterTheWordsThatAnnounceThem() {
        VehicleRegistrationDetector plates = new VehicleRegistrationDetector();
        assertThat(found(plates, "osobní motorové vozidlo CITROEN SAXO, RZ 5U0 3161"))
                .containsExactly("5U0 3161");
        assertThat(found(plates, "model 5U0 3161")).isEmpty();
    }
}
