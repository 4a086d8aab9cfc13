package cz.spojka.bench.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * The agenda system the hub polls: notice boards in OFN Úřední desky JSON-LD (the shape of the real sample the
 * {@code uredni-deska-ofn} connector ships), paged by {@code page} and {@code size}. Every notice carries its version
 * in its page address ({@code …/notice/<id>?verze=<v>}) and its title, so every event on the change log names the
 * source version it came from. {@link #advance} moves the source to its next generation (some notices changed, some
 * added, some removed), deterministically from the seed. While {@link #pause paused} it answers 503, so the hub's
 * runs fail and publish nothing while the bench checks the invariants.
 */
final class NoticeSource implements AutoCloseable {

    static final String SOURCE = "https://crash.example/";
    private static final String CONTEXT = "https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld";

    private final int boards;
    private final long seed;
    /** Live notices: id → version. */
    private final TreeMap<Integer, Integer> versions = new TreeMap<>();
    /** Live notices: id → board. */
    private final Map<Integer, Integer> boardOf = new TreeMap<>();
    private final int updatesPerGeneration;
    private final int additionsPerGeneration;
    private final int removalsPerGeneration;
    private int nextId;
    private int generation;
    private volatile boolean paused = true;
    private long pagesServed;
    private HttpServer server;

    NoticeSource(int notices, long seed, int updates, int additions, int removals) {
        this.boards = (notices + 99) / 100;
        this.seed = seed;
        this.updatesPerGeneration = updates;
        this.additionsPerGeneration = additions;
        this.removalsPerGeneration = removals;
        for (int id = 0; id < notices; id++) {
            versions.put(id, 1);
            boardOf.put(id, id / 100);
        }
        nextId = notices;
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/boards", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/boards";
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    synchronized int generation() {
        return generation;
    }

    synchronized int boards() {
        return boards;
    }

    synchronized long pagesServed() {
        return pagesServed;
    }

    /** Live notices and their versions, as of now. */
    synchronized Map<Integer, Integer> notices() {
        return new TreeMap<>(versions);
    }

    /** The next generation: changes, additions and removals drawn from the seed and the generation number. */
    synchronized void advance() {
        generation++;
        Random random = new Random(seed * 7919 + generation);
        List<Integer> live = new ArrayList<>(versions.keySet());
        for (int i = 0; i < removalsPerGeneration && !live.isEmpty(); i++) {
            Integer id = live.remove(random.nextInt(live.size()));
            versions.remove(id);
            boardOf.remove(id);
        }
        for (int i = 0; i < updatesPerGeneration && !live.isEmpty(); i++) {
            Integer id = live.get(random.nextInt(live.size()));
            versions.merge(id, 1, Integer::sum);
        }
        for (int i = 0; i < additionsPerGeneration; i++) {
            int id = nextId++;
            versions.put(id, 1);
            boardOf.put(id, random.nextInt(boards));
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (paused) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            int size = Integer.parseInt(query.getOrDefault("size", "20"));
            byte[] body = page(page, size).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized String page(int page, int size) {
        pagesServed++;
        int first = (page - 1) * size;
        int last = Math.min(boards, first + size);
        List<List<Integer>> noticesOfBoards = new ArrayList<>();
        for (int b = 0; b < boards; b++) {
            noticesOfBoards.add(new ArrayList<>());
        }
        if (first < last) {
            boardOf.forEach((id, board) -> {
                if (board >= first && board < last) {
                    noticesOfBoards.get(board).add(id);
                }
            });
        }
        StringBuilder json = new StringBuilder("[");
        for (int b = first; b < last; b++) {
            if (b > first) {
                json.append(',');
            }
            board(json, b, noticesOfBoards.get(b));
        }
        return json.append(']').toString();
    }

    private void board(StringBuilder json, int board, List<Integer> notices) {
        json.append("{\"@context\":\"").append(CONTEXT).append("\",\"typ\":\"Úřední deska\",\"iri\":\"")
                .append(SOURCE).append("boards/").append(board).append("\",\"stránka\":\"").append(SOURCE)
                .append("deska/").append(board).append("\",\"provozovatel\":{\"typ\":\"Osoba\",\"ičo\":\"00007064\"},")
                .append("\"informace\":[");
        for (int i = 0; i < notices.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            notice(json, board, notices.get(i));
        }
        json.append("]}");
    }

    private void notice(StringBuilder json, int board, int id) {
        int version = versions.get(id);
        LocalDate posted = LocalDate.of(2026, 1, 1).plusDays(id % 300);
        json.append("{\"typ\":[\"Digitální objekt\",\"Informace na úřední desce\"],\"iri\":\"").append(SOURCE)
                .append("boards/").append(board).append("/info/").append(id).append("\",\"url\":\"")
                .append(SOURCE).append("notice/").append(id).append("?verze=").append(version)
                .append("\",\"číslo_jednací\":\"CJ-").append(id).append("/2026\",\"název\":{\"cs\":\"Oznámení o stavbě č. ")
                .append(id).append(", verze ").append(version).append("\"},\"vyvěšení\":{\"typ\":\"Časový okamžik\",")
                .append("\"datum\":\"").append(posted).append("\"},\"relevantní_do\":{\"typ\":\"Časový okamžik\",")
                .append("\"nespecifikovaný\":true},\"dokument\":[{\"typ\":\"Digitální objekt\",\"název\":{\"cs\":\"")
                .append("Oznámení ").append(id).append(".pdf\"},\"url\":\"").append(SOURCE).append("soubor/")
                .append(id).append(".pdf\"}]}");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    result.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return result;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
