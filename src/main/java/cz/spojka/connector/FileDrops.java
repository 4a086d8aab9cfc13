package cz.spojka.connector;

import cz.spojka.changelog.ChangeLogUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run of one file of the {@code file-drop}, {@code ftp-drop} and {@code sftp-drop} templates, called as
 * {@code bean:spojkaFileDrops}, and the decision where the file goes afterwards.
 *
 * <p>Camel's file consumers know two outcomes: a completed exchange moves the file ({@code move}), a failed one rolls
 * back, which leaves the file where it is to be read on the next look, unless {@code moveFailed} is set, which then
 * moves it whatever the failure was. The templates therefore set no {@code moveFailed}: a run that failed because of
 * the file (it cannot be parsed, it is too large, the hub could not finish it for another reason) completes the
 * exchange with a failed report, and the route moves the file to the error folder through {@code move}; a run that
 * failed because the change log was unavailable ({@link ChangeLogUnavailableException}) fails the exchange, so the
 * file stays in the folder untouched and is read again, by itself, once the broker is back. Its dead letter, if the
 * file turns out to be broken, is written then, so the dead-letter log holds no outage.
 */
public final class FileDrops {

    private static final Logger log = LoggerFactory.getLogger(FileDrops.class);

    private final ConnectorRunner runner;
    private final Connectors connectors;

    FileDrops(ConnectorRunner runner, Connectors connectors) {
        this.runner = runner;
        this.connectors = connectors;
    }

    /**
     * Runs the file and returns the report: succeeded (the route moves the file to the done folder) or failed (to the
     * error folder).
     *
     * @throws ChangeLogUnavailableException after recording the failed run, when the change log could not be reached:
     *     Camel then leaves the file in the folder
     */
    public RunReport ingest(Exchange exchange) {
        Instant started = Instant.now();
        try {
            return runner.ingest(exchange);
        } catch (RuntimeException e) {
            String connectorId = exchange.getProperty(ConnectorRunner.CONNECTOR_PROPERTY, String.class);
            String file = exchange.getProperty(ConnectorRunner.SOURCE_PROPERTY, String.class);
            boolean unavailable = ChangeLogUnavailableException.causedBy(e);
            String reason = file + ": "
                    + (unavailable
                            ? "the change log is unavailable; the file stays in the folder and is read again on a"
                                    + " later look: "
                            : "")
                    + ConnectorScheduler.describe(e);
            RunReport failed = RunReport.failed(
                    connectorId,
                    RunReport.newRunId(),
                    started,
                    Duration.between(started, Instant.now()).toMillis(),
                    reason);
            connectors.recordRun(failed);
            log.warn("{}", failed);
            if (unavailable) {
                throw e;
            }
            return failed;
        }
    }
}
