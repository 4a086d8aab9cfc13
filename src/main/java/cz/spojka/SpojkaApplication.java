package cz.spojka;

import cz.spojka.connector.ConnectorTestCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Spojka: connectors → mapping → SHACL gate → change detection → Kafka change log → store → SPARQL. */
// No user store: agencies authenticate with API keys and bearer tokens (access/SecurityConfiguration), and Boot's
// generated default user and password must never exist.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SpojkaApplication {

    public static void main(String[] args) {
        if (ConnectorTestCommand.matches(args)) {
            System.exit(ConnectorTestCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(SpojkaApplication.class, args);
    }
}
