package cz.spojka.e2e;

import static cz.spojka.e2e.EventStream.FROM_THE_BEGINNING;
import static cz.spojka.e2e.TestHub.BASE_IRI;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /events} against a running hub: each filter and their combination with exact counts over the replayed
 * change log, resuming with {@code Last-Event-ID} and {@code since}, live events as structured CloudEvents, the
 * heartbeat, refused requests, the client limit with its gauge, and a slow client let go with the reason while
 * another client gets every event.
 */
class EventStreamIT extends EventStreamHubIT {

    private static final String BRNO = "44992785";
    private static final String PRAGUE_BOX = "14.2,49.9,14.8,50.2";
    private static final String SAN_FRANCISCO_BOX = "-123,37,-122,38";
    private static final double BRNO_LAT = 49.1951;
    private static final double BRNO_LON = 16.6068;

    @Test
    void eachFilterReplaysExactlyItsEventsFromTheBeginning() {
        assertThat(types(replay(FROM_THE_BEGINNING + "&type=cz.spojka.air-quality-station")))
                .hasSize(15)
                .containsOnly("cz.spojka.air-quality-station.created");
        assertThat(replay(FROM_THE_BEGINNING + "&type=cz.spojka.observation.created"))
                .hasSize(69);
        assertThat(types(replay(FROM_THE_BEGINNING + "&type=cz.spojka.notice")))
                .as("a type is a prefix at a dot: notice, not notice-board")
                .hasSize(43)
                .containsOnly("cz.spojka.notice.created");
        assertThat(replay(FROM_THE_BEGINNING + "&type=cz.spojka.sensor,cz.spojka.notice-board"))
                .hasSize(15 + 1);
        assertThat(replay(FROM_THE_BEGINNING + "&type=cz.spojka.sensor&type=cz.spojka.notice-board"))
                .hasSize(15 + 1);
        assertThat(replay(FROM_THE_BEGINNING + "&dataset=kvalita-ovzdusi")).hasSize(99);
        assertThat(replay(FROM_THE_BEGINNING + "&dataset=uredni-deska")).hasSize(44);
        assertThat(replay(FROM_THE_BEGINNING + "&municipality=00845451")).hasSize(2 + 1);
        assertThat(replay(FROM_THE_BEGINNING + "&municipality=00270211,00064581"))
                .hasSize(44 + 99);
        assertThat(types(replay(FROM_THE_BEGINNING + "&bbox=" + PRAGUE_BOX)))
                .as("only located entities: the stations, not their sensors and observations")
                .hasSize(15)
                .containsOnly("cz.spojka.air-quality-station.created");
        assertThat(subjects(replay(FROM_THE_BEGINNING + "&bbox=" + SAN_FRANCISCO_BOX)))
                .containsExactlyInAnyOrder(
                        BASE_IRI + "zdroj/podnety/00845451/podnět/638344",
                        BASE_IRI + "zdroj/podnety/00845451/podnět/638349");
        assertThat(replay(FROM_THE_BEGINNING + "&dataset=podnety&municipality=00845451&type=cz.spojka.citizen-report"))
                .hasSize(2);
        assertThat(replay(FROM_THE_BEGINNING + "&dataset=kvalita-ovzdusi&bbox=" + SAN_FRANCISCO_BOX))
                .isEmpty();
    }

    @Test
    void lastEventIdResumesExactlyAfterThatEvent() {
        List<SseFrame> all = replay(FROM_THE_BEGINNING + "&dataset=kvalita-ovzdusi");
        assertThat(all).hasSize(99);
        assertThat(all).extracting(SseFrame::id).allMatch(id -> id.matches("0:[0-9]+,1:[0-9]+,2:[0-9]+"));

        List<SseFrame> rest;
        try (EventStream resumed =
                EventStream.open(port, "dataset=kvalita-ovzdusi", all.get(39).id())) {
            rest = resumed.untilLive();
        }
        assertThat(rest).hasSize(59);
        assertThat(rest).extracting(SseFrame::id).isEqualTo(ids(all.subList(40, 99)));
        assertThat(subjects(rest)).isEqualTo(subjects(all.subList(40, 99)));

        try (EventStream resumed = EventStream.open(
                port,
                FROM_THE_BEGINNING + "&dataset=kvalita-ovzdusi",
                all.get(98).id())) {
            assertThat(resumed.untilLive())
                    .as("Last-Event-ID wins over since: nothing after the last event")
                    .isEmpty();
        }
    }

