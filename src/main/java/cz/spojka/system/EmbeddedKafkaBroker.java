package cz.spojka.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The in-process single-node Kafka broker (real broker code, KRaft mode) that runs when no external cluster is
 * configured. It starts before everything that produces or consumes ({@link #PHASE}) and stops after them.
 * The log directory is formatted once; later starts reuse its cluster id, so the change log survives restarts.
 *
 * <p>Kafka's broker ends its JVM when it cannot go on: all its log directories failed (a full or broken disk), or a
 * fatal fault of its controller. In process that would end the whole hub without a word to anyone; instead the hub
 * stays up without a working broker ({@link #failure}): the failure is logged, health reports the change log DOWN
 * with it, connectors fail their runs and keep their input as during any Kafka outage, and the SPARQL endpoint and
 * the Linked Data pages go on answering from the store. A restart once the cause is fixed brings the broker back.
 */
public class EmbeddedKafkaBroker implements SmartLifecycle {

    /** Lower than every client of the change log, so the broker is up before them and down after them. */
    public static final int PHASE = -1000;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDir;
    private final SpojkaProperties.Embedded config;
    private final short replicationFactor;
    private KafkaRaftServer server;
    private volatile String failure;

    public EmbeddedKafkaBroker(Path logDir, SpojkaProperties.Embedded config, short replicationFactor) {
        this.logDir = logDir.toAbsolutePath();
        this.config = config;
        this.replicationFactor = replicationFactor;
    }

    public String bootstrapServers() {
        return config.host() + ":" + config.port();
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public synchronized void start() {
        requireFree(config.port(), "spojka.kafka.embedded.port");
        requireFree(config.controllerPort(), "spojka.kafka.embedded.controller-port");
        try {
            Files.createDirectories(logDir);
            KafkaConfig kafkaConfig = KafkaConfig.fromProps(brokerProperties(), false);
            formatIfNew(kafkaConfig);
            failure = null;
            Exit.setHaltProcedure(this::stoppedServing);
            Exit.setExitProcedure(this::stoppedServing);
            server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            server.startup();
            log.info("In-process Kafka broker (KRaft) listening on {}, log in {}", bootstrapServers(), logDir);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not start the in-process Kafka broker on " + bootstrapServers()
                            + " with its log in " + logDir + ": " + e.getMessage()
                            + ". Free the port (spojka.kafka.embedded.port) or name an external cluster in"
                            + " spojka.kafka.bootstrap-servers.",
                    e);
        }
    }

    /** Why the broker stopped serving while the hub runs, or empty while it serves. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** What the broker asks of the JVM when it cannot go on ({@code Exit.halt}, {@code Exit.exit}). */
    private void stoppedServing(int status, String message) {
        failure = "the in-process Kafka broker stopped serving (status " + status + ")"
                + (message == null || message.isBlank() ? "" : ": " + message)
                + "; its log above says why (a full disk under " + logDir + " is the usual cause). The hub stays up"
                + " without it: fix the cause, then restart the hub";
        log.error("{}", failure);
    }

    /** Fails with a message an operator can act on, instead of Kafka halting the JVM on a bind failure. */
    private void requireFree(int port, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(config.host(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the in-process Kafka broker: port " + port + " on "
                    + config.host() + " is in use (is another Spojka or Kafka running?). Stop it, set " + property
                    + " to a free port, or name an external cluster in spojka.kafka.bootstrap-servers.");
        }
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + config.host() + ":" + config.controllerPort());
        props.put(
                "listeners",
                "PLAINTEXT://" + config.host() + ":" + config.port() + "," + CONTROLLER_LISTENER + "://" + config.host()
                        + ":" + config.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("offsets.topic.replication.factor", String.valueOf(replicationFactor));
        props.put("transaction.state.log.replication.factor", String.valueOf(replicationFactor));
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("log.cleaner.backoff.ms", "15000");
        // A controlled shutdown hands leadership to other brokers; there are none, and a broker whose log directory
        // failed would wait five minutes for it to end.
        props.put("controlled.shutdown.enable", "false");
        return props;
    }

    private void formatIfNew(KafkaConfig kafkaConfig) throws Exception {
        MetaPropertiesEnsemble existing = new MetaPropertiesEnsemble.Loader()
                .addLogDirs(List.of(logDir.toString()))
                .addMetadataLogDir(logDir.toString())
                .load();
        Optional<String> clusterId = existing.clusterId();
        if (clusterId.isPresent()) {
            log.debug("Reusing the Kafka log in {} (cluster {})", logDir, clusterId.get());
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        Exit.resetHaltProcedure();
        Exit.resetExitProcedure();
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
