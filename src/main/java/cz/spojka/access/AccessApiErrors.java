package cz.spojka.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The admin API's errors in the shape of the hub's other refusals, {@code {"status":…,"error":"…"}}, with the field
 * a 400 is about: 400 for invalid input, 404 for an unknown tenant, agency, key or grant, 409 for one that exists.
 */
@RestControllerAdvice(assignableTypes = {TenantsController.class, AgenciesController.class, GrantsController.class})
class AccessApiErrors {

    @ExceptionHandler(InvalidAccessChange.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidAccessChange e) {
        Map<String, Object> body = body(HttpStatus.BAD_REQUEST, e.getMessage());
        body.put("field", e.field());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest()
                .body(body(
                        HttpStatus.BAD_REQUEST,
                        "the body must be a JSON object with the fields of docs/security.md: "
                                + e.getMostSpecificCause().getMessage()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, Object>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(AccessConflict.class)
    ResponseEntity<Map<String, Object>> conflict(AccessConflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body(HttpStatus.CONFLICT, e.getMessage()));
    }

    private static Map<String, Object> body(HttpStatus status, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", error);
        return body;
    }
}
