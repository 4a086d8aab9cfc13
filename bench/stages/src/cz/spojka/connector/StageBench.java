package cz.spojka.connector;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.management.OperatingSystemMXBean;
import cz.spojka.SpojkaApplication;
import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeDetector;
import cz.spojka.changelog.ChangePublisher;
import cz.spojka.changelog.RunContext;
import cz.spojka.gate.ShaclGate;
import cz.spojka.mapping.Entities;
import cz.spojka.mapping.Entity;
import cz.spojka.mapping.MappedRecord;
import cz.spojka.privacy.HeldEntities;
import cz.spojka.privacy.PersonalDataGuard;
import cz.spojka.webhook.Webhook;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the time of one push goes: starts the hub in this JVM with only the {@code citizen-reports} connector, then,
 * for each of N iterations, runs one new citizen report through the stages of a push one by one, calling the hub's
 * own beans (webhook admission, mapping, personal-data guard, SHACL gate, change detection, publish with acks=all)
 * and timing each (wall and this thread's CPU time), and pushes another new report over HTTP to the same hub (the
 * whole path: Tomcat, platform-http, the Camel route, the stages, the receipt), timing it and the CPU time the whole
 * process spent meanwhile. The two kinds alternate, so a busy moment of the shared machine hits both alike.
 *
 * <p>Arguments: N, warm-up iterations, the sample request, then the hub's own arguments (--spojka.data-dir=…).
 * In package {@code cz.spojka.connector} to reach {@link Connectors.Active} and {@link RunPrivacy}.
 */
public final class StageBench {

