package cz.spojka.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The personal data found anywhere in an entity, to be found again wherever else the entity repeats it: a document
 * named "SVADEBA Ruslan.pdf", a web address ending in "…-natalie-putikova.aspx". Matching ignores case, diacritics and
 * the separators between words.
 */
final class PersonalValues {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A part of a name that identifies on its own: long enough, and not a common given name. */
    private static final int MIN_NAME_PART = 4;
    /** A shorter number found again elsewhere is more likely another number. */
    private static final int MIN_DIGITS = 6;

    /** A value as a pattern over folded text, and the finding it came from. */
    private record Value(Pattern pattern, Finding source) {}

    /** By the pattern's source, so that a value found twice is looked for once. */
    private final Map<String, Value> values = new LinkedHashMap<>();

    PersonalValues(List<Finding> findings, NameLexicon lexicon) {
        for (Finding finding : findings) {
            if (finding.kind() == PersonalDataKind.BIRTH_DATE) {
                // A date or year means nothing without the words that made it a birth date ("roč. 2005").
                continue;
            }
            add(finding.value(), finding);
            if (finding.kind() == PersonalDataKind.NAME) {
                for (Token word : Token.of(finding.value())) {
                    if (word.letters() >= MIN_NAME_PART && !lexicon.givenName(word.word())) {
                        add(word.text(), finding);
                    }
                }
            }
        }
    }

    /**
     * Where the values occur in {@code text}, in order, the longest where two overlap. Each finding has the position
     * in {@code text} but the kind and value of the finding it repeats, so that it gets the same pseudonym.
     */
    List<Finding> in(String text) {
        String folded = Folding.fold(text);
        List<Finding> occurrences = new ArrayList<>();
        for (Value value : values.values()) {
            Matcher m = value.pattern().matcher(folded);
            while (m.find()) {
                occurrences.add(new Finding(
                        value.source().kind(),
                        m.start(),
                        m.end(),
                        value.source().value()));
            }
        }
        return PersonalDataDetectors.withoutOverlaps(occurrences);
    }

    private void add(String value, Finding source) {
        List<String> words = WORD.matcher(Folding.fold(value))
                .results()
                .map(MatchResult::group)
                .toList();
        boolean digits = words.stream().allMatch(w -> w.chars().allMatch(Character::isDigit));
        if (words.isEmpty() || (digits && String.join("", words).length() < MIN_DIGITS)) {
            return;
        }
        String joined = digits
                // Digits may be grouped differently elsewhere: "777 123 456", "777123456", "777-123-456".
                ? String.join("", words)
                        .chars()
                        .mapToObj(c -> String.valueOf((char) c))
                        .collect(Collectors.joining("[\\s./-]?"))
                : words.stream().map(Pattern::quote).collect(Collectors.joining("[^\\p{L}\\p{N}]+"));
        String regex = "(?<![\\p{L}\\p{N}])" + joined + "(?![\\p{L}\\p{N}])";
        values.computeIfAbsent(regex, r -> new Value(Pattern.compile(r), source));
    }
}
