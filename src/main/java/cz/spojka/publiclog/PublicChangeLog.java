package cz.spojka.publiclog;

import cz.spojka.changelog.ChangeLog;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.connector.Connectors;
import cz.spojka.system.PhasedLifecycle;
import cz.spojka.system.SpojkaProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public change log ({@code spojka.kafka.public-changes-topic}, default {@code spojka.public.changes}): the
 * events of the public datasets only, for dashboards and everyone who may read public data, while
 * {@code spojka.changes} stays the hub's internal source of truth of every dataset. Created like the change log
 * (compacted, as many partitions), it is kept by one thread that runs a {@link PublicCopySession} after the other:
 * one that fails (Kafka unreachable) is closed and a new one starts from the committed offsets after a pause.
 *
 * <p>Copying waits until the connectors have been loaded: before that no dataset has a classification, and every
 * event would look internal.
 */
public class PublicChangeLog extends PhasedLifecycle {

    public static final int PHASE = ChangeLog.PHASE + 100;
    private static final Logger log = LoggerFactory.getLogger(PublicChangeLog.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** A consumer that lags less than this never misses a deletion, as on the change log. */
    private static final Duration TOMBSTONE_RETENTION = Duration.ofDays(7);

    private final KafkaClients clients;
    private final SpojkaProperties.Kafka config;
    private final PublicDatasets datasets;
    private final Connectors connectors;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile PublicCopySession session;
    private Thread copier;

    PublicChangeLog(
            KafkaClients clients, SpojkaProperties.Kafka config, PublicDatasets datasets, Connectors connectors) {
        super(PHASE);
        this.clients = clients;
        this.config = config;
        this.datasets = datasets;
        this.connectors = connectors;
    }

    @Override
    protected void startUp() {
        clients.createTopicsIfMissing(
                List.of(new NewTopic(config.publicChangesTopic(), config.partitions(), config.replicationFactor())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.DELETE_RETENTION_MS_CONFIG,
                                String.valueOf(TOMBSTONE_RETENTION.toMillis())))));
        copier = new Thread(this::run, "spojka-public-log");
        copier.setDaemon(true);
        copier.start();
    }

    private void run() {
        try {
            while (!connectors.awaitLoaded(Duration.ofSeconds(1))) {
                if (stopped()) {
                    return;
                }
            }
            while (!stopped()) {
                runSession();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runSession() throws InterruptedException {
        try (PublicCopySession current =
                new PublicCopySession(clients, config.changesTopic(), config.publicChangesTopic(), datasets)) {
            session = current;
            if (!stopped()) {
                current.run();
            }
        } catch (WakeupException e) {
            log.debug("The copy to the public change log stopped");
        } catch (RuntimeException e) {
            log.error(
                    "Copying {} to the public change log {} failed; starting again from the committed offsets in {} s:"
                            + " {}",
                    config.changesTopic(),
                    config.publicChangesTopic(),
                    RESTART_PAUSE.toSeconds(),
                    e.toString(),
                    e);
            stopping.await(RESTART_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            session = null;
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    /** Stops the copy while the broker still runs: a batch in flight is committed or aborted, never half written. */
    @Override
    protected void shutDown() {
        stopping.countDown();
        PublicCopySession current = session;
        if (current != null) {
            current.wakeup();
        }
        try {
            copier.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
