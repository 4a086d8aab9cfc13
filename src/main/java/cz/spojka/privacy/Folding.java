package cz.spojka.privacy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Lower case without diacritics, one character for one, so that a position in the folded text is the same position in
 * the original: "Putíková" and the slug "putikova" of a web address fold to the same letters.
 */
final class Folding {

    private Folding() {}

    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char base = c < 128
                    ? c
                    : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                            .charAt(0);
            folded.append(String.valueOf(base).toLowerCase(Locale.ROOT).charAt(0));
        }
        return folded.toString();
    }
}
