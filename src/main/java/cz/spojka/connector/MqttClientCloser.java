package cz.spojka.connector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Route;
import org.apache.camel.component.paho.PahoConsumer;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the MQTT client of an {@code mqtt-subscribe} connector once its route has stopped.
 *
 * <p>Camel's Paho consumer disconnects its client on stop only while it is connected. A client that lost its broker
 * at that moment is in Paho's automatic reconnect cycle, and nothing ends that cycle: the client connects again
 * later, with the connector's client id and persistent session, and takes the session over from the connector's
 * next client (after a restart of the connector or of a hub in the same JVM). The broker then delivers the
 * subscription's messages to a client whose route no longer runs, and they are lost. Closing the client makes its
 * next reconnect attempt fail at once, which ends the cycle.
 *
 * <p>The client is taken when the route has started, because Camel drops its reference to it while stopping.
 */
final class MqttClientCloser extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(MqttClientCloser.class);

    private static final long DISCONNECT_TIMEOUT_MS = 1_000;

    private final Map<String, MqttClient> clientsByRoute = new ConcurrentHashMap<>();

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.RouteStartedEvent || event instanceof CamelEvent.RouteStoppedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.RouteStartedEvent started) {
            remember(started.getRoute());
        } else if (event instanceof CamelEvent.RouteStoppedEvent stopped) {
            MqttClient client = clientsByRoute.remove(stopped.getRoute().getRouteId());
            if (client != null) {
                close(stopped.getRoute().getRouteId(), client);
            }
        }
    }

    private void remember(Route route) {
        if (route.getConsumer() instanceof PahoConsumer consumer && consumer.getClient() != null) {
            clientsByRoute.put(route.getRouteId(), consumer.getClient());
        }
    }

    private static void close(String routeId, MqttClient client) {
        try {
            // Ends a connection or a reconnect attempt in progress (neither lets a client close), without a
            // DISCONNECT packet: the broker keeps the session and its queued messages for the connector's next client.
            client.disconnectForcibly(0, DISCONNECT_TIMEOUT_MS, false);
            client.close();
        } catch (MqttException e) {
            log.warn(
                    "The MQTT client {} of route {} could not be closed and may connect again: {}",
                    client.getClientId(),
                    routeId,
                    e.getMessage());
        }
    }
}
