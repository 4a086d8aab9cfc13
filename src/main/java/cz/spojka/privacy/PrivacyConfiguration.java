package cz.spojka.privacy;

import cz.spojka.system.SpojkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The personal-data guard and the entities it holds for review. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PersonalDataGuard personalDataGuard(SpojkaProperties properties) {
        return new PersonalDataGuard(
                NameLexicon.bundled(), new Pseudonyms(properties.privacy().pseudonymKey()));
    }

    @Bean
    HeldEntities heldEntities(SpojkaProperties properties) {
        return new HeldEntities(properties.dataDir().resolve("held-for-review"));
    }
}
