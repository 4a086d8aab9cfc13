package cz.spojka.linkeddata;

import cz.spojka.access.GraphAccess;
import cz.spojka.connector.Connectors;
import cz.spojka.store.StoreReader;
import cz.spojka.system.SpojkaProperties;
import cz.spojka.vocab.PublishedVocabulary;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Linked Data pages: the store's reader, the vocabulary's labels and prefixes, the hub's base IRI. */
@Configuration(proxyBeanMethods = false)
class LinkedDataConfiguration {

    /**
     * Keeps {@code %2F} in request paths. Mappings mint IRIs with {@code ENCODE_FOR_URI(id)}, so a source id with a
     * slash ({@code 12/2024}) makes an IRI with {@code %2F}, which Tomcat refuses with 400 by default before the page
     * is reached. Passed through, the path stays encoded and {@link HubIris} maps it onto the IRI as it was minted.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesInIris() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    HubIris hubIris(SpojkaProperties properties) {
        return new HubIris(properties.baseIri());
    }

    @Bean
    ResourcePages resourcePages(
            StoreReader store,
            PublishedVocabulary vocabulary,
            Connectors connectors,
            GraphAccess access,
            SpojkaProperties properties) {
        PrefixMapping prefixes = PrefixMapping.Factory.create()
                .setNsPrefixes(PrefixMapping.Standard)
                .setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefixes(vocabulary.ontologyPrefixes())
                .lock();
        return new ResourcePages(
                new ResourceReader(store),
                new VocabularyLabels(vocabulary),
                connectors,
                access,
                prefixes,
                new PageContent.MapTiles(
                        properties.dashboard().tileUrl(), properties.dashboard().tileAttribution()),
                properties.linkedData().pageSize());
    }
}
