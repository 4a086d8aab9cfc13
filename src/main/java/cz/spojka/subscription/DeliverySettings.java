package cz.spojka.subscription;

import cz.spojka.changelog.KafkaClients;
import cz.spojka.system.SpojkaProperties;

/**
 * What every subscription's worker delivers with: the change log to read, who may receive which event, the HTTP
 * sender and the retry settings.
 *
 * @param topic the change log ({@code spojka.kafka.changes-topic})
 */
record DeliverySettings(
        KafkaClients clients,
        String topic,
        DeliveryAccess access,
        WebhookSender sender,
        SpojkaProperties.Subscriptions config) {}
