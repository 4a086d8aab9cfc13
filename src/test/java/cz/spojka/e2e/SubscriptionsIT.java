package cz.spojka.e2e;

import static cz.spojka.e2e.SubscriptionsApi.BRNO;
import static cz.spojka.e2e.SubscriptionsApi.REPORT_CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import cz.spojka.asyncapi.AsyncApiSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook subscriptions on a running hub with the real {@code citizen-reports} webhook connector: reports pushed to
 * the hub are delivered to a subscriber that is a real HTTP server and checks every signature. Three attempts per
 * event, 200 ms initial backoff.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionsIT extends HubUnderTest {

    private static final String SECRET = "a-shared-secret-of-the-agency";
    private static final TestHub HUB = TestHub.onFreePorts(
            TestHub.tempDir("spojka-subscriptions-it-"), AgendaSystem.connectors("citizen-reports"));
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(200);

    private SubscriptionsApi api;
    /** A subscriber of each test's own, so that one test's deliveries never count in another's. */
    private WebhookSubscriber subscriber;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("spojka.subscriptions.max-attempts", () -> 3);
        registry.add("spojka.subscriptions.initial-backoff", () -> INITIAL_BACKOFF.toMillis() + "ms");
        registry.add("spojka.subscriptions.timeout", () -> "5s");
    }

    @BeforeEach
    void start() {
        api = new SubscriptionsApi(port);
        subscriber = new WebhookSubscriber(SECRET);
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.close();
    }

    @Test
    @Order(1)
    void theApiAnswers401WithoutAKey() {
        HttpResponse<String> none = api.call("GET", "/api/subscriptions", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body())
                .isEqualTo("{\"status\":401,\"error\":\"authentication required: /api/subscriptions needs the role"
                        + " reader; send an agency's API key in X-Api-Key or a bearer token in Authorization\"}");
        HttpResponse<String> wrong = api.call("POST", "/api/subscriptions/x/resume", "{}", "demo-key");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"status\":401,\"error\":\"unknown API key\"}");
        assertThat(api.call("GET", "/api/subscriptions", null, SubscriptionsApi.ADMIN_KEY)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void aSubscriptionWithProblemsIsRefusedWithEveryProblem() {
        HttpResponse<String> refused = api.call(
                "POST",
                "/api/subscriptions",
                "{\"callbackUrl\":\"ftp://x\",\"secret\":\"short\",\"filter\":{\"types\":[\"notice.created\"],"
                        + "\"municipalities\":[\"44992786\"]}}",
                SubscriptionsApi.ADMIN_KEY);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .isEqualTo("{\"problems\":["
                        + "\"callbackUrl: 'ftp://x' must be an absolute http:// or https:// URL\","
                        + "\"secret: must have at least 16 characters\","
                        + "\"filter.types: 'notice.created' is not an event type; allowed: cz.spojka.<kind>.created,"
                        + " .updated or .deleted\","
                        + "\"filter.municipalities: '44992786' is not an IČO (8 digits, the last a valid check"
                        + " digit)\"]}");
    }

    @Test
    @Order(3)
    void deliversEachMatchingEventSignedInStructuredMode() {
        String matching = api.subscribe(
                subscriber, SECRET, "{\"types\":[\"" + REPORT_CREATED + "\"],\"municipalities\":[\"" + BRNO + "\"]}");
        String otherTown = api.subscribe(subscriber, SECRET, "{\"municipalities\":[\"00845451\"]}");

        api.pushReport("700001");

        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.accepted().size() == 1);
        WebhookSubscriber.Received received = subscriber.accepted().get(0);
        assertThat(received.signatureValid()).isTrue();
        assertThat(received.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(received.type())
                .as("not the report's kind, which is created too")
                .isEqualTo(REPORT_CREATED);
        assertThat(received.subject()).isEqualTo(SubscriptionsApi.reportIri("700001"));
        assertThat(received.event().get("specversion").asText()).isEqualTo("1.0");
        assertThat(received.event().at("/data/entity/@id").asText()).isEqualTo(received.subject());
        assertThat(received.event().at("/data/entity/@context/podněty").asText())
                .isEqualTo("https://w3id.org/spojka/slovník/podněty/pojem/");
        assertThat(received.event().get("dataschema").asText())
                .isEqualTo(TestHub.BASE_IRI + "vocab/shapes/podneti.shapes.ttl#Podn%C4%9Bt");
        // The worker logs a delivery after the subscriber's answer reaches it, which may be after the test saw the
        // event.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.deliveries(matching).size() == 1);
        JsonNode log = api.deliveries(matching);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("outcome").asText()).isEqualTo("delivered");
        assertThat(log.get(0).get("eventId").asText()).isEqualTo(received.id());
        assertThat(api.deliveries(otherTown))
                .as("Ostrava's subscription got nothing")
                .isEmpty();
        api.admin("DELETE", "/api/subscriptions/" + otherTown, null);
        api.admin("DELETE", "/api/subscriptions/" + matching, null);
    }

    @Test
    @Order(4)
    void retriesWithExponentialBackoffUntilTheSubscriberAnswers() {
        String id = api.subscribe(subscriber, SECRET, "{\"types\":[\"" + REPORT_CREATED + "\"]}");
        subscriber.failNext(2, 500);

        api.pushReport("700002");

        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.received().size() == 3);
        List<WebhookSubscriber.Received> attempts = subscriber.received();
        assertThat(attempts).extracting(WebhookSubscriber.Received::accepted).containsExactly(false, false, true);
        assertThat(attempts).extracting(WebhookSubscriber.Received::attempt).containsExactly(1, 2, 3);
        assertThat(attempts)
                .extracting(WebhookSubscriber.Received::id)
                .as("the same CloudEvent id on every attempt")
                .containsOnly(attempts.get(0).id());
        assertThat(attempts).allMatch(WebhookSubscriber.Received::signatureValid);
        assertThat(Duration.ofNanos(attempts.get(1).atNanos() - attempts.get(0).atNanos()))
                .isGreaterThanOrEqualTo(INITIAL_BACKOFF);
        assertThat(Duration.ofNanos(attempts.get(2).atNanos() - attempts.get(1).atNanos()))
                .isGreaterThanOrEqualTo(INITIAL_BACKOFF.multipliedBy(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.deliveries(id).size() == 3);
        JsonNode log = api.deliveries(id);
        assertThat(outcomes(log)).containsExactly("delivered", "failed", "failed");
        assertThat(log.get(1).get("status").asInt()).isEqualTo(500);
        assertThat(log.get(1).get("error").asText()).isEqualTo("the subscriber answered 500");
        api.admin("DELETE", "/api/subscriptions/" + id, null);
    }

    @Test
    @Order(5)
    void aSubscriberThatStaysDownIsSuspendedAndResumingReplaysExactlyWhatItMissed() {
        String id = api.subscribe(subscriber, SECRET, "{\"types\":[\"" + REPORT_CREATED + "\"]}");
        subscriber.down(503);

        api.pushReport("700003");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.subscription(id).get("status").asText().equals("suspended"));
        JsonNode suspended = api.subscription(id);
        assertThat(suspended.get("suspendedReason").asText())
                .endsWith("not delivered in 3 attempts; last: the subscriber answered 503");
        assertThat(outcomes(api.deliveries(id))).containsExactly("suspended", "failed", "failed");

        api.pushReport("700004");
        api.pushReport("700005");
        subscriber.up();
        assertThat(api.deliveries(id)).as("nothing is sent while suspended").hasSize(3);

        assertThat(api.admin("POST", "/api/subscriptions/" + id + "/resume", null)
                        .get("status")
                        .asText())
                .isEqualTo("active");

        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.accepted().size() == 3);
        List<String> replayed = new ArrayList<>();
        subscriber.accepted().forEach(r -> replayed.add(r.subject()));
        assertThat(replayed)
                .as("each missed event once; events of different entities may come in any order")
                .containsExactlyInAnyOrder(
                        SubscriptionsApi.reportIri("700003"),
                        SubscriptionsApi.reportIri("700004"),
                        SubscriptionsApi.reportIri("700005"));
        await().during(Duration.ofSeconds(2)).until(() -> subscriber.accepted().size() == 3);
        assertThat(api.subscription(id).get("status").asText()).isEqualTo("active");
    }

    @Test
    @Order(6)
    void aDeletedSubscriptionIsGone() {
        String id = api.subscribe(subscriber, SECRET, "{}");
        assertThat(api.call("DELETE", "/api/subscriptions/" + id, null, SubscriptionsApi.ADMIN_KEY)
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> gone = api.call("GET", "/api/subscriptions/" + id, null, SubscriptionsApi.ADMIN_KEY);
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    /** The contract of the events is served for the connectors this hub runs, valid AsyncAPI 3.0. */
    @Test
    @Order(7)
    void servesTheEventContractAtAsyncapiYaml() throws Exception {
        HttpResponse<String> served = api.call("GET", "/asyncapi.yaml", null, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/yaml;charset=UTF-8");
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(served.body());
        assertThat(AsyncApiSchema.problems(document)).isEmpty();
        assertThat(document.at("/channels/changes/messages").size())
                .as("the dataset podnety and the tombstone")
                .isEqualTo(2);
        assertThat(document.at("/components/messages/podnety/headers/properties/ce_type/enum")
                        .toString())
                .isEqualTo("[\"cz.spojka.citizen-report.created\",\"cz.spojka.citizen-report.updated\","
                        + "\"cz.spojka.citizen-report.deleted\",\"cz.spojka.citizen-report-kind.created\","
                        + "\"cz.spojka.citizen-report-kind.updated\",\"cz.spojka.citizen-report-kind.deleted\"]");
        assertThat(document.at("/servers/kafka/host").asText()).startsWith("localhost:");
    }

    private static List<String> outcomes(JsonNode log) {
        List<String> outcomes = new ArrayList<>();
        log.forEach(d -> outcomes.add(d.get("outcome").asText()));
        return outcomes;
    }
}
