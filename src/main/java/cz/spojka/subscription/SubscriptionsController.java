package cz.spojka.subscription;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/subscriptions}: create ({@code POST}), list, read and delete webhook subscriptions, resume a suspended
 * one ({@code POST /{id}/resume}) and read its delivery log ({@code GET /{id}/deliveries}). The secret is never
 * shown. Every path needs the role reader ({@code access/ApiRoles}).
 */
@RestController
class SubscriptionsController {

    static final String PATH = "/api/subscriptions";

    private final Subscriptions subscriptions;

    SubscriptionsController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> create(@RequestBody SubscriptionRequest request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("problems", problems));
        }
        Subscription created = subscriptions.create(request);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(view(created));
    }

    @GetMapping(PATH)
    List<Map<String, Object>> list() {
        return subscriptions.list().stream().map(SubscriptionsController::view).toList();
    }

    @GetMapping(PATH + "/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(subscriptions.get(id).orElseThrow(() -> notFound(id)));
    }

    @DeleteMapping(PATH + "/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!subscriptions.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(PATH + "/{id}/resume")
    Map<String, Object> resume(@PathVariable String id) {
        return view(subscriptions.resume(id).orElseThrow(() -> notFound(id)));
    }

    @GetMapping(PATH + "/{id}/deliveries")
    List<DeliveryLog.Delivery> deliveries(@PathVariable String id) {
        subscriptions.get(id).orElseThrow(() -> notFound(id));
        return subscriptions.deliveries(id);
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No subscription '" + id + "'");
    }

    private static Map<String, Object> view(Subscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", subscription.id());
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
