package cz.spojka.connector;

import static cz.spojka.connector.ConnectorLoader.ICO;
import static cz.spojka.connector.ConnectorLoader.ID;
import static cz.spojka.connector.ConnectorLoader.LANGUAGES;
import static cz.spojka.connector.ConnectorLoader.RUIAN;

import cz.spojka.access.DataClassification;
import cz.spojka.privacy.Classification;
import cz.spojka.privacy.DatasetPrivacy;
import cz.spojka.privacy.PrivacyPolicy;
import cz.spojka.privacy.YamlValues;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code dataset} of {@code connector.yaml}: the dataset's id, names and municipality, what it may hold of
 * personal data ({@code dataset.privacy}), who may read it ({@code dataset.classification}) and its record in the catalogue ({@code dataset.catalog}, read by
 * {@link CatalogEntryReader}).
 */
final class DatasetReader {

    private final ConnectorReader in;
    private final boolean pseudonymKey;

    /**
     * @param pseudonymKey whether {@code spojka.privacy.pseudonym-key} is set, which the policy {@code pseudonymise}
     *     needs
     */
    DatasetReader(ConnectorReader in, boolean pseudonymKey) {
        this.in = in;
        this.pseudonymKey = pseudonymKey;
    }

    /**
     * The dataset; for a connector of many municipalities, {@code dataset.municipality} comes from the first row. The
     * schedule gives the catalogue's update frequency where {@code dataset.catalog} declares none.
     *
     * @param firstRow the first of the connector's municipalities; null for a connector of one municipality
     * @param pushed whether the source pushes its data, so that there is no schedule
     */
    ConnectorDefinition.Dataset read(Map<String, String> firstRow, Schedule schedule, boolean pushed) {
        in.onlyKnownKeys(
                "dataset",
                List.of("id", "title", "description", "municipality", "privacy", "classification", "catalog"));
        in.onlyKnownKeys("dataset.municipality", List.of("name", "ico", "ruian"));
        in.onlyKnownKeys("dataset.title", LANGUAGES);
        in.onlyKnownKeys("dataset.description", LANGUAGES);
        String id = in.matching(
                "dataset.id", in.required("dataset.id"), ID, "a dataset id (lower-case letters, digits, '-')");
        Municipality municipality = firstRow == null ? declaredMunicipality() : listedMunicipality(firstRow);
        String titleCs = in.required("dataset.title.cs");
        String titleEn = in.required("dataset.title.en");
        String descriptionCs = in.required("dataset.description.cs");
        String descriptionEn = in.required("dataset.description.en");
        DatasetPrivacy privacy = privacy();
        DataClassification classification = YamlValues.parse(
                DataClassification.class,
                in.oneOf(
                        "dataset.classification",
                        in.optional("dataset.classification", YamlValues.of(DataClassification.PUBLIC)),
                        YamlValues.all(DataClassification.class)));
        return new ConnectorDefinition.Dataset(
                id,
                titleCs,
                titleEn,
                descriptionCs,
                descriptionEn,
                municipality.name(),
                municipality.ico(),
                municipality.ruian(),
                privacy,
                classification,
                new CatalogEntryReader(in).read(schedule, pushed, privacy));
    }

    private record Municipality(String name, String ico, String ruian) {}

    private Municipality listedMunicipality(Map<String, String> firstRow) {
        if (in.raw("dataset.municipality") != null) {
            in.problem("dataset.municipality", "the connector lists its municipalities; give them only there");
        }
        return new Municipality(firstRow.get("name"), firstRow.get("ico"), firstRow.get("ruian"));
    }

    private Municipality declaredMunicipality() {
        String name = in.required("dataset.municipality.name");
        String ico = in.matching(
                "dataset.municipality.ico", in.required("dataset.municipality.ico"), ICO, "an IČO (8 digits, quoted)");
        if (ico != null && ICO.matcher(ico).matches() && !Ico.valid(ico)) {
            in.problem("dataset.municipality.ico", "'" + ico + "' fails the IČO check digit");
        }
        String ruian = in.matching(
                "dataset.municipality.ruian",
                in.required("dataset.municipality.ruian"),
                RUIAN,
                "a RÚIAN municipality code (6 digits, quoted)");
        return new Municipality(name, ico, ruian);
    }

    /**
     * What the dataset may hold and what the hub does with the personal data it finds. Both are required: a dataset
     * that names people must say so, and {@code publish} is refused for it.
     *
     * @return the declaration, or null when a field is missing or wrong (its problem has been added)
     */
    private DatasetPrivacy privacy() {
        in.onlyKnownKeys("dataset.privacy", List.of("classification", "policy"));
        Classification classification = requiredOneOf("dataset.privacy.classification", Classification.class);
        PrivacyPolicy policy = requiredOneOf("dataset.privacy.policy", PrivacyPolicy.class);
        if (classification == Classification.PERSONAL && policy == PrivacyPolicy.PUBLISH) {
            in.problem(
                    "dataset.privacy.policy",
                    "'publish' would publish the personal data of a dataset classified 'personal'; allowed values"
                            + " for it: redact, pseudonymise, hold");
        }
        if (policy == PrivacyPolicy.PSEUDONYMISE && !pseudonymKey) {
            in.problem(
                    "dataset.privacy.policy",
                    "'pseudonymise' needs the key spojka.privacy.pseudonym-key (at least 32 characters, given as an"
                            + " environment variable such as SPOJKA_PRIVACY_PSEUDONYMKEY), which is not set");
        }
        return classification == null || policy == null ? null : new DatasetPrivacy(classification, policy);
    }

    /** The constant of {@code type} the required field names, or {@code null} (and a problem). */
    private <E extends Enum<E>> E requiredOneOf(String field, Class<E> type) {
        List<String> allowed = YamlValues.all(type);
        String value = in.optional(field, null);
        if (value == null) {
            in.problem(field, "is required; allowed values: " + String.join(", ", allowed));
        }
        return YamlValues.parse(type, in.oneOf(field, value, allowed));
    }
}
