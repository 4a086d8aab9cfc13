package cz.spojka.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads Server-Sent Events frames from a stream of bytes, as the HTML standard's EventSource parses them. */
final class SseReader {

    private SseReader() {}

    /** Hands each frame to {@code frames} until the stream ends. */
    static void read(InputStream in, Consumer<SseFrame> frames) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, UTF_8));
        String id = null;
        String event = null;
        List<String> data = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    frames.accept(new SseFrame(id, event == null ? "message" : event, String.join("\n", data), null));
                }
                event = null;
                data.clear();
            } else if (line.startsWith(":")) {
                frames.accept(new SseFrame(null, null, null, line.substring(1).strip()));
            } else {
                String field = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
                String value = line.contains(":")
                        ? line.substring(line.indexOf(':') + 1).replaceFirst("^ ", "")
                        : "";
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data.add(value);
                    default -> {}
                }
            }
        }
    }

    static List<SseFrame> readAll(InputStream in) throws IOException {
        List<SseFrame> frames = new ArrayList<>();
        read(in, frames::add);
        return frames;
    }
}
