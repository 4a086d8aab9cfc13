package cz.spojka.publiclog;

import static java.nio.charset.StandardCharsets.UTF_8;

import cz.spojka.access.Caller;
import cz.spojka.access.DataClassification;
import cz.spojka.access.GraphAccess;
import cz.spojka.connector.Connectors;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * Which change events belong on the public change log: those of the graphs the anonymous public may read, as
 * {@link GraphAccess} decides, and nothing else. The {@link #fingerprint} of the public datasets is committed with
 * the copy's offsets, so that a start with other classifications than the last one is noticed and the public log
 * reconciled with them.
 */
final class PublicDatasets {

    private final GraphAccess access;
    private final Connectors connectors;

    PublicDatasets(GraphAccess access, Connectors connectors) {
        this.access = access;
        this.connectors = connectors;
    }

    /** Whether an event of the named graph {@code graphIri} ({@code ce_graph}) is public; false without a graph. */
    boolean publicGraph(String graphIri) {
        return graphIri != null && access.visible(Caller.ANONYMOUS, graphIri, Instant.now());
    }

    /** {@code public-datasets:<SHA-256 of the sorted ids of the public datasets of the active connectors>}. */
    String fingerprint() {
        TreeSet<String> publicIds = new TreeSet<>();
        connectors.active().stream()
                .map(active -> active.definition().dataset().id())
                .filter(id -> access.classification(id) == DataClassification.PUBLIC)
                .forEach(publicIds::add);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", publicIds).getBytes(UTF_8));
            return "public-datasets:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
