package cz.spojka.connector;

/**
 * The terms of use of a dataset's distributions, in the structure of the OFN "Specifikace podmínek užití": for each of
 * the rights a dataset may carry, the licence it is offered under, or the document of {@code data.gov.cz} saying there
 * is nothing to license; and whether it holds personal data.
 *
 * @param copyrightedWork a licence of copyrighted works in the data, or {@link #NO_COPYRIGHTED_WORK}
 * @param copyrightedWorkAuthors their authors (in Czech), for a licence that names them; null without a licence
 * @param copyrightedDatabase a licence of the database as a copyrighted work, or {@link #NOT_A_COPYRIGHTED_DATABASE}
 * @param copyrightedDatabaseAuthors its authors (in Czech); null without a licence
 * @param specialDatabaseRights a licence of the maker's sui generis database rights, or
 *     {@link #NO_SPECIAL_DATABASE_RIGHTS}
 * @param personalData whether the published data holds personal data, which follows from the dataset's privacy
 *     declaration
 */
public record TermsOfUse(
        String copyrightedWork,
        String copyrightedWorkAuthors,
        String copyrightedDatabase,
        String copyrightedDatabaseAuthors,
        String specialDatabaseRights,
        boolean personalData) {

    private static final String TERMS = "https://data.gov.cz/podmínky-užití/";
    public static final String NO_COPYRIGHTED_WORK = TERMS + "neobsahuje-autorská-díla/";
    public static final String NOT_A_COPYRIGHTED_DATABASE = TERMS + "není-autorskoprávně-chráněnou-databází/";
    public static final String NO_SPECIAL_DATABASE_RIGHTS =
            TERMS + "není-chráněna-zvláštním-právem-pořizovatele-databáze/";
    public static final String CONTAINS_PERSONAL_DATA = TERMS + "obsahuje-osobní-údaje/";
    public static final String NO_PERSONAL_DATA = TERMS + "neobsahuje-osobní-údaje/";

    /** The document of {@code data.gov.cz} saying whether the data holds personal data. */
    public String personalDataIri() {
        return personalData ? CONTAINS_PERSONAL_DATA : NO_PERSONAL_DATA;
    }
}