    @Test
    void sinceReplaysWhatWasPublishedFromThatTimeOn() throws InterruptedException {
        push(report("since-1", "since", "Graffiti", "Posprejovaná zastávka", BRNO_LAT, BRNO_LON));
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        push(report("since-2", "since", "Graffiti", "Posprejovaná lavička", BRNO_LAT, BRNO_LON));

        List<SseFrame> replayed = replay("municipality=" + BRNO + "&since=" + between);

        assertThat(subjects(replayed))
                .as("the second report only: its kind was published with the first")
                .containsExactly(BASE_IRI + "zdroj/podnety/" + BRNO + "/podnět/since-2");
    }

    @Test
    void aPushedReportArrivesLiveAsAStructuredCloudEvent() {
        try (EventStream stream = stream("municipality=" + BRNO)) {
            assertThat(stream.untilLive()).isEmpty();
            push(report("live-1", "live", "Lavičky", "Rozbitá lavička v parku", BRNO_LAT, BRNO_LON));

            List<SseFrame> events = stream.changes(2, Duration.ofSeconds(30));

            assertThat(types(events))
                    .containsExactlyInAnyOrder(
                            "cz.spojka.citizen-report.created", "cz.spojka.citizen-report-kind.created");
            JsonNode event = events.stream()
                    .map(frame -> json(frame.data()))
                    .filter(e -> e.get("type").asText().equals("cz.spojka.citizen-report.created"))
                    .findFirst()
                    .orElseThrow();
            String report = BASE_IRI + "zdroj/podnety/" + BRNO + "/podnět/live-1";
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("subject").asText()).isEqualTo(report);
            assertThat(event.get("source").asText()).isEqualTo(BASE_IRI + "connectors/" + WEBHOOK);
            assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(event.get("dataset").asText()).isEqualTo("podnety");
            assertThat(event.get("graph").asText()).isEqualTo(BASE_IRI + "graph/podnety/" + BRNO);
            assertThat(event.get("recordid").asText()).isEqualTo("live-1");
            assertThat(event.at("/data/entity/@id").asText()).isEqualTo(report);
            assertThat(event.at("/data/provenance/sourceRecordId").asText()).isEqualTo("live-1");
            assertThat(stream.next(HEARTBEAT.multipliedBy(4)).isComment("heartbeat"))
                    .as("nothing else was published for Brno")
                    .isTrue();
        }
    }

    @Test
    void anIdleStreamGetsAHeartbeatEveryInterval() {
        try (EventStream stream = stream("type=cz.spojka.nothing-of-this-kind")) {
            assertThat(stream.untilLive()).isEmpty();
            long started = System.nanoTime();
            assertThat(stream.next(HEARTBEAT.multipliedBy(3)).isComment("heartbeat"))
                    .isTrue();
            assertThat(stream.next(HEARTBEAT.multipliedBy(3)).isComment("heartbeat"))
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(HEARTBEAT);
        }
    }

    @Test
    void aBadRequestIs400NamingEveryProblem() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/events?bbox=14,50,13,51&municipality=123&since=yesterday&kind=notice"))
                .header("Last-Event-ID", "0:12,x")
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("reasons"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "unknown parameter 'kind'; the parameters are bbox, dataset, municipality, since, type",
                        "municipality: '123' is not an IČO (8 digits)",
                        "bbox: '14,50,13,51': the minimum must not exceed the maximum (a box across the antimeridian"
                                + " is two requests)",
                        "since: 'yesterday' is not an ISO 8601 time with an offset, e.g. 2026-11-26T16:00:00Z",
                        "Last-Event-ID: '0:12,x' is not an event id of this stream (partition:offset pairs,"
                                + " comma-separated, e.g. 0:120,1:98,2:131)");
    }

    @Test
    void theClientBeyondTheLimitIs503WithTheReasonAndTheGaugeCountsTheClients() {
        List<EventStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CLIENTS; i++) {
                EventStream stream = stream("municipality=" + BRNO);
                streams.add(stream);
                assertThat(stream.untilLive()).isEmpty();
            }
            assertThat(metric("spojka.events.clients")).isEqualTo(MAX_CLIENTS);

            HttpResponse<String> refused =
                    send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events"))
                            .build());

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(json(refused.body()).get("reasons").get(0).asText())
                    .isEqualTo("the hub already serves 4 event streams, as many as it may"
                            + " (spojka.events.max-clients); try again later");

            streams.remove(0).close();
            awaitClients(MAX_CLIENTS - 1);
            try (EventStream another = stream("municipality=" + BRNO)) {
                assertThat(another.untilLive()).isEmpty();
            }
        } finally {
            streams.forEach(EventStream::close);
        }
    }

    /**
     * A client that stops reading fills its socket and then its queue: the hub lets it go with a final
     * {@code disconnect} event, while a client reading the same events gets every one of them.
     */
    @Test
    void aSlowClientIsDisconnectedWithTheReasonWithoutSlowingTheOthers() throws IOException {
        double slowBefore = metric("spojka.events.slow.disconnects");
        try (EventStream fast = stream("municipality=" + BRNO);
                Socket slow = slowClient("/events?municipality=" + BRNO)) {
            assertThat(fast.untilLive()).isEmpty();
            int pushed = 0;
            for (int batch = 0; batch < 40 && metric("spojka.events.slow.disconnects") == slowBefore; batch++) {
                int first = pushed;
                push(IntStream.range(first, first + 250)
                        .mapToObj(i -> report("slow-" + i, "slow", "Osvětlení", "Nesvítí lampa č. " + i, 49.2, 16.6))
                        .toArray(ObjectNode[]::new));
                pushed += 250;
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> metric("spojka.events.slow.disconnects") == slowBefore + 1);

            List<SseFrame> received = SseReader.readAll(slow.getInputStream());

            SseFrame last = received.get(received.size() - 1);
            assertThat(last.event()).isEqualTo("disconnect");
            assertThat(json(last.data()).get("reason").asText()).isEqualTo("slow");
            assertThat(json(last.data()).get("message").asText())
                    .isEqualTo("the client read too slowly: 1000 events were waiting for it; reconnect with"
                            + " Last-Event-ID to resume after the last event received");
            assertThat(received.stream().filter(SseFrame::isChange).count()).isLessThan(pushed);
            assertThat(fast.changes(pushed + 1, Duration.ofSeconds(60)))
                    .as("every report and their kind")
                    .extracting(SseFrame::isChange)
                    .containsOnly(true);
        }
    }

    /**
     * A client that reads the response head and the comment {@code live}, then nothing more. It asks in HTTP/1.0, so
     * that the body is the stream itself, not in chunks.
     */
    private Socket slowClient(String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port));
        socket.getOutputStream()
                .write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(UTF_8));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith(": live\n\n")) {
            int b = in.read();
            assertThat(b).as("the stream goes live: " + head).isNotEqualTo(-1);
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200");
        return socket;
    }

    private static List<String> types(List<SseFrame> events) {
        return events.stream().map(e -> json(e.data()).get("type").asText()).toList();
    }

    private static List<String> subjects(List<SseFrame> events) {
        return events.stream().map(e -> json(e.data()).get("subject").asText()).toList();
    }

    private static List<String> ids(List<SseFrame> events) {
        return events.stream().map(SseFrame::id).toList();
    }
}
