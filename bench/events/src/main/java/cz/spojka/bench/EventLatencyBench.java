package cz.spojka.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Source change → event at a consumer, against a running hub with the {@code citizen-reports} webhook connector: the
 * bench pushes one citizen report at a time (the source change), and measures from just before the push until (a) a
 * plain Kafka consumer of {@code spojka.changes} reads the report's {@code .created} event and (b) a webhook
 * subscriber (a JDK HTTP server, subscribed through {@code /api/subscriptions}) receives it. Prints p50/p90/p99/max.
 *
 * <p>Arguments: hub URL, Kafka bootstrap servers, pushes measured, pause between pushes in ms, sample request file,
 * unmeasured warm-up pushes before them (the JIT compiles the push's path only after some hundreds; a hub runs warm).
 */
public final class EventLatencyBench {

    private static final String TYPE = "cz.spojka.citizen-report.created";
    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"[^\"]*/podn%C4%9Bt/([0-9]+)\"|"
            + "\"subject\":\"[^\"]*/podnět/([0-9]+)\"");

    private final Map<String, Long> pushedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> atKafka = new ConcurrentHashMap<>();
    private final Map<String, Long> atWebhook = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        new EventLatencyBench()
                .run(
                        args[0],
                        args[1],
                        Integer.parseInt(args[2]),
                        Long.parseLong(args[3]),
                        Path.of(args[4]),
                        Integer.parseInt(args[5]));
    }

    private void run(String hub, String bootstrap, int measured, long pauseMillis, Path sample, int warmUp)
            throws Exception {
        String request = Files.readString(sample);
        HttpServer subscriber = subscriber();
        Thread consumer = new Thread(() -> consume(bootstrap), "bench-kafka-consumer");
        consumer.start();
        Thread.sleep(3000); // the consumer has its partitions and sits at the end of the log
        String subscription = subscribe(hub, "http://localhost:" + subscriber.getAddress().getPort() + "/hook");
        long stamp = System.currentTimeMillis() % 100_000;
        List<String> ids = new ArrayList<>();
        long[] pushMicros = new long[measured];
        for (int i = 0; i < warmUp + measured; i++) {
            String id = "9" + stamp + String.format("%05d", i);
            long started = System.nanoTime();
            pushedAt.put(id, started);
            push(hub, request.replace("\"service_request_id\":\"638344\"", "\"service_request_id\":\"" + id + "\""));
            if (i >= warmUp) {
                ids.add(id);
                pushMicros[i - warmUp] = (System.nanoTime() - started) / 1_000;
            }
            Thread.sleep(pauseMillis);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && !(atKafka.keySet().containsAll(ids) && atWebhook.keySet().containsAll(ids))) {
            Thread.sleep(100);
        }
        running = false;
        consumer.join();
        subscriber.stop(0);
        http.send(
                HttpRequest.newBuilder(URI.create(hub + "/api/subscriptions/" + subscription))
                        .header("X-Api-Key", "demo-admin")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        System.out.println("{");
        System.out.println("  \"measured\": " + measured + ", \"pauseMillis\": " + pauseMillis + ",");
        System.out.println("  \"pushRoundTripMillis\": " + percentiles(pushMicros) + ",");
        System.out.println("  \"kafkaConsumerMillis\": " + percentiles(latencies(ids, atKafka)) + ",");
        System.out.println("  \"webhookMillis\": " + percentiles(latencies(ids, atWebhook)));
        System.out.println("}");
    }

    private long[] latencies(List<String> ids, Map<String, Long> arrived) {
        return ids.stream()
                .filter(arrived::containsKey)
                .mapToLong(id -> (arrived.get(id) - pushedAt.get(id)) / 1_000)
                .toArray();
    }

    /** n, p50, p90, p99 and max of microsecond values, in milliseconds with one decimal (nearest-rank). */
    private static String percentiles(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return "{\"n\": " + sorted.length + ", \"p50\": " + at(sorted, 0.50) + ", \"p90\": " + at(sorted, 0.90)
                + ", \"p99\": " + at(sorted, 0.99) + ", \"max\": " + at(sorted, 1.0) + "}";
    }

    private static String at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "null";
        }
        int index = Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format(java.util.Locale.ROOT, "%.1f", sorted[index] / 1000.0);
    }

    private HttpServer subscriber() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            Matcher subject = SUBJECT.matcher(body);
            if (subject.find()) {
                atWebhook.putIfAbsent(subject.group(1) != null ? subject.group(1) : subject.group(2), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private void consume(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("spojka.changes").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && TYPE.equals(new String(type.value(), UTF_8))) {
                        String key = record.key();
                        atKafka.putIfAbsent(key.substring(key.lastIndexOf('/') + 1), now);
                    }
                }
            }
        }
    }

    private String subscribe(String hub, String callback) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(hub + "/api/subscriptions"))
                        .header("X-Api-Key", "demo-admin")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"callbackUrl\":\"" + callback
                                + "\",\"secret\":\"bench-secret-0123456789\",\"filter\":{\"types\":[\"" + TYPE
                                + "\"]}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Subscribing answered " + created.statusCode() + ": " + created.body());
        }
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        id.find();
        return id.group(1);
    }

    private void push(String hub, String report) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(hub + "/ingest/citizen-reports"))
                        .header("X-Api-Key", "demo-key")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(report))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("The push answered " + response.statusCode() + ": " + response.body());
        }
    }
}
