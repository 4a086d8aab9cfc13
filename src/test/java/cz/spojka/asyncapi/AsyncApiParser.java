package cz.spojka.asyncapi;

import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.asyncapi.v3._0_0.model.channel.Channel;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an AsyncAPI 3.0 document with the AsyncAPI initiative's Java library (jasyncapi, {@code com.asyncapi}), as a
 * Java consumer of the hub's contract would: into its typed model, refusing a property the specification does not
 * define (the model keeps {@code x-} extensions apart), and refusing a document of which it had to leave something out. The library binds {@code $ref}s but does not follow them, so
 * {@link #resolve} does, over the parsed model.
 */
final class AsyncApiParser {

    private static final ObjectMapper STRICT =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AsyncApiParser() {}

    /**
     * The typed model of the document.
     *
     * @throws IllegalArgumentException when the library could not read a channel, an operation or a message: it logs
     *     the cause and leaves the entry out, so the entries it kept are compared with those of the document
     */
    static AsyncAPI parse(String yamlOrJson) {
        try {
            AsyncAPI parsed = STRICT.readValue(yamlOrJson, AsyncAPI.class);
            JsonNode tree = STRICT.readTree(yamlOrJson);
            List<String> dropped = new ArrayList<>();
            dropped.addAll(missing("channels", tree.path("channels"), parsed.getChannels()));
            dropped.addAll(missing("operations", tree.path("operations"), parsed.getOperations()));
            dropped.addAll(missing(
                    "components.messages",
                    tree.path("components").path("messages"),
                    parsed.getComponents() == null
                            ? null
                            : parsed.getComponents().getMessages()));
            if (!dropped.isEmpty()) {
                throw new IllegalArgumentException(
                        "not valid AsyncAPI 3.0, the parser could not read " + String.join(", ", dropped));
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> missing(String where, JsonNode declared, Map<String, Object> read) {
        List<String> missing = new ArrayList<>();
        declared.fieldNames().forEachRemaining(name -> {
            if (read == null || !read.containsKey(name)) {
                missing.add(where + "." + name);
            }
        });
        return missing;
    }

    /**
     * The object of the parsed model a local reference points at: a channel ({@code #/channels/changes}), a message of
     * a channel ({@code #/channels/changes/messages/uredni-deska}) or of the components
     * ({@code #/components/messages/uredni-deska}) — the kinds of reference the hub's document uses.
     *
     * @throws IllegalArgumentException when it points at nothing
     */
    static Object resolve(AsyncAPI document, String ref) {
        String[] path = ref.startsWith("#/") ? ref.substring(2).split("/") : new String[0];
        Object target = null;
        if (path.length == 2 && path[0].equals("channels")) {
            target = document.getChannels().get(path[1]);
        } else if (path.length == 4 && path[0].equals("channels") && path[2].equals("messages")) {
            target = document.getChannels().get(path[1]) instanceof Channel channel
                    ? channel.getMessages().get(path[3])
                    : null;
        } else if (path.length == 3 && path[0].equals("components") && path[1].equals("messages")) {
            target = document.getComponents().getMessages().get(path[2]);
        }
        if (target == null) {
            throw new IllegalArgumentException(ref + " points at nothing in the document");
        }
        return target;
    }
}