    private static final String[] STAGES = {
        "admit", "map", "guard", "gate", "detect", "publish", "sum", "map-pool", "http"
    };
    /** Like RecordMapper's pool: all cores but one. */
    private static final ForkJoinPool POOL =
            new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    private final Map<String, long[]> wall = new LinkedHashMap<>();
    private final Map<String, long[]> cpu = new LinkedHashMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int warmUp = Integer.parseInt(args[1]);
        String request = Files.readString(Path.of(args[2]));
        ConfigurableApplicationContext hub =
                SpringApplication.run(SpojkaApplication.class, Arrays.copyOfRange(args, 3, args.length));
        try {
            new StageBench().run(hub, n, warmUp, request);
        } finally {
            hub.close();
        }
    }

    private void run(ConfigurableApplicationContext hub, int n, int warmUp, String request) throws Exception {
        for (String stage : STAGES) {
            wall.put(stage, new long[n]);
            cpu.put(stage, new long[n]);
        }
        Connectors connectors = hub.getBean(Connectors.class);
        Connectors.Active connector = connectors.active("citizen-reports");
        Webhook webhook = hub.getBean("spojkaWebhook", Webhook.class);
        CamelContext camel = hub.getBean(CamelContext.class);
        ShaclGate gate = hub.getBean(ShaclGate.class);
        ChangeDetector detector = hub.getBean(ChangeDetector.class);
        ChangePublisher publisher = hub.getBean(ChangePublisher.class);
        PersonalDataGuard guard = hub.getBean(PersonalDataGuard.class);
        HeldEntities held = hub.getBean(HeldEntities.class);
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        String schema = Path.of("connectors/citizen-reports/georeport-v2-request.schema.json")
                .toAbsolutePath()
                .toString();
        long stamp = System.currentTimeMillis() % 100_000;
        for (int i = 0; i < warmUp + n; i++) {
            int slot = i - warmUp;
            String staged = request.replace("\"service_request_id\":\"638344\"",
                    "\"service_request_id\":\"7" + stamp + String.format("%06d", i) + "\"");
            String pushed = request.replace("\"service_request_id\":\"638344\"",
                    "\"service_request_id\":\"8" + stamp + String.format("%06d", i) + "\"");
            // Stage by stage, as ConnectorRunner and IngestRun do it for a report the hub has never published.
            long start = begin();
            Exchange exchange = new DefaultExchange(camel);
            exchange.setProperty(ConnectorRunner.CONNECTOR_PROPERTY, "citizen-reports");
            exchange.setProperty("spojkaPush.apiKey", "demo-key");
            exchange.setProperty("spojkaPush.apiKeyHeader", "X-Api-Key");
            exchange.setProperty("spojkaPush.contentTypes", "application/json");
            exchange.setProperty("spojkaPush.maxBytes", "1048576");
            exchange.setProperty("spojkaPush.jsonSchema", schema);
            exchange.setProperty(
                    "spojkaPush.dropFields", "email,phone,first_name,last_name,device_id,account_id,attribute");
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getMessage().setHeader("X-Api-Key", "demo-key");
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(staged.getBytes(UTF_8));
            webhook.admit(exchange);
            if (!exchange.getProperty(Webhook.ADMITTED, Boolean.class)) {
                throw new IllegalStateException("The push was refused: " + exchange.getMessage().getBody(String.class));
            }
            byte[] body = exchange.getMessage().getBody(byte[].class);
            long sumStart = start;
            start = end("admit", slot, start);
            RunContext context = connector.runContext(Instant.now(), connector.mapper().version());
            List<MappedRecord> records = new ArrayList<>();
            connector.mapper().map(List.of(body), connector.bindings(), 1000, records::addAll);
            List<Entity> entities = Entities.merge(records);
            start = end("map", slot, start);
            RunPrivacy privacy =
                    new RunPrivacy(context, connector.definition().dataset().privacy(), guard, held);
            entities.forEach(e -> privacy.delivered(e.iri()));
            List<Entity> publishable = privacy.publishable(entities, iri -> {});
            start = end("guard", slot, start);
            Map<String, ShaclGate.Verdict> failed = gate.check(publishable);
            if (!failed.isEmpty()) {
                throw new IllegalStateException("The gate failed the sample: " + failed);
            }
            start = end("gate", slot, start);
            List<Change> changes = detector.changes(context, publishable);
            start = end("detect", slot, start);
            publisher.publish(changes);
            end("publish", slot, start);
            end("sum", slot, sumStart);

            // The mapping of another new report handed to a pool thread and waited for, as RecordMapper did for every
            // chunk before it mapped a one-record chunk in the caller's thread: wall time, and this thread's CPU.
            byte[] other = staged.replace("\"service_request_id\":\"7", "\"service_request_id\":\"6")
                    .getBytes(UTF_8);
            start = begin();
            List<MappedRecord> pooled = POOL.submit(() -> {
                        List<MappedRecord> out = new ArrayList<>();
                        connector.mapper().map(List.of(other), connector.bindings(), 1000, out::addAll);
                        return out;
                    })
                    .join();
            end("map-pool", slot, start);
            if (pooled.size() != records.size()) {
                throw new IllegalStateException("The pooled mapping gave " + pooled.size() + " records");
            }

            // The whole push over HTTP; the CPU time is the whole process's (Tomcat, Camel, Kafka's threads, the
            // materializer and the subscription worker included).
            long wallStart = System.nanoTime();
            long processStart = os.getProcessCpuTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingest/citizen-reports"))
                            .header("X-Api-Key", "demo-key")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(pushed))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("The push answered " + response.statusCode() + ": " + response.body());
            }
            if (slot >= 0) {
                wall.get("http")[slot] = System.nanoTime() - wallStart;
                cpu.get("http")[slot] = os.getProcessCpuTime() - processStart;
            }
            Thread.sleep(20); // let the materializer and the consumers catch up, as between real pushes
        }
        StringBuilder table = new StringBuilder("stage     wall p50   wall p99   cpu p50    cpu p99    (ms; n=" + n
                + "; cpu = this thread's, for http the whole process's)\n");
        for (String stage : STAGES) {
            table.append(String.format(
                    Locale.ROOT,
                    "%-8s %9.3f  %9.3f  %9.3f  %9.3f",
                    stage,
                    at(wall.get(stage), 0.5),
                    at(wall.get(stage), 0.99),
                    at(cpu.get(stage), 0.5),
                    at(cpu.get(stage), 0.99))).append('\n');
        }
        table.append(String.format(Locale.ROOT, "http: mean process CPU per push %.3f ms, mean wall %.3f ms%n",
                Arrays.stream(cpu.get("http")).average().orElse(0) / 1e6,
                Arrays.stream(wall.get("http")).average().orElse(0) / 1e6));
        Files.writeString(Path.of(System.getProperty("stages.out", "stages.txt")), table);
    }

    private long begin() {
        cpuMark = threads.getCurrentThreadCpuTime();
        return System.nanoTime();
    }

    private long cpuMark;

    private long end(String stage, int slot, long started) {
        long now = System.nanoTime();
        long cpuNow = threads.getCurrentThreadCpuTime();
        if (slot >= 0) {
            wall.get(stage)[slot] = now - started;
            if (!stage.equals("sum")) {
                cpu.get(stage)[slot] = cpuNow - cpuMark;
            }
            if (!stage.equals("sum") && !stage.equals("map-pool")) {
                cpu.get("sum")[slot] += cpuNow - cpuMark;
            }
        }
        cpuMark = cpuNow;
        return now;
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double at(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
