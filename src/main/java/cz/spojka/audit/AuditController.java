package cz.spojka.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit log for auditors: {@code GET /api/audit} (a page of entries, oldest first; {@code next} is the
 * {@code after} of the next page, null on the last), {@code /api/audit/export} (every matching entry as JSON Lines,
 * each line as the log holds it, streamed) and {@code /api/audit/verify} (the chain checked from its first entry).
 */
@RestController
class AuditController {

    static final String PATH = "/api/audit";
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    record Page(List<AuditEntry> entries, Long next) {}

    @GetMapping(PATH)
    Page entries(@ModelAttribute AuditQuery.Parameters parameters, @RequestParam(required = false) String limit) {
        AuditQuery query = AuditQuery.of(parameters);
        int size = AuditQuery.limit(limit);
        List<AuditEntry> found = log.entries(query.after(), query.filter(), size + 1);
        if (found.size() <= size) {
            return new Page(found, null);
        }
        List<AuditEntry> page = found.subList(0, size);
        return new Page(page, page.get(size - 1).seq());
    }

    @GetMapping(PATH + "/export")
    ResponseEntity<StreamingResponseBody> export(@ModelAttribute AuditQuery.Parameters parameters) {
        AuditQuery query = AuditQuery.of(parameters);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            log.lines(query.after(), (line, where) -> {
                if (matches(line, query)) {
                    write(writer, line);
                }
                return true;
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.jsonl\"")
                .body(body);
    }

    /** Whether the line is an entry the query asks for; a line that is not an entry is exported as it is. */
    private static boolean matches(String line, AuditQuery query) {
        try {
            AuditEntry entry = AuditEntry.parse(line);
            return entry.seq() > query.after() && query.filter().test(entry);
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(PATH + "/verify")
    AuditChain.Verification verify() {
        return log.verify();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", 400, "error", e.getMessage()));
    }
}
