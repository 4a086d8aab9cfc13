package cz.spojka.downloads;

import cz.spojka.access.GraphAccess;
import cz.spojka.connector.Connectors;
import cz.spojka.store.StoreReader;
import cz.spojka.system.SpojkaProperties;
import cz.spojka.vocab.PublishedVocabulary;
import org.apache.jena.graph.Graph;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The downloads at {@code /data}: the tabular views are read and checked at start-up; {@link DownloadFiles} tells the
 * catalogue what there is.
 */
@Configuration(proxyBeanMethods = false)
class DownloadsConfiguration {

    @Bean
    DatasetTables datasetTables(SpojkaProperties properties) {
        return DatasetTables.read(properties.vocabDir().resolve("tables"));
    }

    @Bean
    Downloads downloads(
            Connectors connectors,
            GraphAccess access,
            DatasetTables tables,
            StoreReader store,
            PublishedVocabulary vocabulary) {
        return new Downloads(connectors, access, tables, OfnDownloads.all(), store, prefixes(vocabulary));
    }

    @Bean
    DownloadFiles downloadFiles(DatasetTables tables) {
        return new DownloadFiles(tables, OfnDownloads.all());
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
