package cz.spojka.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word, a number or a punctuation character of a text, with its position.
 *
 * @param text the token as written
 * @param start its first character in the text
 * @param end the character after its last one
 */
record Token(String text, int start, int end) {

    /**
     * A word (letters, joined by hyphens and apostrophes; a dot right after it belongs to it when no letter follows,
     * so that "Ing." is one token but "Chloe.pdf" is three), a number, or any other single character.
     */
    private static final Pattern TOKEN =
            Pattern.compile("\\p{L}[\\p{L}\\p{M}'’]*(?:-\\p{L}[\\p{L}\\p{M}'’]*)*(?:\\.(?!\\p{L}))?|\\d+|\\S");

    enum Shape {
        /** At least two letters, all upper case: "NOVÁK", "BAT-ORSHIKH". */
        UPPER,
        /** An upper-case letter, then not only upper-case letters: "Novák", "Marie-Thérése", "McKeogh". */
        TITLE,
        OTHER
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start(), matcher.end()));
        }
        return tokens;
    }

    Shape shape() {
        int letters = 0;
        boolean allUpper = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                allUpper &= Character.isUpperCase(c);
            }
        }
        if (letters < 2) {
            return Shape.OTHER;
        }
        if (allUpper) {
            return Shape.UPPER;
        }
        return Character.isUpperCase(text.charAt(0)) ? Shape.TITLE : Shape.OTHER;
    }

    int letters() {
        return (int) text.chars().filter(Character::isLetter).count();
    }

    /** Ends with a dot: an abbreviation or an academic title ("Ing.", "zn."). */
    boolean abbreviation() {
        return text.endsWith(".");
    }

    boolean number() {
        return Character.isDigit(text.charAt(0));
    }

    /** A single capital letter: "D" in "D URSO". */
    boolean initial() {
        return text.length() == 1 && Character.isUpperCase(text.charAt(0));
    }

    /** The form the word lists use: upper case, without a final dot. */
    String word() {
        String bare = abbreviation() ? text.substring(0, text.length() - 1) : text;
        return bare.toUpperCase(Locale.ROOT);
    }

    /** The lower-case form the cue lists use, with a final dot. */
    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }
}
