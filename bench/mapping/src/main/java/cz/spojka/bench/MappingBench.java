package cz.spojka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;

/**
 * Mapping-language benchmark: the hub's JSON-LD context + SPARQL CONSTRUCT (Jena) against RML (CARML) on the real OFN
 * notice-board sample. Run by hand (see README.md), never as a test.
 *
 * <p>Each engine maps the whole in-memory body per pass, as the hub does per poll. After a warm-up, each measurement
 * runs as many passes as make it last at least {@code --seconds}; the median and the spread over {@code --iterations}
 * measurements are reported.
 */
public final class MappingBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path root = Path.of(opt.getOrDefault("root", "../..")).toAbsolutePath().normalize();
        Path connector = root.resolve("connectors/uredni-deska-ofn");
        Path contexts = root.resolve("vocab/contexts");
        Path sample = connector.resolve("samples/mvcr-policie-uredni-desky-ofn-2024-05.json");
        Path rml = Path.of(opt.getOrDefault("rml", "uredni-deska-ofn.rml.ttl")).toAbsolutePath();
        String mode = opt.getOrDefault("mode", "all");
        List<String> engineNames = Arrays.asList(
                opt.getOrDefault("engines", "hub-flat,jena-flat,carml,carml-jena,hub-official").split(","));
        double seconds = Double.parseDouble(opt.getOrDefault("seconds", "10"));
        int iterations = Integer.parseInt(opt.getOrDefault("iterations", "5"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup", "20"));
        int copies = Integer.parseInt(opt.getOrDefault("copies", "1"));
        boolean interleave = Boolean.parseBoolean(opt.getOrDefault("interleave", "false"));

        byte[] original = Files.readAllBytes(sample);
        byte[] body = copies == 1 ? original : repeat(original, copies);
        JsonNode parsed = JSON.readTree(body);
        int boards = parsed.size();
        int notices = 0;
        for (JsonNode board : parsed) {
            notices += board.path("informace").size();
        }
        System.out.printf("sample %s: %d bytes x %d copies, %d boards (records), %d notices%n", sample.getFileName(),
                original.length, copies, boards, notices);
        System.out.printf("JVM %s %s, max heap %d MiB, GC %s, %d CPUs%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                Runtime.getRuntime().availableProcessors());

        Map<String, Engines.Engine> engines = new LinkedHashMap<>();
        for (String name : engineNames) {
            engines.put(name, switch (name) {
                case "hub-flat" -> new Engines.HubRecordMapper("hub RecordMapper, flat context.jsonld",
                        Engines.readSpec(connector, true), contexts);
                case "hub-official" -> new Engines.HubRecordMapper("hub RecordMapper, official OFN @context",
                        Engines.readSpec(connector, false), contexts);
                case "jena-flat" -> new Engines.JenaParseConstruct(Engines.readSpec(connector, true), contexts);
                case "jena-official" -> new Engines.JenaParseConstruct(Engines.readSpec(connector, false), contexts);
                case "jena-flat-parse" -> new Engines.JenaParseConstruct(Engines.readSpec(connector, true), contexts,
                        false);
                case "carml" -> new Engines.Carml(rml, false);
                case "carml-jena" -> new Engines.Carml(rml, true);
                default -> throw new IllegalArgumentException("unknown engine " + name);
            });
        }

        if (mode.equals("errors")) {
            errors(connector, contexts, rml, original);
            return;
        }
        if (mode.equals("all") || mode.equals("compare")) {
            compare(engines, original);
        }
        if (mode.equals("all") || mode.equals("bench")) {
            List<Measurement> measurements = new ArrayList<>();
            for (Map.Entry<String, Engines.Engine> e : engines.entrySet()) {
                measurements.add(new Measurement(e.getKey(), e.getValue(), body, boards, notices, iterations));
            }
            for (Measurement m : measurements) {
                // The official context costs ~0.25 s per board: one pass is already past --seconds.
                m.warmUp(m.key.endsWith("official") ? Math.min(warmup, 1) : warmup, seconds);
                if (!interleave) {
                    for (int i = 0; i < iterations; i++) {
                        m.iteration(i);
                    }
                }
            }
            if (interleave) {
                // Engines take turns, so load from other processes on a shared machine falls on all of them alike.
                System.out.printf("%n== interleaved measurements%n");
                for (int i = 0; i < iterations; i++) {
                    for (Measurement m : measurements) {
                        m.iteration(i);
                    }
                }
            }
            List<Result> results = measurements.stream().map(Measurement::result).toList();
            printTable(results);
            if (interleave && results.size() > 1) {
                printPairedRatios(results);
            }
            if (opt.containsKey("json")) {
                writeJson(results, Path.of(opt.get("json")));
            }
        }
    }

    /**
     * The machine-readable result (--json=FILE), for bench/run-suite.sh: per engine the median records/s, the rate of
     * every iteration and the CPU ms per body; iterations with the same index were measured in the same round.
     */
    private static void writeJson(List<Result> results, Path file) throws IOException {
        StringBuilder out = new StringBuilder("{\n  \"engines\": {\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            double[] rates = Arrays.stream(r.seconds()).map(s -> r.passes() * r.recordsPerPass() / s).toArray();
            double[] cpuPerBody = Arrays.stream(r.cpuSeconds()).map(s -> 1000 * s / r.passes()).sorted().toArray();
            out.append(String.format(Locale.ROOT,
                    "    \"%s\": {\"records_per_second\": %.1f, \"iterations_records_per_second\": %s, "
                            + "\"cpu_ms_per_body\": %.1f, \"records_per_body\": %.0f}%s%n",
                    r.key(), median(Arrays.stream(rates).sorted().toArray()),
                    Arrays.stream(rates).mapToObj(x -> String.format(Locale.ROOT, "%.1f", x)).toList(),
                    median(cpuPerBody), r.recordsPerPass(), i < results.size() - 1 ? "," : ""));
        }
        out.append("  }\n}\n");
        Files.writeString(file, out.toString());
        System.out.println("RESULT_JSON=" + file.toAbsolutePath());
    }

    private static void compare(Map<String, Engines.Engine> engines, byte[] body) {
        Map<String, Graph> outputs = new LinkedHashMap<>();
        engines.forEach((name, engine) -> {
            // carml-jena is the same mapping as carml; compare each distinct output once.
            if ((!name.equals("carml") || !engines.containsKey("carml-jena")) && !name.endsWith("-parse")) {
                outputs.put(name, engine.graph(body));
            }
        });
        String reference = outputs.containsKey("hub-flat") ? "hub-flat" : outputs.keySet().iterator().next();
        outputs.forEach((name, graph) -> {
            if (!name.equals(reference)) {
                boolean equal = GraphCompare.report(reference, outputs.get(reference), name, graph);
                System.out.printf("=> %s and %s: %s%n", reference, name,
                        equal ? "SAME content (after normalising blank nodes)" : "DIFFERENT content");
            }
        });
    }

    /**
     * How each engine treats one bad record among good ones: a board whose page is not an IRI, and a notice with a
     * malformed date.
     */
    private static void errors(Path connector, Path contexts, Path rml, byte[] original) throws IOException {
        Engines.HubRecordMapper hub = new Engines.HubRecordMapper("hub-flat", Engines.readSpec(connector, true),
                contexts);
        Engines.Carml carml = new Engines.Carml(rml, true);
        Map<String, java.util.function.Consumer<ArrayNode>> cases = new LinkedHashMap<>();
        cases.put("board 2: \"stránka\" is \"not an IRI\"", boards -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                boards.get(1)).put("stránka", "not an IRI"));
        cases.put("board 1, first notice: \"vyvěšení.datum\" is \"20. 1. 2023\"", boards ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) boards.get(0).get("informace").get(0).get("vyvěšení"))
                        .put("datum", "20. 1. 2023"));
        for (var c : cases.entrySet()) {
            ArrayNode boards = (ArrayNode) JSON.readTree(original);
            c.getValue().accept(boards);
            byte[] body = JSON.writeValueAsBytes(boards);
            System.out.printf("%n== %s%n", c.getKey());
            try {
                var records = hub.records(body);
                long rejected = records.stream().filter(cz.spojka.mapping.MappedRecord::rejected).count();
                System.out.printf("hub RecordMapper: %d records, %d rejected%n", records.size(), rejected);
                records.stream().filter(cz.spojka.mapping.MappedRecord::rejected).limit(3)
                        .forEach(r -> System.out.println("  rejected: " + r.error()));
                Graph g = hub.graph(body);
                System.out.printf("  %d triples%n", g.size());
            } catch (RuntimeException e) {
                System.out.println("hub RecordMapper threw: " + e);
            }
            try {
                Graph g = carml.graph(body);
                System.out.printf("CARML: %d triples%n", g.size());
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                System.out.println("CARML threw: " + e.getClass().getSimpleName() + ": " + root);
            }
        }
    }

    /**
     * One engine's measurements: wall-clock seconds and process CPU seconds (all JVM threads: mapping, GC, JIT) of each
     * iteration. CPU time is what the machine spends; it is less disturbed than wall time when other processes share
     * the cores.
     */
    record Result(String key, String name, double firstPassSeconds, int passes, double[] seconds, double[] cpuSeconds,
            double recordsPerPass, double triplesPerPass, double allocPerPass, long gcCount, double gcSeconds) {}

    /** Warm-up, then measurements one at a time, so engines can be measured in turn (interleaved). */
    static final class Measurement {
        final String key;
        final Engines.Engine engine;
        final byte[] body;
        final int boards;
        final int notices;
        final double[] times;
        final double[] cpu;
        long triples;
        double firstPass;
        int passes;
        long gcCount;
        long gcMillis;
        long allocated;

        Measurement(String key, Engines.Engine engine, byte[] body, int boards, int notices, int iterations) {
            this.key = key;
            this.engine = engine;
            this.body = body;
            this.boards = boards;
            this.notices = notices;
            this.times = new double[iterations];
            this.cpu = new double[iterations];
        }

        void warmUp(double warmupSeconds, double minSeconds) {
            System.out.printf("%n== %s (%s)%n", key, engine.name());
            int warmupPasses = 0;
            long start = System.nanoTime();
            List<Double> passTimes = new ArrayList<>();
            long passStart = start;
            do {
                triples = engine.map(body);
                warmupPasses++;
                long now = System.nanoTime();
                if (warmupPasses == 1) {
                    firstPass = (now - start) / 1e9;
                    System.out.printf(Locale.ROOT, "first pass (cold JVM): %.3f s%n", firstPass);
                }
                passTimes.add((now - passStart) / 1e9);
                passStart = now;
            } while ((System.nanoTime() - start) / 1e9 < warmupSeconds);
            // Passes per measurement from the median of the last (warm) passes, with a margin: each lasts >= minSeconds.
            double[] last = passTimes.subList(Math.max(0, passTimes.size() - 9), passTimes.size()).stream()
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            double lastPass = median(last);
            passes = Math.max(1, (int) Math.ceil(minSeconds * 1.25 / lastPass));
            System.out.printf(Locale.ROOT, "warm-up: %d passes in %.1f s, warm pass %.3f s, %d triples per pass; "
                    + "measuring %d passes x %d%n", warmupPasses, (System.nanoTime() - start) / 1e9, lastPass,
                    triples, passes, times.length);
        }

        void iteration(int i) {
            long gc0 = gcCount();
            long gt0 = gcMillis();
            long a0 = allocatedBytes();
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            for (int p = 0; p < passes; p++) {
                long produced = engine.map(body);
                if (produced != triples) {
                    throw new IllegalStateException("pass produced " + produced + " triples, not " + triples);
                }
            }
            times[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (processCpuNanos() - c0) / 1e9;
            allocated += allocatedBytes() - a0;
            gcCount += gcCount() - gc0;
            gcMillis += gcMillis() - gt0;
            System.out.printf(Locale.ROOT, "  %s iteration %d: %.2f s (CPU %.2f s), %.0f records/s, %.0f notices/s, "
                    + "%.0f triples/s, load average %.2f%n", key, i + 1, times[i], cpu[i], passes * boards / times[i],
                    passes * (double) notices / times[i], passes * (double) triples / times[i],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

        Result result() {
            return new Result(key, engine.name(), firstPass, passes, times, cpu, boards, triples,
                    allocated / (double) (passes * times.length), gcCount, gcMillis / 1000.0);
        }
    }

    private static void printTable(List<Result> results) {
        System.out.printf("%n| engine | passes x iterations | records/s median (min–max) | spread | triples/s median "
                + "| ms per body | CPU ms per body (median) | first body, cold JVM | allocated per body | GCs / GC time |%n"
                + "|---|---|---|---|---|---|---|---|---|---|%n");
        for (Result r : results) {
            double[] rates = Arrays.stream(r.seconds()).map(s -> r.passes() * r.recordsPerPass() / s).sorted()
                    .toArray();
            double[] cpuPerBody = Arrays.stream(r.cpuSeconds()).map(s -> 1000 * s / r.passes()).sorted().toArray();
            double median = median(rates);
            double spread = (rates[rates.length - 1] - rates[0]) / median * 100;
            System.out.printf(Locale.ROOT, "| %s | %d x %d | %.0f (%.0f–%.0f) | %.1f %% | %.0f | %.1f | %.1f | %.2f s "
                    + "| %.0f MiB | %d / %.2f s |%n", r.key(), r.passes(), r.seconds().length, median, rates[0],
                    rates[rates.length - 1], spread, median / r.recordsPerPass() * r.triplesPerPass(),
                    1000 * r.recordsPerPass() / median, median(cpuPerBody), r.firstPassSeconds(), r.allocPerPass() / (1 << 20), r.gcCount(),
                    r.gcSeconds());
        }
    }

    /**
     * For interleaved runs: each engine's throughput divided by the reference engine's in the same round (jena-flat if
     * measured, else the first), so drifts of the machine's speed between rounds cancel out.
     */
    private static void printPairedRatios(List<Result> results) {
        Result ref = results.stream().filter(r -> r.key().equals("jena-flat")).findFirst().orElse(results.get(0));
        System.out.printf("%nthroughput relative to %s, paired per round: median (min–max)%n", ref.key());
        for (Result r : results) {
            double[] ratios = new double[r.seconds().length];
            for (int i = 0; i < ratios.length; i++) {
                double rate = r.passes() / r.seconds()[i];
                double refRate = ref.passes() / ref.seconds()[i];
                ratios[i] = rate / refRate;
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "  %-16s %.2f (%.2f–%.2f)%n", r.key(), median(ratios), ratios[0],
                    ratios[ratios.length - 1]);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Bytes allocated by all live threads (the engines map on the calling thread; Reactor here is synchronous). */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    /** The body with its boards repeated {@code copies} times (same IRIs: the mapped output is the same). */
    private static byte[] repeat(byte[] body, int copies) throws IOException {
        JsonNode boards = JSON.readTree(body);
        ArrayNode result = JSON.createArrayNode();
        for (int i = 0; i < copies; i++) {
            result.addAll((ArrayNode) boards);
        }
        return JSON.writeValueAsBytes(result);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
