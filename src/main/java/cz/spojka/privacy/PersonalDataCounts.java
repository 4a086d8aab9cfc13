package cz.spojka.privacy;

/**
 * What the guard found and did in one run of a connector.
 *
 * @param found pieces of personal data found (each occurrence in each value, and each link that carries one)
 * @param redacted found pieces replaced with "[osobní údaj]" or, in a link, dropped with the link
 * @param pseudonymised found pieces replaced with a pseudonym or, in a link, dropped with the link
 * @param held entities held for review instead of being published
 */
public record PersonalDataCounts(int found, int redacted, int pseudonymised, int held) {

    public static final PersonalDataCounts NONE = new PersonalDataCounts(0, 0, 0, 0);

    public PersonalDataCounts plus(PersonalDataCounts other) {
        return new PersonalDataCounts(
                found + other.found, redacted + other.redacted, pseudonymised + other.pseudonymised, held + other.held);
    }
}
