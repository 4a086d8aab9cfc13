package cz.spojka.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the hub's AsyncAPI document as {@code docs/asyncapi.md}: its channels, the messages of each dataset with
 * their event types and shapes, the headers and the payload fields, all read from the document itself.
 */
final class AsyncApiMarkdown {

    private AsyncApiMarkdown() {}

    static String render(JsonNode document) {
        StringBuilder md = new StringBuilder();
        md.append("# Change events contract (AsyncAPI ")
                .append(document.get("asyncapi").asText())
                .append(")\n\n");
        md.append("Rendered from the AsyncAPI document of the repository's connectors and the default configuration by"
                + " `AsyncApiDocumentTest`; do not edit by hand. A running hub serves the document itself at"
                + " `GET /asyncapi.yaml`, for the connectors it has loaded and its own topics. The prose guide is"
                + " [events.md](events.md).\n\n");
        md.append("**").append(document.at("/info/title").asText()).append("**, contract version ");
        md.append(document.at("/info/version").asText()).append(".\n\n");
        md.append(document.at("/info/description").asText()).append('\n');
        channels(document, md);
        datasets(document, md);
        md.append("\n## Headers of a change event\n\nEvery message of `changes` except the tombstone (the trait"
                + " `cloudEvent`):\n\n");
        schemaTable(document.at("/components/messageTraits/cloudEvent/headers"), "header", md);
        md.append("\n## Value of a change event (`changeData`)\n\n");
        schemaTable(document.at("/components/schemas/changeData"), "field", md);
        md.append("\n`provenance`:\n\n");
        schemaTable(document.at("/components/schemas/changeData/properties/provenance"), "field", md);
        md.append("\n## Value of a dead letter (`deadLetter`)\n\n");
        schemaTable(document.at("/components/schemas/deadLetter"), "field", md);
        return md.toString();
    }

    private static void channels(JsonNode document, StringBuilder md) {
        md.append(
                "\n## Channels\n\n| channel | topic | Kafka configuration | key | messages |\n|---|---|---|---|---|\n");
        document.get("channels").fields().forEachRemaining(channel -> {
            JsonNode value = channel.getValue();
            JsonNode kafka = value.at("/bindings/kafka");
            List<String> messages = new ArrayList<>();
            value.get("messages").fieldNames().forEachRemaining(name -> messages.add("`" + name + "`"));
            JsonNode firstMessage = document.at(
                    value.get("messages").elements().next().get("$ref").asText().substring(1));
            JsonNode key = firstMessage.at("/bindings/kafka/key").isMissingNode()
                    ? document.at("/components/messageTraits/cloudEvent/bindings/kafka/key")
                    : firstMessage.at("/bindings/kafka/key");
            md.append("| `")
                    .append(channel.getKey())
                    .append("`: ")
                    .append(value.get("description").asText())
                    .append(" | `")
                    .append(value.get("address").asText())
                    .append("` | ")
                    .append(kafka.has("partitions") ? kafka.get("partitions") + " partitions, " : "")
                    .append(kafka.get("topicConfiguration").toString().replace("|", "\\|"))
                    .append(" | ")
                    .append(key.get("description").asText())
                    .append(" | ")
                    .append(String.join(", ", messages))
                    .append(" |\n");
        });
    }

    private static void datasets(JsonNode document, StringBuilder md) {
        md.append("\n## Event types by dataset\n\nOne message per dataset on `changes`; `ce_dataset` is the dataset"
                + " id, `ce_type` one of its types. `dataschema` is the shape of the entity's class.\n\n"
                + "| dataset | kind | event types | classes | dataschema |\n|---|---|---|---|---|\n");
        document.at("/channels/changes/messages").fieldNames().forEachRemaining(name -> {
            JsonNode message = document.at("/components/messages/" + name);
            if (!message.has("x-spojka-entities")) {
                return;
            }
            for (JsonNode entity : message.get("x-spojka-entities")) {
                String kind = entity.get("kind").asText();
                md.append("| `")
                        .append(name)
                        .append("` ")
                        .append(message.get("title").asText())
                        .append(" | `")
                        .append(kind)
                        .append("` | `cz.spojka.")
                        .append(kind)
                        .append(".created`, `.updated`, `.deleted` | ")
                        .append(list(entity.get("classes")))
                        .append(" | ")
                        .append(list(entity.get("dataschemas")))
                        .append(" |\n");
            }
        });
    }

    private static String list(JsonNode values) {
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add("`" + v.asText() + "`"));
        return String.join("<br>", items);
    }

    private static void schemaTable(JsonNode schema, String what, StringBuilder md) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        md.append("| ").append(what).append(" | required | type | description |\n|---|---|---|---|\n");
        schema.get("properties").fields().forEachRemaining(property -> {
            JsonNode value = property.getValue();
            String type = value.has("const")
                    ? "`" + value.get("const").asText() + "`"
                    : value.has("enum")
                            ? value.get("enum").toString()
                            : value.path("type").toString();
            if (value.has("format")) {
                type += " (" + value.get("format").asText() + ")";
            }
            md.append("| `")
                    .append(property.getKey())
                    .append("` | ")
                    .append(required.contains(property.getKey()) ? "yes" : "no")
                    .append(" | ")
                    .append(type.replace("\"", ""))
                    .append(" | ")
                    .append(value.path("description").asText().replace("|", "\\|"))
                    .append(" |\n");
        });
    }
}
