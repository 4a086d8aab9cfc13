package cz.spojka.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds one kind of personal data in a text value. */
interface TextDetector {

    /** The findings in {@code text}, in the order they occur. */
    List<Finding> find(String text);

    /**
     * The matches of {@code pattern} in {@code text} that {@code accept} takes (a checksum, a word before), each as a
     * finding of what {@code group} matched.
     */
    static List<Finding> matches(
            String text, Pattern pattern, int group, PersonalDataKind kind, Predicate<Matcher> accept) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (accept.test(m)) {
                findings.add(Finding.in(text, kind, m.start(group), m.end(group)));
            }
        }
        return findings;
    }

    /** Whether the text just before a match ends with what {@code before} finds (a word like "tel." or "účtu"). */
    static boolean announced(String text, Matcher match, Pattern before, int lookBehind) {
        return before.matcher(text.substring(Math.max(0, match.start() - lookBehind), match.start()))
                .find();
    }
}
