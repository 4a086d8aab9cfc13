package cz.spojka.downloads;

/**
 * One file {@code /data} offers of a dataset, as the catalogue describes it.
 *
 * @param name the file's name under {@code /data/}, e.g. {@code uredni-deska.ttl}; {@code ?ico=} narrows it to one
 *     municipality
 * @param mediaType its IANA media type without parameters ({@code text/turtle})
 * @param fileType its code in the EU file-type table ({@code RDF_TURTLE})
 * @param titleCs what it is, in Czech
 * @param titleEn what it is, in English
 * @param standard the IRI of the open formal norm its documents follow, or null
 * @param schema the IRI of the JSON Schema each of its documents conforms to, or null
 */
public record DownloadFile(
        String name,
        String mediaType,
        String fileType,
        String titleCs,
        String titleEn,
        String standard,
        String schema) {}
