package cz.spojka.connector;

import java.util.List;

/**
 * What the hub's catalogue (DCAT-AP-CZ, {@code /catalog}) says about a connector's dataset beside its title,
 * description and municipality: {@code dataset.catalog} of {@code connector.yaml}.
 *
 * @param themes the EU data themes, at least one
 * @param keywordsCs keywords in Czech, at least one
 * @param keywordsEn keywords in English, at least one
 * @param frequency how often the data changes
 * @param frequencyDeclared whether {@code frequency} was declared rather than derived from the schedule
 * @param contactEmail where users write about the dataset
 * @param contactNameCs the contact's name in Czech; null for the municipality's name
 * @param contactNameEn the contact's name in English; null for none
 * @param documentation the address of the dataset's documentation; null for none
 * @param termsOfUse the terms of use of its distributions
 */
public record CatalogEntry(
        List<DataTheme> themes,
        List<String> keywordsCs,
        List<String> keywordsEn,
        UpdateFrequency frequency,
        boolean frequencyDeclared,
        String contactEmail,
        String contactNameCs,
        String contactNameEn,
        String documentation,
        TermsOfUse termsOfUse) {}
