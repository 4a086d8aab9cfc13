package cz.spojka.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds dates and years of birth after the words that announce them: "nar. 1.2.1980", "narozen dne 1. 2. 1980",
 * "*1980", "r. nar. 1980", "roč. 2005", "datum narození: 1. 2. 1980". A date without such a word (a date of
 * manufacture, of a decision) is not a date of birth.
 */
public final class BirthDateDetector implements TextDetector {

    private static final Pattern BIRTH = Pattern.compile(
            "(?:(?<![\\p{L}])(?:nar\\.|narozena|narozen[áýé]?|datum\\s+narození:?|r\\.\\s?nar\\.|roč\\.|ročník)\\s*"
                    + "(?:dne\\s*)?|\\*\\s?)"
                    + "(\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:19|20)\\d{2}|(?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public List<Finding> find(String text) {
        return TextDetector.matches(text, BIRTH, 1, PersonalDataKind.BIRTH_DATE, m -> true);
    }
}
