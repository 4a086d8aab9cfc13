package cz.spojka.privacy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds bank accounts: Czech account numbers ({@code [prefix-]number/bank code}) whose prefix and number pass the
 * mod-11 check with the weights of the Czech National Bank's decree and whose bank code is a Czech bank's, and IBANs
 * that pass the mod-97 check. An account number of fewer than six digits counts only after a word that announces an
 * account, since "106/1999" is far more often a law than an account.
 */
public final class BankAccountDetector implements TextDetector {

    private static final Pattern CZECH = Pattern.compile("(?<![\\d/-])(?:(\\d{1,6})-)?(\\d{2,10})/(\\d{4})(?![\\d/])");
    private static final Pattern IBAN =
            Pattern.compile("(?<![A-Z0-9])[A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,3})?(?![A-Z0-9])");
    private static final Pattern ACCOUNT_WORD_BEFORE =
            Pattern.compile("(?i)(?:účet|účtu|účtem|č\\.\\s?ú\\.|bankovní\\s+spojení)\\s*:?\\s*(?:č\\.\\s*)?$");
    private static final int[] WEIGHTS = {6, 3, 7, 9, 10, 5, 8, 4, 2, 1};
    /** The codes of the banks in the Czech National Bank's list of payment system codes. */
    private static final Set<String> BANK_CODES = Set.of(
            "0100", "0300", "0600", "0710", "0800", "2010", "2020", "2060", "2070", "2100", "2200", "2220", "2250",
            "2260", "2275", "2600", "2700", "3030", "3050", "3060", "3500", "4000", "4300", "5500", "5800", "6000",
            "6100", "6200", "6210", "6300", "6363", "6700", "6800", "7910", "7950", "7960", "7970", "7990", "8030",
            "8040", "8060", "8090", "8150", "8190", "8198", "8199", "8200", "8215", "8220", "8230", "8240", "8250",
            "8255", "8265", "8270", "8280", "8293", "8299", "8500");

    @Override
    public List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>(TextDetector.matches(
                text,
                CZECH,
                0,
                PersonalDataKind.BANK_ACCOUNT,
                m -> (m.group(2).length() >= 6 || TextDetector.announced(text, m, ACCOUNT_WORD_BEFORE, 24))
                        && czechAccount(m.group(1), m.group(2), m.group(3))));
        findings.addAll(TextDetector.matches(text, IBAN, 0, PersonalDataKind.BANK_ACCOUNT, m -> iban(m.group())));
        findings.sort(Comparator.comparingInt(Finding::start));
        return findings;
    }

    static boolean czechAccount(String prefix, String number, String bankCode) {
        return BANK_CODES.contains(bankCode)
                && (prefix == null || weightedSum(prefix) % 11 == 0)
                && number.replace("0", "").length() >= 2
                && weightedSum(number) % 11 == 0;
    }

    static boolean iban(String text) {
        String iban = text.replace(" ", "");
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** The digits weighted from the right with the last {@code digits.length()} weights. */
    private static int weightedSum(String digits) {
        int sum = 0;
        int offset = WEIGHTS.length - digits.length();
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[offset + i];
        }
        return sum;
    }
}
