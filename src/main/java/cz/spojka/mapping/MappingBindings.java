package cz.spojka.mapping;

import java.util.Map;

/**
 * The values a mapping's CONSTRUCT query sees as pre-bound variables, so IRIs are minted from configuration and the
 * source id alone: {@code ?base} (the hub's base IRI), {@code ?dataset} (dataset id), {@code ?ico} (the
 * municipality's or publisher's IČO), {@code ?ruian} (the municipality's RÚIAN code) and {@code ?recordId} (the
 * record's id in the source system), all plain strings.
 */
public record MappingBindings(String base, String dataset, String ico, String ruian) {

    Map<String, String> forRecord(String recordId) {
        return Map.of("base", base, "dataset", dataset, "ico", ico, "ruian", ruian, "recordId", recordId);
    }
}
