package cz.spojka.privacy;

/**
 * One piece of personal data in a text.
 *
 * @param kind what it is
 * @param start its first character in the text
 * @param end the character after its last one
 * @param value the text from {@code start} to {@code end}
 */
public record Finding(PersonalDataKind kind, int start, int end, String value) {

    static Finding in(String text, PersonalDataKind kind, int start, int end) {
        return new Finding(kind, start, end, text.substring(start, end));
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
