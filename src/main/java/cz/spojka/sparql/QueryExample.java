package cz.spojka.sparql;

import java.util.List;

/**
 * An example query of {@code vocab/queries/}, as the query UI lists it.
 *
 * @param id the file name without {@code .rq}
 * @param titleCs what it asks, in Czech
 * @param titleEn what it asks, in English
 * @param groupCs the kind of data it asks about (the UI's group), in Czech
 * @param groupEn the same in English
 * @param datasets the ids of the datasets it reads, empty for the vocabulary, reference data or the catalogue
 * @param description the file's other comment lines, one paragraph
 * @param query the file without its declaration lines ({@code # @…}), as the UI loads it into the editor
 */
record QueryExample(
        String id,
        String titleCs,
        String titleEn,
        String groupCs,
        String groupEn,
        List<String> datasets,
        String description,
        String query) {}
