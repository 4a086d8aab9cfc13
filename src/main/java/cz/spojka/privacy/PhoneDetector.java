package cz.spojka.privacy;

import java.util.List;
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
        return TextDetector.matches(text, PHONE, 0, PersonalDataKind.PHONE, m -> {
            boolean countryCode = m.group(1) != null;
            boolean groupedMobile =
                    !m.group(3).isEmpty() && MOBILE.matcher(m.group(2)).matches();
            return countryCode || groupedMobile || TextDetector.announced(text, m, PHONE_WORD_BEFORE, 16);
        });
    }
}
