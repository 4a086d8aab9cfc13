package cz.spojka.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;

/** The lines of the Server-Sent Events wire format the stream writes, each frame ended by an empty line. */
final class SseFrames {

    /** Sent when a stream has caught up with the change log: from here on, events arrive as they are published. */
    static final byte[] LIVE = comment("live");

    static final byte[] HEARTBEAT = comment("heartbeat");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SseFrames() {}

    /** A change: the id is the stream position after it, the data one line of JSON (JSON has no raw newlines). */
    static byte[] event(String id, byte[] json) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(json.length + id.length() + 16);
        frame.writeBytes(("id: " + id + "\ndata: ").getBytes(UTF_8));
        frame.writeBytes(json);
        frame.writeBytes("\n\n".getBytes(UTF_8));
        return frame.toByteArray();
    }

    /** The last frame of a stream the hub ends: event {@code disconnect}, data {@code {"reason":…,"message":…}}. */
    static byte[] disconnect(String reason, String message) {
        ObjectNode data = JSON.createObjectNode().put("reason", reason).put("message", message);
        return ("event: disconnect\ndata: " + data + "\n\n").getBytes(UTF_8);
    }

    private static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(UTF_8);
    }
}
