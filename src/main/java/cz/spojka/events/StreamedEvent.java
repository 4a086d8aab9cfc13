package cz.spojka.events;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.ChangeType;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.util.Optional;

/**
 * One change-log event as the stream sends it: what the filters look at, read with {@link ChangeEvents#fromEvent},
 * and the frame, the CloudEvent in structured JSON form with the stream position after it as its id. The point and
 * the frame are worked out on first use and then kept, so the live stream does it once for all its clients.
 */
final class StreamedEvent {

    private static final EventFormat STRUCTURED = new JsonFormat();

    private final CloudEvent event;
    private final Change change;
    private final StreamPosition position;
    private Optional<GeoPoint> point;
    private byte[] frame;

    /** @throws IllegalArgumentException if the event is not a change event of the hub */
    StreamedEvent(CloudEvent event, StreamPosition position) {
        this.event = event;
        this.change = ChangeEvents.fromEvent(event);
        this.position = position;
    }

    String type() {
        return change.eventType();
    }

    String dataset() {
        return change.dataset();
    }

    /** The named graph of the entity ({@code ce_graph}), {@code <base>graph/<dataset>/<IČO>}; null if absent. */
    String graph() {
        return change.graphIri();
    }

    /** The IČO that ends the entity's graph IRI, {@code <base>graph/<dataset>/<IČO>}. */
    String municipality() {
        String graph = change.graphIri();
        return graph == null ? null : graph.substring(graph.lastIndexOf('/') + 1);
    }

    boolean deletion() {
        return change.type() == ChangeType.DELETED;
    }

    synchronized Optional<GeoPoint> point() {
        if (point == null) {
            point = change.entity() == null ? Optional.empty() : GeoPoint.of(change.entity(), change.entityIri());
        }
        return point;
    }

    StreamPosition position() {
        return position;
    }

    synchronized byte[] frame() {
        if (frame == null) {
            frame = SseFrames.event(position.id(), STRUCTURED.serialize(event));
        }
        return frame;
    }
}
