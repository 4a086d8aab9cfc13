package cz.spojka.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Czech phone numbers: nine digits (first digit 2–9), alone or in groups of three. A nine-digit number is as
 * often an id or an amount, so it counts only with the country code (+420, 00420), after a word that announces a
 * phone ("tel.", "telefon", "mobil", "GSM"), or as a mobile number (60x, 7xx) written in groups of three.
 */
public final class PhoneDetector implements TextDetector {

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d/+-])((?:\\+|00)420\\s?)?([2-9]\\d{2})(\\s?)(\\d{3})\\s?(\\d{3})(?![\\d/-]|\\s?/\\s?\\d)");
    private static final Pattern PHONE_WORD_BEFORE =
            Pattern.compile("(?i)(?:tel|telefon|telefonu|mobil|mob|gsm|č\\.\\s?tel)\\.?\\s*:?\\s*$");
    private static final Pattern MOBILE = Pattern.compile("60[1-8]|7[2-9]\\d");

    @Override
    public List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            boolean countryCode = m.group(1) != null;
            boolean announced = PHONE_WORD_BEFORE
                    .matcher(text.substring(Math.max(0, m.start() - 16), m.start()))
                    .find();
            boolean groupedMobile =
                    !m.group(3).isEmpty() && MOBILE.matcher(m.group(2)).matches();
            if (countryCode || announced || groupedMobile) {
                findings.add(Finding.in(text, PersonalDataKind.PHONE, m.start(), m.end()));
            }
        }
        return findings;
    }
}
