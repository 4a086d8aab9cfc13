package cz.spojka.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the street addresses of individuals: after the words that announce where a person lives ("bytem", "trvalý
 * pobyt", "bydliště") and right after a person's name ("Jan Novák, Nerudova 12, 110 00 Praha"). An address on its own
 * is an office's, a shop's or a building's far more often than a person's, and is left alone: a street named after a
 * person in an organisation's address is not a finding.
 */
final class AddressDetector {

    private static final Pattern RESIDENCE = Pattern.compile(
            "(?<!\\p{L})(?:trvale\\s+bytem|bytem|bydlišt(?:ě|ěm)|trvalý\\s+pobyt|trvalým\\s+pobytem|s\\s+pobytem"
                    + "|místo\\s+(?:trvalého\\s+)?pobytu|adresa\\s+(?:trvalého\\s+)?pobytu)\\s*:?\\s*"
                    + "([^;()\\n]{3,120})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** What ends an address announced by "bytem": another fact about the person. */
    private static final Pattern AFTER_ADDRESS =
            Pattern.compile("(?i),\\s*(?:nar\\.|narozen|roč\\.|tel|e-mail|IČ)|[.,\\s]+$");

    private static final Pattern STREET_AFTER_NAME =
            Pattern.compile("^\\s*,\\s*(\\p{Lu}[\\p{L}.]*(?:\\s+[\\p{L}.]+){0,3}"
                    + "\\s+\\d{1,5}(?:/\\d{1,5})?[a-z]?(?:\\s*,\\s*\\d{3}\\s?\\d{2}(?:\\s*,)?\\s+\\p{Lu}\\p{L}*"
                    + "(?:[ -](?:nad|pod|u|v|\\p{Lu}\\p{L}*))*(?:\\s+\\d{1,2})?)?)");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** @param names the names found in the text */
    List<Finding> find(String text, List<Finding> names) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = RESIDENCE.matcher(text);
        while (m.find()) {
            String address = m.group(1);
            Matcher end = AFTER_ADDRESS.matcher(address);
            int length = end.find() ? end.start() : address.length();
            if (DIGIT.matcher(address.substring(0, length)).find()) {
                findings.add(Finding.in(text, PersonalDataKind.ADDRESS, m.start(1), m.start(1) + length));
            }
        }
        for (Finding name : names) {
            Matcher street = STREET_AFTER_NAME.matcher(text.substring(name.end()));
            if (street.find()) {
                findings.add(Finding.in(
                        text, PersonalDataKind.ADDRESS, name.end() + street.start(1), name.end() + street.end(1)));
            }
        }
        return findings;
    }
}
