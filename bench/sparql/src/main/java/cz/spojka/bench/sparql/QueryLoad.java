package cz.spojka.bench.sparql;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the same queries ({@link QueryMix}) to the hub's endpoint and to the reference Fuseki, side by side: for each
 * number of clients, several rounds, each round running the hub and Fuseki one after the other (which goes first
 * alternates), each run a warm-up and then a timed phase of the point lookups and of the explore mix. Every response
 * is read whole and must be 200. Prints p50 and p99 latency per server, clients and query kind, with the ratio
 * hub / Fuseki, and writes them as JSON.
 *
 * <p>Usage: {@code QueryLoad <hub url> <fuseki url> <clients,…> <rounds> <warm-up s> <timed s> <seed> <out.json>}
 */
public final class QueryLoad {

    private static final String RESULTS_JSON = "application/sparql-results+json";
    private static final Pattern URI_VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");

    /** Latencies in microseconds, per "server clients mix kind". */
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

    private final Map<String, List<String>> loads = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        String fuseki = args[1];
        int[] clients = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(args[3]);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[4]));
        Duration timed = Duration.ofSeconds(Long.parseLong(args[5]));
        long seed = Long.parseLong(args[6]);
        QueryMix mix = new QueryMix(
                iris(hub, "?x a <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce>"),
                iris(hub, "?x a <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/úřední-deska>"));
        QueryLoad load = new QueryLoad();
        for (int c : clients) {
            for (int round = 0; round < rounds; round++) {
                List<String> order = round % 2 == 0 ? List.of("hub", "fuseki") : List.of("fuseki", "hub");
                for (String server : order) {
                    String url = server.equals("hub") ? hub : fuseki;
                    load.run(server, url, c, "lookup", mix.lookups(), warmUp, timed, seed + round);
                    load.run(server, url, c, "explore", mix.explore(), warmUp, timed, seed + round);
                }
            }
        }
        String report = load.report(clients);
        System.out.println(report);
        Files.writeString(Path.of(args[7]), load.json());
    }

    /** The IRIs of the subjects matching {@code pattern} (?x), at most 100,000. */
    private static List<String> iris(String endpoint, String pattern) throws IOException, InterruptedException {
        String body = get(HttpClient.newHttpClient(), endpoint, "SELECT ?x WHERE { " + pattern + " } LIMIT 100000");
        List<String> iris = new ArrayList<>();
        Matcher m = URI_VALUE.matcher(body);
        while (m.find()) {
            iris.add(m.group(1));
        }
        if (iris.isEmpty()) {
            throw new IllegalStateException("No " + pattern + " at " + endpoint);
        }
        return iris;
    }

    private void run(
            String server,
            String url,
            int clients,
            String mixName,
            List<QueryMix.Kind> kinds,
            Duration warmUp,
            Duration timed,
            long seed)
            throws InterruptedException {
        String key = server + " " + clients + " " + mixName;
        List<String> loadAverages = loads.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        loadAverages.add(loadAverage());
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long timedFrom = start + warmUp.toNanos();
        long until = timedFrom + timed.toNanos();
        for (int t = 0; t < clients; t++) {
            Random random = new Random(seed * 1_000 + t);
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int next = 0;
                try {
                    while (System.nanoTime() < until) {
                        QueryMix.Kind kind = kinds.get(next++ % kinds.size());
                        String query = kind.query().apply(random);
                        long sent = System.nanoTime();
                        get(http, url, query);
                        long done = System.nanoTime();
                        if (sent >= timedFrom && done <= until) {
                            latencies
                                    .computeIfAbsent(key + " " + kind.name(), k -> new CopyOnWriteArrayList<>())
                                    .add((done - sent) / 1_000);
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        loadAverages.add(loadAverage());
        if (!failures.isEmpty()) {
            throw new IllegalStateException(key + " failed", failures.get(0));
        }
        System.err.printf("%s done (load %s)%n", key, loadAverages.get(loadAverages.size() - 1));
    }

    private static String get(HttpClient http, String endpoint, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", RESULTS_JSON)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " from " + endpoint + ": " + response.body());
        }
        return response.body();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long percentile(List<Long> values, double p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private String report(int[] clients) {
        StringBuilder out = new StringBuilder(String.format(
                "%-8s %-16s %9s %9s %9s %9s %9s %7s %7s%n",
                "clients",
                "query",
                "hub p50",
                "fus p50",
                "hub p99",
                "fus p99",
                "n (hub)",
                "p50 ×",
                "p99 ×"));
        for (int c : clients) {
            for (String kindKey : kindKeys(c)) {
                List<Long> hub = latencies.get("hub " + c + " " + kindKey);
                List<Long> fuseki = latencies.get("fuseki " + c + " " + kindKey);
                if (hub == null || fuseki == null) {
                    continue;
                }
                double p50 = percentile(hub, 0.5), f50 = percentile(fuseki, 0.5);
                double p99 = percentile(hub, 0.99), f99 = percentile(fuseki, 0.99);
                out.append(String.format(
                        "%-8d %-16s %7.2fms %7.2fms %7.2fms %7.2fms %9d %7.3f %7.3f%n",
                        c,
                        kindKey.replaceAll("^\\S+ ", ""),
                        p50 / 1000,
                        f50 / 1000,
                        p99 / 1000,
                        f99 / 1000,
                        hub.size(),
                        p50 / f50,
                        p99 / f99));
            }
        }
        out.append("load averages per run (start, end): ").append(loads);
        return out.toString();
    }

    private List<String> kindKeys(int clients) {
        String prefix = "hub " + clients + " ";
        return latencies.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .sorted()
                .toList();
    }

    private String json() {
        StringBuilder out = new StringBuilder("{\n  \"latencies\": {\n");
        List<String> keys = latencies.keySet().stream().sorted().toList();
        for (int i = 0; i < keys.size(); i++) {
            List<Long> values = latencies.get(keys.get(i));
            out.append(String.format(
                    "    \"%s\": {\"n\": %d, \"p50_us\": %d, \"p99_us\": %d}%s%n",
                    keys.get(i),
                    values.size(),
                    percentile(values, 0.5),
                    percentile(values, 0.99),
                    i < keys.size() - 1 ? "," : ""));
        }
        out.append("  },\n  \"load_averages\": \"").append(loads).append("\"\n}\n");
        return out.toString();
    }
}
