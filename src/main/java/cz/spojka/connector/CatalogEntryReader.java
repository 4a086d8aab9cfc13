package cz.spojka.connector;

import cz.spojka.privacy.DatasetPrivacy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code dataset.catalog} of {@code connector.yaml}: the dataset's record in the hub's catalogue. What
 * DCAT-AP-CZ requires of a dataset is required here, and a missing or wrong field is a problem naming the field, the
 * bad value and the allowed values, like every other problem of the connector.
 */
final class CatalogEntryReader {

    static final String BLOCK = "dataset.catalog";
    static final String NONE = "none";
    private static final List<String> FIELDS =
            List.of("themes", "keywords", "frequency", "contactPoint", "documentation", "termsOfUse");
    private static final List<String> TERMS_FIELDS = List.of(
            "copyrightedWork",
            "copyrightedWorkAuthors",
            "copyrightedDatabase",
            "copyrightedDatabaseAuthors",
            "specialDatabaseRights");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s:]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final ConnectorReader in;

    CatalogEntryReader(ConnectorReader in) {
        this.in = in;
    }

    /**
     * @param schedule the connector's schedule, which the update frequency follows from when it is not declared;
     *     null for a source that pushes, or when the schedule itself is wrong (its problem is reported already)
     * @param pushed whether the source pushes its data, so that there is no schedule
     * @param privacy the dataset's privacy declaration, which says whether what it publishes is personal data; null
     *     when it is wrong (its problem is reported already)
     * @return the entry, or null when the block is missing (a problem has been added)
     */
    CatalogEntry read(Schedule schedule, boolean pushed, DatasetPrivacy privacy) {
        if (!present(
                BLOCK,
                "the dataset's record in the hub's catalogue (themes, keywords, contactPoint, termsOfUse; see"
                        + " docs/connector-guide.md)")) {
            return null;
        }
        in.onlyKnownKeys(BLOCK, FIELDS);
        in.onlyKnownKeys(BLOCK + ".keywords", ConnectorLoader.LANGUAGES);
        in.onlyKnownKeys(BLOCK + ".contactPoint", List.of("email", "name"));
        in.onlyKnownKeys(BLOCK + ".contactPoint.name", ConnectorLoader.LANGUAGES);
        in.onlyKnownKeys(BLOCK + ".termsOfUse", TERMS_FIELDS);
        String email = in.matching(
                BLOCK + ".contactPoint.email", in.required(BLOCK + ".contactPoint.email"), EMAIL, "an e-mail address");
        String documentation = in.matching(
                BLOCK + ".documentation", in.optional(BLOCK + ".documentation", null), URL, "an http(s) address");
        return new CatalogEntry(
                themes(),
                texts(BLOCK + ".keywords.cs"),
                texts(BLOCK + ".keywords.en"),
                frequency(schedule, pushed).orElse(null),
                in.raw(BLOCK + ".frequency") != null,
                email,
                in.optional(BLOCK + ".contactPoint.name.cs", null),
                in.optional(BLOCK + ".contactPoint.name.en", null),
                documentation,
                termsOfUse(privacy));
    }

    /** Whether a required field is there; if not, the problem says what it holds. */
    private boolean present(String field, String what) {
        if (in.raw(field) != null) {
            return true;
        }
        in.problem(field, "is required: " + what);
        return false;
    }

    private List<DataTheme> themes() {
        String field = BLOCK + ".themes";
        List<String> codes = texts(field, "a list of at least one EU data theme; allowed values: " + allowedThemes());
        List<DataTheme> themes = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = in.oneOf(field + "[" + i + "]", codes.get(i), DataTheme.codes());
            if (DataTheme.codes().contains(code)) {
                themes.add(DataTheme.valueOf(code));
            }
        }
        return themes;
    }

    private static String allowedThemes() {
        return String.join(", ", DataTheme.codes());
    }

    private List<String> texts(String field) {
        return texts(field, "a list of at least one keyword");
    }

    /** A required list of non-blank texts; an empty list when it is missing or wrong (the problem is added). */
    private List<String> texts(String field, String what) {
        if (!present(field, what)) {
            return List.of();
        }
        List<?> items = in.list(field);
        if (items.isEmpty() && in.raw(field) instanceof List<?>) {
            in.problem(field, "must not be empty: " + what);
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof String text && !text.isBlank()) {
                texts.add(text.strip());
            } else {
                in.problem(field + "[" + i + "]", "must be a text, not '" + items.get(i) + "'");
            }
        }
        return texts;
    }

    private Optional<UpdateFrequency> frequency(Schedule schedule, boolean pushed) {
        String field = BLOCK + ".frequency";
        String declared = in.optional(field, null);
        if (declared != null) {
            return UpdateFrequency.ofCode(in.oneOf(field, declared, UpdateFrequency.codes()));
        }
        if (schedule == null && !pushed) {
            return Optional.empty();
        }
        Optional<UpdateFrequency> derived = schedule == null || schedule.interval() == null
                ? Optional.empty()
                : UpdateFrequency.ofInterval(schedule.interval());
        if (derived.isEmpty()) {
            in.problem(
                    field,
                    "is required: " + underivable(schedule) + "; allowed values: "
                            + String.join(", ", UpdateFrequency.codes()));
        }
        return derived;
    }

    private static String underivable(Schedule schedule) {
        if (schedule == null) {
            return "the source pushes its data, so no schedule says how often it changes";
        }
        return "the schedule (" + schedule + ") is none of the intervals it follows from ("
                + String.join(", ", UpdateFrequency.derivableIntervals()) + ")";
    }

    private TermsOfUse termsOfUse(DatasetPrivacy privacy) {
        String terms = BLOCK + ".termsOfUse";
        if (!present(
                terms,
                "copyrightedWork, copyrightedDatabase and specialDatabaseRights (see" + " docs/connector-guide.md)")) {
            return null;
        }
        String work = licence(terms + ".copyrightedWork", TermsOfUse.NO_COPYRIGHTED_WORK);
        String database = licence(terms + ".copyrightedDatabase", TermsOfUse.NOT_A_COPYRIGHTED_DATABASE);
        return new TermsOfUse(
                work,
                authors(terms + ".copyrightedWorkAuthors", work, TermsOfUse.NO_COPYRIGHTED_WORK),
                database,
                authors(terms + ".copyrightedDatabaseAuthors", database, TermsOfUse.NOT_A_COPYRIGHTED_DATABASE),
                licence(terms + ".specialDatabaseRights", TermsOfUse.NO_SPECIAL_DATABASE_RIGHTS),
                privacy != null && privacy.publishesPersonalData());
    }

    /** {@code none} (the IRI saying so) or the IRI of a licence. */
    private String licence(String field, String noneIri) {
        String value = in.required(field);
        if (value == null || value.equals(NONE)) {
            return value == null ? null : noneIri;
        }
        if (!URL.matcher(value).matches()) {
            in.problem(
                    field,
                    "'" + value + "' is neither 'none' nor the IRI of a licence (e.g."
                            + " https://creativecommons.org/licenses/by/4.0/)");
        }
        return value;
    }

    /** The authors a licence names: required with a licence, and meaningless without one. */
    private String authors(String field, String licence, String noneIri) {
        String authors = in.optional(field, null);
        if (licence == null) {
            return authors;
        }
        String rights = field.substring(0, field.length() - "Authors".length());
        if (licence.equals(noneIri) && authors != null) {
            in.problem(field, "names authors, but " + rights + " is none");
        } else if (!licence.equals(noneIri) && authors == null) {
            in.problem(
                    field,
                    "is required: " + rights + " is licensed (" + licence + "), and the licence names"
                            + " the authors");
        }
        return authors;
    }
}
