package cz.spojka.subscription;

import cz.spojka.changelog.ChangeEvents;
import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * Which change events a subscription receives. Each list narrows the events down; an empty list lets every value
 * through.
 *
 * @param types exact event types, e.g. {@code cz.spojka.notice.created}
 * @param datasets dataset ids (the {@code dataset} extension), e.g. {@code uredni-deska}
 * @param municipalities IČO of the municipalities, the last segment of the {@code graph} extension
 *     ({@code <base>graph/<dataset>/<IČO>})
 */
record EventFilter(List<String> types, List<String> datasets, List<String> municipalities) {

    EventFilter {
        types = types == null ? List.of() : List.copyOf(types);
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
    }

    boolean matches(CloudEvent event) {
        return (types.isEmpty() || types.contains(event.getType()))
                && (datasets.isEmpty() || datasets.contains(extension(event, ChangeEvents.EXT_DATASET)))
                && (municipalities.isEmpty() || municipalities.contains(ico(event)));
    }

    private static String ico(CloudEvent event) {
        String graph = extension(event, ChangeEvents.EXT_GRAPH);
        return graph == null ? null : graph.substring(graph.lastIndexOf('/') + 1);
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
