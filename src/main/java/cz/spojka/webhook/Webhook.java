package cz.spojka.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.connector.ConnectorRunner;
import cz.spojka.connector.RunReport;
import cz.spojka.mapping.MappingException;
import cz.spojka.mapping.StrictJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The hub's side of the {@code webhook} route template, bean {@code spojkaWebhook}. The route calls {@link #admit}
 * first; only when it sets the exchange property {@link #ADMITTED} does the route hand the body to the connector
 * runner and then call {@link #receipt} with the run's report; {@link #failure} answers when any of them throws.
 * Each answer is JSON with the push's {@code receiptId}. A push refused before the run goes to the dead-letter log
 * (stage {@code push}); the runner dead-letters what it rejects itself.
 */
public class Webhook {

    /** Set to {@code true} by {@link #admit} when the push may enter the data flow. */
    public static final String ADMITTED = "spojkaPushAdmitted";

    static final String RECEIPT_ID = "spojkaPushReceiptId";

    private static final Logger log = LoggerFactory.getLogger(Webhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeadLetterPublisher deadLetters;
    private final JsonSchemas schemas = new JsonSchemas();

    public Webhook(DeadLetterPublisher deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Checks the push in the order a sender fixes its problems: method (405), API key (401), content type (415),
     * size (413), then for JSON the fields to drop and the JSON Schema (400). An admitted push leaves the body, with
     * the dropped fields removed, as bytes for the runner.
     */
    public void admit(Exchange exchange) {
        exchange.setProperty(RECEIPT_ID, UUID.randomUUID().toString());
        exchange.setProperty(ADMITTED, false);
        PushSettings settings = PushSettings.of(exchange);
        Refusal refusal = check(exchange.getMessage(), settings);
        if (refusal == null) {
            exchange.setProperty(ADMITTED, true);
            return;
        }
        if (refusal.status() == 405) {
            log.debug("Push to connector {} refused: {}", connectorId(exchange), refusal.reasons());
        } else {
            deadLetters.publish(DeadLetter.now(
                    connectorId(exchange),
                    "body",
                    null,
                    "push",
                    refusal.status() + ": " + String.join("; ", refusal.reasons()),
                    null,
                    refusal.keptBody()));
        }
        Map<String, Object> answer = answer(exchange, refusal.status());
        answer.put("reasons", refusal.reasons());
        respond(exchange, refusal.status(), answer);
        if (refusal.status() == 405) {
            exchange.getMessage().setHeader("Allow", "POST");
        }
    }

    /**
     * Answers with the run's report: 202 Accepted with its counts and the rejected records, 422 when every record was
     * rejected, or 400 when the body could not be parsed at all (the runner has dead-lettered it with the same
     * reason).
     */
    public void receipt(Exchange exchange) {
        RunReport report = exchange.getMessage().getBody(RunReport.class);
        if (!report.succeeded()) {
            Map<String, Object> answer = answer(exchange, 400);
            answer.put("reasons", List.of(report.error()));
            respond(exchange, 400, answer);
            return;
        }
        int status = report.entities() == 0 && report.rejected() > 0 ? 422 : 202;
        Map<String, Object> answer = answer(exchange, status);
        answer.put("records", report.records());
        answer.put("rejected", report.rejected());
        answer.put("entities", report.entities());
        answer.put("created", report.created());
        answer.put("updated", report.updated());
        answer.put("unchanged", report.unchanged());
        answer.put("deleted", report.deleted());
        answer.put("rejections", report.rejections());
        if (status == 422) {
            List<String> reasons = new ArrayList<>();
            report.rejections()
                    .forEach(r -> reasons.add("record " + r.recordId() + " (" + r.stage() + "): " + r.reason()));
            if (report.rejected() > report.rejections().size()) {
                reasons.add((report.rejected() - report.rejections().size())
                        + " more rejections are in the dead-letter log");
            }
            answer.put("reasons", reasons);
        }
        respond(exchange, status, answer);
    }

    /** Answers 500 when the push could not be processed (e.g. the change log is unreachable); the sender retries. */
    public void failure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null
                ? "unknown failure"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        log.error("Push to connector {} could not be processed: {}", connectorId(exchange), reason, cause);
        Map<String, Object> answer = answer(exchange, 500);
        answer.put("reasons", List.of("the push could not be processed, send it again later: " + reason));
        respond(exchange, 500, answer);
    }

    private Refusal check(Message in, PushSettings settings) {
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if (!"POST".equals(method)) {
            return new Refusal(405, "method " + method + " is not allowed: push with POST", null);
        }
        String key = in.getHeader(settings.apiKeyHeader(), String.class);
        if (key == null || key.isEmpty()) {
            return new Refusal(401, "missing API key: send it in the header " + settings.apiKeyHeader(), null);
        }
        if (!ApiKeys.same(settings.apiKey(), key)) {
            return new Refusal(401, "wrong API key in the header " + settings.apiKeyHeader(), null);
        }
        String contentTypeProblem = contentTypeProblem(in.getHeader(Exchange.CONTENT_TYPE, String.class), settings);
        if (contentTypeProblem != null) {
            return new Refusal(415, contentTypeProblem, null);
        }
        byte[] body = in.getBody(byte[].class);
        if (body != null && body.length > settings.maxBytes()) {
            return new Refusal(413, "the body is larger than the limit of " + settings.maxBytes() + " bytes", null);
        }
        if (body == null || body.length == 0) {
            return new Refusal(400, "the body is empty", null);
        }
        if (settings.jsonSchema() != null || !settings.dropFields().isEmpty()) {
            return checkJson(in, body, settings);
        }
        in.setBody(body);
        return null;
    }

    /**
     * Parses the body, drops the fields that must never be kept and checks the schema. A body that is not JSON is
     * refused here, kept in the dead letter only when no field had to be dropped from it: personal data that could
     * not be removed is not kept either.
     */
    private Refusal checkJson(Message in, byte[] body, PushSettings settings) {
        JsonNode root;
        try {
            // Strict as the mapping reads it: a body with trailing garbage or a duplicate field must not be passed on
            // as its first value or its last field once fields are dropped and it is written again.
            root = StrictJson.read(body);
        } catch (IOException | MappingException e) {
            return new Refusal(
                    400,
                    "The body is not well-formed JSON: " + e.getMessage(),
                    settings.dropFields().isEmpty() ? new String(body, UTF_8) : null);
        }
        byte[] kept = drop(root, settings.dropFields()) ? bytes(root) : body;
        if (settings.jsonSchema() != null) {
            List<String> violations = schemas.violations(root, settings.jsonSchema());
            if (!violations.isEmpty()) {
                return new Refusal(400, violations, new String(kept, UTF_8));
            }
        }
        in.setBody(kept);
        return null;
    }

    /** Removes the fields from the body, or from each element of a list; whether it removed any. */
    private static boolean drop(JsonNode root, Set<String> fields) {
        boolean dropped = false;
        for (JsonNode record : root.isArray() ? root : List.of(root)) {
            if (record instanceof ObjectNode object) {
                for (String field : fields) {
                    dropped |= object.remove(field) != null;
                }
            }
        }
        return dropped;
    }

    private static String contentTypeProblem(String header, PushSettings settings) {
        String accepted =
                settings.contentTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        if (header == null || header.isBlank()) {
            return "no content type: declare one of " + accepted;
        }
        MediaType declared;
        try {
            declared = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return "content type '" + header + "' is not a media type; declare one of " + accepted;
        }
        if (!settings.accepts(declared)) {
            return "content type '" + header + "' is not accepted; declare one of " + accepted;
        }
        String charset = declared.getParameter("charset");
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("UTF-8")) {
            return "charset '" + charset + "' is not accepted: send UTF-8";
        }
        return null;
    }

    private static Map<String, Object> answer(Exchange exchange, int status) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("receiptId", exchange.getProperty(RECEIPT_ID, String.class));
        answer.put("connectorId", connectorId(exchange));
        answer.put("status", status);
        return answer;
    }

    /** The answer replaces the request's headers, which must not be echoed back (the API key among them). */
    private static void respond(Exchange exchange, int status, Map<String, Object> answer) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(bytes(JSON.valueToTree(answer)));
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes: " + e.getMessage(), e);
        }
    }

    private static String connectorId(Exchange exchange) {
        return exchange.getProperty(ConnectorRunner.CONNECTOR_PROPERTY, String.class);
    }

    /**
     * Why a push is refused.
     *
     * @param keptBody the body as the dead letter keeps it, or {@code null} when it is not kept (unauthenticated,
     *     too large, of another type, or holding fields that could not be dropped)
     */
    private record Refusal(int status, List<String> reasons, String keptBody) {

        Refusal(int status, String reason, String keptBody) {
            this(status, List.of(reason), keptBody);
        }
    }
}
