package cz.spojka.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One line of the audit log: an {@link AuditEvent} numbered, timed and chained. {@code hash} is the SHA-256 (hex) of
 * the entry's canonical form: its JSON object without {@code hash}, members in the order declared here, no
 * whitespace, null members written as {@code null}. {@code prev} is the previous entry's {@code hash}
 * ({@link #GENESIS} for the first entry), so changing, removing or reordering an entry breaks the chain after it.
 *
 * @param seq the entry's number, 1 for the first entry of the log and one more for each next
 * @param time when the entry was written (ISO-8601, UTC)
 */
@JsonPropertyOrder({
    "seq",
    "time",
    "actor",
    "credential",
    "role",
    "client",
    "method",
    "path",
    "action",
    "target",
    "status",
    "outcome",
    "queryHash",
    "detail",
    "prev",
    "hash"
})
public record AuditEntry(
        long seq,
        String time,
        String actor,
        String credential,
        String role,
        String client,
        String method,
        String path,
        String action,
        String target,
        Integer status,
        String outcome,
        String queryHash,
        String detail,
        String prev,
        String hash) {

    /** The {@code prev} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** Refuses members it does not know: an entry with an added member is not one the hub wrote. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The entry {@code seq} of {@code event}, written at {@code time} after the entry whose hash is {@code prev}. */
    static AuditEntry chained(long seq, String time, AuditEvent event, String prev) {
        AuditEntry unhashed = new AuditEntry(
                seq,
                time,
                event.actor(),
                event.credential(),
                event.role(),
                event.client(),
                event.method(),
                event.path(),
                event.action(),
                event.target(),
                event.status(),
                event.outcome(),
                event.queryHash(),
                event.detail(),
                prev,
                null);
        return unhashed.withHash(unhashed.computedHash());
    }

    private AuditEntry withHash(String hash) {
        return new AuditEntry(
                seq,
                time,
                actor,
                credential,
                role,
                client,
                method,
                path,
                action,
                target,
                status,
                outcome,
                queryHash,
                detail,
                prev,
                hash);
    }

    /** The hash of this entry's fields as they are now, to compare with the {@code hash} it carries. */
    String computedHash() {
        ObjectNode canonical = JSON.valueToTree(this);
        canonical.remove("hash");
        try {
            return sha256(JSON.writeValueAsBytes(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry could not be serialized", e);
        }
    }

    /** The entry as one line of the log, without the line break. */
    String line() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry could not be serialized", e);
        }
    }

    /** @throws JsonProcessingException when {@code line} is not an entry */
    static AuditEntry parse(String line) throws JsonProcessingException {
        return JSON.readValue(line, AuditEntry.class);
    }

    /** SHA-256 of {@code bytes}, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
