package cz.spojka.downloads;

import cz.spojka.connector.Connectors;
import cz.spojka.store.StoreReader;
import cz.spojka.system.SpojkaProperties;
import cz.spojka.vocab.PublishedVocabulary;
import org.apache.jena.graph.Graph;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The downloads at {@code /data}: the tabular views are read and checked at start-up. */
@Configuration(proxyBeanMethods = false)
class DownloadsConfiguration {

    @Bean
    Downloads downloads(
            Connectors connectors, SpojkaProperties properties, StoreReader store, PublishedVocabulary vocabulary) {
        return new Downloads(
                connectors,
                DatasetTables.read(properties.vocabDir().resolve("tables")),
                OfnDownloads.all(),
                store,
                prefixes(vocabulary));
    }

    /**
     * The prefixes the vocabulary's files declare, so that a Turtle download reads like them; where two files give
     * one prefix different namespaces, the first file's wins.
     */
    static PrefixMapping prefixes(PublishedVocabulary vocabulary) {
        PrefixMapping prefixes = new PrefixMappingImpl();
        for (Graph file : vocabulary.graphs().values()) {
            file.getPrefixMapping().getNsPrefixMap().forEach((prefix, namespace) -> {
                if (prefixes.getNsPrefixURI(prefix) == null && prefixes.getNsURIPrefix(namespace) == null) {
                    prefixes.setNsPrefix(prefix, namespace);
                }
            });
        }
        return prefixes;
    }
}
