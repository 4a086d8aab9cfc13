package cz.spojka.e2e;

import static cz.spojka.e2e.SubscriptionsApi.REPORT_CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A webhook subscriber receives each matching event exactly once across a restart of the hub: the hub stops while a
 * backlog of deliveries is still waiting (the subscriber answers slowly), and the restarted hub delivers the rest of
 * it, then the events published after the restart, with no event twice and none missing. The subscriber checks every
 * signature.
 */
class SubscriptionRestartIT {

    private static final String SECRET = "the-agency-secret-for-restarts";
    private static final int BEFORE_RESTART = 20;
    private static final int AFTER_RESTART = 10;

    @TempDir
    static Path dataDir;

    @Test
    void aSubscriberReceivesEachMatchingEventExactlyOnceAcrossAHubRestart() {
        TestHub testHub = TestHub.onFreePorts(dataDir, AgendaSystem.connectors("citizen-reports"));
        try (WebhookSubscriber subscriber = new WebhookSubscriber(SECRET)) {
            subscriber.answerAfter(150);
            try (ConfigurableApplicationContext hub = testHub.start()) {
                SubscriptionsApi api = api(hub);
                api.subscribe(subscriber, SECRET, "{\"types\":[\"" + REPORT_CREATED + "\"]}");
                reports(1, BEFORE_RESTART).forEach(api::pushReport);
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> subscriber.accepted().size() >= 3);
            }
            int deliveredBeforeRestart = subscriber.accepted().size();
            assertThat(deliveredBeforeRestart)
                    .as("the hub stopped with deliveries still waiting")
                    .isLessThan(BEFORE_RESTART);

            try (ConfigurableApplicationContext hub = testHub.start()) {
                SubscriptionsApi api = api(hub);
                reports(BEFORE_RESTART + 1, BEFORE_RESTART + AFTER_RESTART).forEach(api::pushReport);
                int all = BEFORE_RESTART + AFTER_RESTART;
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> subscriber.accepted().size() >= all);
                await().during(Duration.ofSeconds(2))
                        .until(() -> subscriber.accepted().size() == all);

                List<WebhookSubscriber.Received> received = subscriber.accepted();
                assertThat(received).allMatch(WebhookSubscriber.Received::signatureValid);
                assertThat(received)
                        .extracting(WebhookSubscriber.Received::subject)
                        .containsExactlyInAnyOrderElementsOf(reports(1, all).stream()
                                .map(SubscriptionsApi::reportIri)
                                .toList());
                List<String> published = testHub.changeLog().events("spojka.changes").stream()
                        .map(ConsumerRecord::value)
                        .filter(event -> event != null && event.getType().equals(REPORT_CREATED))
                        .map(CloudEvent::getId)
                        .toList();
                assertThat(received)
                        .extracting(WebhookSubscriber.Received::id)
                        .as("every event on the log once, with its id")
                        .containsExactlyInAnyOrderElementsOf(published);
            }
        }
    }

    private static SubscriptionsApi api(ConfigurableApplicationContext hub) {
        return new SubscriptionsApi(
                ((ServletWebServerApplicationContext) hub).getWebServer().getPort());
    }

    private static List<String> reports(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(i -> "8" + String.format("%05d", i))
                .toList();
    }
}
