package cz.spojka.subscription;

import cz.spojka.changelog.ChangeLog;
import cz.spojka.system.JsonFiles;
import cz.spojka.system.PhasedLifecycle;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook subscriptions: created, listed, resumed and deleted through the API, kept one JSON file each in
 * {@code <data-dir>/subscriptions} ({@link JsonFiles}), and each active one delivered by a {@link SubscriptionWorker}. The workers start after
 * the change log is ready and stop before it (and the broker) do.
 */
public class Subscriptions extends PhasedLifecycle {

    public static final int PHASE = ChangeLog.PHASE + 200;
    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final JsonFiles<Subscription> store;
    private final DeliverySettings settings;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, DeliveryLog> deliveries = new ConcurrentHashMap<>();
    private final Map<String, SubscriptionWorker> workers = new ConcurrentHashMap<>();

    Subscriptions(JsonFiles<Subscription> store, DeliverySettings settings) {
        super(PHASE);
        this.store = store;
        this.settings = settings;
    }

    @Override
    protected synchronized void startUp() {
        for (Subscription subscription : store.load()) {
            subscriptions.put(subscription.id(), subscription);
            if (subscription.status() == Subscription.Status.active) {
                startWorker(subscription);
            }
        }
        log.info("{} webhook subscriptions, {} active", subscriptions.size(), workers.size());
    }

    /** Stops every worker; outside the lock, since a worker may be suspending its subscription meanwhile. */
    @Override
    protected void shutDown() {
        List<SubscriptionWorker> stopping;
        synchronized (this) {
            stopping = new ArrayList<>(workers.values());
            workers.clear();
        }
        stopping.forEach(SubscriptionWorker::stop);
    }

    /**
     * Creates an active subscription that receives the events published from now on.
     *
     * @param owner the agency it belongs to, {@code null} for a public-only subscription
     */
    synchronized Subscription create(SubscriptionRequest request, String owner) {
        Subscription subscription = new Subscription(
                UUID.randomUUID().toString(),
                owner,
                request.effectiveFilter(),
                URI.create(request.callbackUrl()),
                request.secret(),
                Instant.now(),
                Subscription.Status.active,
                null,
                null);
        SubscriptionOffsets.startAtEnd(settings.clients(), settings.topic(), subscription);
        store.save(subscription.id(), subscription);
        subscriptions.put(subscription.id(), subscription);
        startWorker(subscription);
        log.info("Subscription {} created for {}", subscription.id(), subscription.callbackUrl());
        return subscription;
    }

    /** Whether {@code agency} exists and is enabled, so that a subscription may be created for it. */
    boolean agencyExists(String agency) {
        return settings.access().agencyExists(agency);
    }

    List<Subscription> list() {
        return subscriptions.values().stream()
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
                .toList();
    }

    Optional<Subscription> get(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    List<DeliveryLog.Delivery> deliveries(String id) {
        return log(id).newestFirst();
    }

    /** Resumes a suspended subscription from the event it was suspended at; an active one stays as it is. */
    synchronized Optional<Subscription> resume(String id) {
        Subscription subscription = subscriptions.get(id);
        if (subscription == null || subscription.status() == Subscription.Status.active) {
            return Optional.ofNullable(subscription);
        }
        Subscription resumed = subscription.resumed();
        store.save(resumed.id(), resumed);
        subscriptions.put(id, resumed);
        startWorker(resumed);
        log.info("Subscription {} resumed", id);
        return Optional.of(resumed);
    }

    /** Deletes a subscription and, once its worker has stopped (outside the lock, as above), its offsets. */
    boolean delete(String id) {
        Subscription subscription;
        SubscriptionWorker worker;
        synchronized (this) {
            subscription = subscriptions.remove(id);
            if (subscription == null) {
                return false;
            }
            worker = workers.remove(id);
            store.delete(id);
            deliveries.remove(id);
        }
        if (worker != null) {
            worker.stop();
        }
        SubscriptionOffsets.forget(settings.clients(), subscription);
        log.info("Subscription {} deleted", id);
        return true;
    }

    private void startWorker(Subscription subscription) {
        SubscriptionWorker worker = new SubscriptionWorker(
                subscription, settings, log(subscription.id()), (at, reason) -> suspend(subscription, at, reason));
        workers.put(subscription.id(), worker);
        worker.start();
    }

    /**
     * Called by the worker of {@code subscription} when an event's last attempt failed or its owner is disabled; the
     * worker then ends.
     */
    private synchronized void suspend(Subscription subscription, Instant at, String reason) {
        workers.remove(subscription.id());
        if (!subscriptions.containsKey(subscription.id())) {
            return;
        }
        Subscription suspended = subscription.suspended(at, reason);
        store.save(suspended.id(), suspended);
        subscriptions.put(subscription.id(), suspended);
        log.warn("Subscription {} suspended: {}", subscription.id(), suspended.suspendedReason());
    }

    private DeliveryLog log(String id) {
        return deliveries.computeIfAbsent(
                id, i -> new DeliveryLog(settings.config().deliveryLogSize()));
    }
}
