package cz.spojka.subscription;

import cz.spojka.access.Caller;
import cz.spojka.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/subscriptions}: create ({@code POST}), list, read and delete webhook subscriptions, resume a suspended
 * one ({@code POST /{id}/resume}) and read its delivery log ({@code GET /{id}/deliveries}). The secret is never
 * shown. An agency's caller creates subscriptions owned by its agency and sees, resumes and deletes only those (any
 * other is answered 404, as if it did not exist); an administrator creates them for any agency or without an owner
 * (public-only) and manages all. Every path needs the role reader ({@code access/ApiRoles}); a caller of no agency
 * that is not an administrator is answered 403.
 */
@RestController
class SubscriptionsController {

    static final String PATH = "/api/subscriptions";

    private final Subscriptions subscriptions;

    SubscriptionsController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> create(@RequestBody SubscriptionRequest request, HttpServletRequest http) {
        Caller caller = manager(http);
        List<String> problems = new ArrayList<>(request.problems());
        String owner = owner(caller, request, problems);
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("problems", problems));
        }
        Subscription created = subscriptions.create(request, owner);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(view(created));
    }

    @GetMapping(PATH)
    List<Map<String, Object>> list(HttpServletRequest http) {
        Caller caller = manager(http);
        return subscriptions.list().stream()
                .filter(subscription -> subscription.managedBy(caller))
                .map(SubscriptionsController::view)
                .toList();
    }

    @GetMapping(PATH + "/{id}")
    Map<String, Object> get(@PathVariable String id, HttpServletRequest http) {
        return view(managed(id, http));
    }

    @DeleteMapping(PATH + "/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest http) {
        managed(id, http);
        if (!subscriptions.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(PATH + "/{id}/resume")
    Map<String, Object> resume(@PathVariable String id, HttpServletRequest http) {
        managed(id, http);
        return view(subscriptions.resume(id).orElseThrow(() -> notFound(id)));
    }

    @GetMapping(PATH + "/{id}/deliveries")
    List<DeliveryLog.Delivery> deliveries(@PathVariable String id, HttpServletRequest http) {
        managed(id, http);
        return subscriptions.deliveries(id);
    }

    /** The request's caller, who must be an administrator or act for an agency. */
    private static Caller manager(HttpServletRequest http) {
        Caller caller = Caller.of(http);
        if (!caller.role().includes(Role.ADMIN) && caller.agency() == null) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "subscriptions belong to an agency: authenticate with its API key or token, or as an"
                            + " administrator");
        }
        return caller;
    }

    /** The subscription, if the request's caller may manage it; otherwise 404, so that nobody learns of others'. */
    private Subscription managed(String id, HttpServletRequest http) {
        Caller caller = manager(http);
        return subscriptions.get(id).filter(s -> s.managedBy(caller)).orElseThrow(() -> notFound(id));
    }

    /** Who the new subscription belongs to: the caller's agency, or whom an administrator names (or nobody). */
    private String owner(Caller caller, SubscriptionRequest request, List<String> problems) {
        if (caller.role().includes(Role.ADMIN)) {
            if (request.owner() != null && !subscriptions.agencyExists(request.owner())) {
                problems.add("owner: '" + request.owner() + "' is not an enabled agency");
            }
            return request.owner();
        }
        if (request.owner() != null && !request.owner().equals(caller.agency())) {
            problems.add("owner: '" + request.owner() + "': only an administrator creates a subscription for another"
                    + " agency; leave it out for one of your own (" + caller.agency() + ")");
        }
        return caller.agency();
    }

    /** A refusal or a subscription not found, as {@code {"status":…,"error":"<reason>"}}. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> refused(ResponseStatusException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.getStatusCode().value());
        body.put("error", e.getReason());
        return ResponseEntity.status(e.getStatusCode()).body(body);
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription '" + id + "'");
    }

    private static Map<String, Object> view(Subscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", subscription.id());
        view.put("owner", subscription.owner());
        view.put("callbackUrl", subscription.callbackUrl().toString());
        view.put("filter", subscription.filter());
        view.put("status", subscription.status().name());
        view.put("createdAt", subscription.createdAt().toString());
        view.put(
                "suspendedAt",
                subscription.suspendedAt() == null
                        ? null
                        : subscription.suspendedAt().toString());
        view.put("suspendedReason", subscription.suspendedReason());
        view.put("consumerGroup", subscription.consumerGroup());
        return view;
    }
}
